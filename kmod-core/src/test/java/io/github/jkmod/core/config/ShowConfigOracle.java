package io.github.jkmod.core.config;

import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.FetchedTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code modprobe -c} ({@link RealModprobe}) as an oracle. When this process may
 * create a mount namespace ({@code unshare -m}, as root), the kernel command line modprobe reads is
 * replaced by a test file (bind-mounted over {@code /proc/cmdline} inside the namespace only);
 * otherwise modprobe reads the machine's own {@code /proc/cmdline}, and so must the side under test.
 */
final class ShowConfigOracle {
    private static volatile Boolean namespaces;

    private ShowConfigOracle() {
    }

    /** What {@code modprobe -c} printed. */
    record Result(String config, List<String> stderr, Path cmdline, int exitCode) {
    }

    /** The real module tree's root ({@code -d}), if present. */
    static Optional<Path> realTreeRoot() {
        return FetchedTree.find().map(FetchedTree::root);
    }

    /** The real module tree's kernel release ({@code -S}). */
    static String realTreeRelease() {
        return FetchedTree.require().release();
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
        Path modprobe = RealModprobe.require();
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
        Map<String, String> env = RealModprobe.environmentWithoutModprobeOptions();
        env.put("LC_ALL", "C");
        RealModprobe.Outcome run = RealModprobe.capture(command, env, StandardCharsets.ISO_8859_1,
                RealModprobe.TIMEOUT);
        int end = run.stdout().indexOf(ModprobeConfig.END_OF_CONFIGURATION);
        String config = end < 0 ? run.stdout() : run.stdout().substring(0, end);
        List<String> lines = run.stderr().isEmpty() ? List.of() : List.of(run.stderr().split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        return new Result(config, List.copyOf(lines), used, run.status());
    }
}
