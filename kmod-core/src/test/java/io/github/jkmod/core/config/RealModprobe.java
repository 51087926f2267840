package io.github.jkmod.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code modprobe -c} as an oracle. When this process may create a mount namespace
 * ({@code unshare -m}, as root), the kernel command line modprobe reads is replaced by a test file
 * (bind-mounted over {@code /proc/cmdline} inside the namespace only); otherwise modprobe reads the
 * machine's own {@code /proc/cmdline}, and so must the side under test.
 */
final class RealModprobe {
    private static final Path REAL_TREE = Path.of(System.getProperty("jkmod.realtree", "/var/tmp/jkmod-realtree"));
    private static volatile Boolean namespaces;

    private RealModprobe() {
    }

    /** What {@code modprobe -c} printed. */
    record Result(String config, List<String> stderr, Path cmdline, int exitCode) {
    }

    /** The modprobe program, if installed. */
    static Optional<Path> program() {
        List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(Arrays.asList(path.split(":")));
        }
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "modprobe"))
                .filter(Files::isExecutable).findFirst();
    }

    /** The real module tree's root ({@code -d}), if present. */
    static Optional<Path> realTreeRoot() {
        Path root = REAL_TREE.resolve("root");
        return Files.isDirectory(root) && Files.isRegularFile(REAL_TREE.resolve("release"))
                ? Optional.of(root) : Optional.empty();
    }

    /** The real module tree's kernel release ({@code -S}). */
    static String realTreeRelease() {
        try {
            return Files.readString(REAL_TREE.resolve("release")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether modprobe can be shown a test kernel command line. */
    static boolean canReplaceCmdline() {
        Boolean ok = namespaces;
        if (ok == null) {
            ok = probeNamespaces();
            namespaces = ok;
        }
        return ok;
    }

    private static boolean probeNamespaces() {
        try {
            Path empty = Files.createTempFile("jkmod-cmdline", "");
            try {
                Process p = new ProcessBuilder("unshare", "-m", "sh", "-c",
                        "mount --bind \"$0\" /proc/cmdline && test ! -s /proc/cmdline", empty.toString())
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } finally {
                Files.deleteIfExists(empty);
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code modprobe ARGS -c} with {@code cmdline} as its kernel command line when possible
     * (see {@link Result#cmdline()} for the file it really read).
     */
    static Result showConfig(List<String> args, Path cmdline) {
        return run(null, args, cmdline);
    }

    /**
     * Runs {@code sh -c SETUP} in a mount namespace after the command line is in place, then
     * {@code modprobe ARGS -c}. The script sees the command line file as $0; exit status 77 means
     * "cannot set up".
     */
    static Result showConfigAfter(String setup, List<String> args, Path cmdline) {
        if (!canReplaceCmdline()) {
            throw new IllegalStateException("no mount namespaces");
        }
        return run(setup, args, cmdline);
    }

    private static Result run(String setup, List<String> args, Path cmdline) {
        Path modprobe = program().orElseThrow();
        List<String> command = new ArrayList<>();
        Path used;
        if (canReplaceCmdline()) {
            command.addAll(List.of("unshare", "-m", "sh", "-c",
                    "mount --bind \"$0\" /proc/cmdline || exit 77\n"
                            + (setup == null ? "" : setup + "\n")
                            + "exec \"$@\"",
                    cmdline.toString()));
            used = cmdline;
        } else {
            used = Path.of("/proc/cmdline");
        }
        command.add(modprobe.toString());
        command.addAll(args);
        command.add("-c");
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("MODPROBE_OPTIONS");
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = readAll(p.getInputStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("modprobe did not finish: " + command);
            }
            String stdout = new String(out, StandardCharsets.ISO_8859_1);
            int end = stdout.indexOf(ModprobeConfig.END_OF_CONFIGURATION);
            String config = end < 0 ? stdout : stdout.substring(0, end);
            String stderr = new String(err.join(), StandardCharsets.ISO_8859_1);
            List<String> lines = stderr.isEmpty() ? List.of() : List.of(stderr.split("\n", -1));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            return new Result(config, List.copyOf(lines), used, p.exitValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
