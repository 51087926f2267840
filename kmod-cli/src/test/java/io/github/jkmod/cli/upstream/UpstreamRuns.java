package io.github.jkmod.cli.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.cli.CoreRunner;
import io.github.jkmod.cli.Jmodprobe;
import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.core.testsupport.RealModprobe.Outcome;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs of the two real modprobes and of jmodprobe (in this JVM) on the same command line, for the
 * cases of kmod's test suite ({@link UpstreamModprobeCasesTest}).
 */
final class UpstreamRuns {
    private static final String SCRIPT = "cd \"$1\" || exit 78\n"
            + "[ -z \"$2\" ] || mount --bind \"$2\" /proc/cmdline || exit 77\n"
            + "shift 2\nexec \"$@\"\n";
    private static Boolean namespaces;

    private UpstreamRuns() {
    }

    /** The two oracles, each with the jmodprobe profile that follows it. */
    enum Oracle {
        /** This machine's kmod 30 ({@code /usr/sbin/modprobe}); jmodprobe with {@code JKMOD_PROFILE=kmod30}. */
        KMOD30("kmod30"),
        /**
         * Debian 13's kmod 34.2 run on this file system by {@code .ci/fetch-trixie}'s wrapper
         * ({@code $JKMOD_TRIXIE/jkmod-bin/modprobe}, default {@code /var/tmp/jkmod-trixie});
         * jmodprobe with {@code JKMOD_PROFILE=kmod34}.
         */
        KMOD34("kmod34");

        final String profile;

        Oracle(String profile) {
            this.profile = profile;
        }

        /** The real program; a missing one skips the test (fails it under CI). */
        Path program() {
            if (this == KMOD30) {
                return Prerequisites.modprobe();
            }
            Path p = Path.of(System.getenv().getOrDefault("JKMOD_TRIXIE", "/var/tmp/jkmod-trixie"),
                    "jkmod-bin/modprobe");
            Prerequisites.require(Files.isExecutable(p), "kmod 34.2 (" + p + "; run .ci/fetch-trixie)");
            return p;
        }

        /** jmodprobe's environment for this oracle. */
        Map<String, String> env() {
            return Map.of("JKMOD_PROFILE", profile);
        }
    }

    /** A kernel for runs that must not reach it (-n, --show-depends, -R, -c, builtins). */
    static final KernelCalls NO_KERNEL = new KernelCalls() {
        @Override
        public void finitModule(String module, Path file, String params, int flags) {
            throw new AssertionError("finit_module " + module + " in a run that must not load");
        }

        @Override
        public void initModule(String module, byte[] image, String params) {
            throw new AssertionError("init_module " + module + " in a run that must not load");
        }

        @Override
        public void deleteModule(String module, int flags) {
            throw new AssertionError("delete_module " + module + " in a run that must not remove");
        }
    };

    /**
     * Runs the real modprobe of {@code oracle} in {@code cwd}; with a {@code cmdline} file, inside a
     * private mount namespace where that file is {@code /proc/cmdline} (needs root).
     */
    static Outcome real(Oracle oracle, Path cwd, Path cmdline, List<String> args) {
        Path program = oracle.program();
        List<String> command = new ArrayList<>();
        if (cmdline != null) {
            Prerequisites.require(canReplaceCmdline(),
                    "a private mount namespace (unshare -m, as root) to replace /proc/cmdline");
            command.addAll(List.of("unshare", "-m"));
        }
        command.addAll(List.of("/bin/sh", "-c", SCRIPT, "sh", cwd.toString(),
                cmdline == null ? "" : cmdline.toString(), program.toString()));
        command.addAll(args);
        Outcome o = RealModprobe.capture(command, RealModprobe.environmentWithoutModprobeOptions(),
                StandardCharsets.UTF_8, RealModprobe.TIMEOUT);
        if (o.status() == 77 || o.status() == 78) {
            throw new IllegalStateException("could not set up the run " + command + ": " + o);
        }
        return o;
    }

    /**
     * Runs jmodprobe in this JVM as {@code argv0}, working directory {@code cwd}, reading
     * {@code sys/}, {@code proc/} (and the default configuration directories) under
     * {@code systemRoot}.
     */
    static Outcome jmod(String argv0, Map<String, String> env, KernelCalls kernel, CommandRunner commands,
            Path cwd, Path systemRoot, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Jmodprobe.run(argv0, args.toArray(String[]::new), o, e, env,
                    new CoreRunner(kernel, commands, cwd, systemRoot), SyslogSink.DISCARD);
        }
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    /**
     * The case's command line run by the real tool of {@code oracle} and by jmodprobe with its
     * profile (named as the real program, so that messages naming the program agree); asserts that
     * both give the same stdout, stderr and exit status, and returns the real tool's outcome.
     *
     * @param cmdline a file to be the kernel command line of both, or null (this machine's)
     */
    static Outcome compare(Oracle oracle, Path cwd, Path cmdline, List<String> args) {
        Outcome real = real(oracle, cwd, cmdline, args);
        Path systemRoot = Path.of("/");
        if (cmdline != null) {
            systemRoot = cmdline.getParent().resolve("jmod-root");
            try {
                Files.createDirectories(systemRoot.resolve("proc"));
                Files.copy(cmdline, systemRoot.resolve("proc/cmdline"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Outcome jmod = jmod(oracle.program().toString(), oracle.env(), NO_KERNEL, CommandRunner.SHELL,
                cwd, systemRoot, args);
        String what = oracle + " modprobe " + String.join(" ", args);
        if (Boolean.getBoolean("jkmod.upstream.dump")) {
            System.out.println("=== " + what + "\n" + show(real));
        }
        assertEquals(show(real), show(jmod), what + ": jmodprobe (right) differs from the real tool (left)");
        return real;
    }

    /** An outcome as text, for messages and comparisons. */
    static String show(Outcome o) {
        return "exit " + o.status() + "\n--- stdout\n" + o.stdout() + "--- stderr\n" + o.stderr();
    }

    /** Whether this process can make a mount namespace and bind-mount over /proc/cmdline. */
    static synchronized boolean canReplaceCmdline() {
        if (namespaces == null) {
            try {
                Process p = new ProcessBuilder("unshare", "-m", "sh", "-c",
                        "mount --bind /dev/null /proc/cmdline && test ! -s /proc/cmdline")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                namespaces = p.waitFor() == 0;
            } catch (IOException e) {
                namespaces = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                namespaces = false;
            }
        }
        return namespaces;
    }
}
