package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real Debian module tree (system property {@code jkmod.realtree}) and the real kmod tools,
 * used as oracles. Every accessor skips the calling test when what it needs is absent.
 */
final class RealTree {
    private RealTree() {
    }

    /** {@code ROOT/lib/modules/RELEASE}, or the test is skipped. */
    static Path moduleDir() {
        Path dir = Path.of(System.getProperty("jkmod.realtree", "/var/tmp/jkmod-realtree"));
        assumeTrue(Files.isRegularFile(dir.resolve("release")), "real module tree absent: " + dir);
        try {
            String release = Files.readString(dir.resolve("release")).strip();
            Path modules = dir.resolve("root/lib/modules").resolve(release);
            assumeTrue(Files.isDirectory(modules), "real module tree absent: " + modules);
            return modules.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code .ko} file of the real tree, sorted by path. */
    static List<Path> allModules() {
        try (Stream<Path> s = Files.walk(moduleDir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ko")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** About {@code n} modules spread evenly over the sorted list, none larger than {@code maxBytes}. */
    static List<Path> sample(int n, long maxBytes) {
        List<Path> all = allModules();
        List<Path> out = new ArrayList<>();
        int step = Math.max(1, all.size() / n);
        for (int i = 0; i < all.size() && out.size() < n; i += step) {
            for (int j = i; j < Math.min(all.size(), i + step); j++) {
                if (size(all.get(j)) <= maxBytes) {
                    out.add(all.get(j));
                    break;
                }
            }
        }
        return out;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of {@code candidates} that is an executable file, or the test is skipped. */
    static String tool(String... candidates) {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String c : candidates) {
                Path p = Path.of(dir).resolve(Path.of(c).getFileName().toString());
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        assumeTrue(false, "tool absent: " + String.join(", ", candidates));
        return null;
    }

    /** The real modinfo, or the test is skipped. */
    static String modinfo() {
        return tool("/usr/sbin/modinfo", "/sbin/modinfo");
    }

    /** The real modprobe, or the test is skipped. */
    static String modprobe() {
        return tool("/usr/sbin/modprobe", "/sbin/modprobe");
    }

    /** The result of running a command. */
    record Result(int exit, String out, String err) {
    }

    /** Runs {@code command}; stdout and stderr decoded as UTF-8. */
    static Result run(List<String> command) {
        try {
            Path err = Files.createTempFile("jkmod-oracle", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                int exit = p.waitFor();
                return new Result(exit, new String(out, StandardCharsets.UTF_8), Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code modprobe OPTION FILE} for every file in one shell, each output preceded by a line
     * {@code == FILE} and followed by {@code rc=N}.
     */
    static String modprobeEach(String option, List<Path> files) {
        String modprobe = modprobe();
        try {
            Path list = Files.createTempFile("jkmod-oracle", ".list");
            try {
                Files.write(list, files.stream().map(Path::toString).collect(Collectors.toList()));
                String script = "while IFS= read -r f; do echo \"== $f\"; \"$0\" " + option
                        + " \"$f\" 2>/dev/null; echo \"rc=$?\"; done < \"$1\"";
                Result r = run(List.of("/bin/sh", "-c", script, modprobe, list.toString()));
                return r.out();
            } finally {
                Files.deleteIfExists(list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
