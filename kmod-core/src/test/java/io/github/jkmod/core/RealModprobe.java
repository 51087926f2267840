package io.github.jkmod.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the real modprobe (kmod) as an oracle. */
final class RealModprobe {

    /** What one run printed. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private RealModprobe() {
    }

    /** The real modprobe, or null when it is not installed. */
    static Path find() {
        for (String p : List.of("/usr/sbin/modprobe", "/sbin/modprobe", "/usr/bin/modprobe")) {
            Path path = Path.of(p);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }

    static Result run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(find().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("MODPROBE_OPTIONS");
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        return new Result(code, new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }
}
