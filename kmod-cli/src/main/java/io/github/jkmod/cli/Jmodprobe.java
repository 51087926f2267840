package io.github.jkmod.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code jmodprobe}, the drop-in replacement for {@code modprobe}: parses the command line like
 * kmod 30 ({@link OptionParser}), prints help, version and usage errors byte for byte like it
 * (naming itself as invoked), and hands valid command lines to a {@link ModprobeRunner}.
 *
 * <p>The launcher script passes the name it was invoked as in the system property
 * {@value #ARGV0_PROPERTY}; without it the program calls itself {@code jmodprobe}.
 */
public final class Jmodprobe {
    /** System property holding {@code argv[0]} as the launcher received it. */
    public static final String ARGV0_PROPERTY = "jkmod.argv0";
    /** The name used when {@value #ARGV0_PROPERTY} is not set. */
    public static final String DEFAULT_NAME = "jmodprobe";

    private Jmodprobe() {
    }

    /**
     * Runs with the real streams and environment, then exits with the status.
     *
     * @param args the command-line arguments, as modprobe takes them
     */
    public static void main(String[] args) {
        int status = start(args, new java.io.FileOutputStream(java.io.FileDescriptor.out),
                new java.io.FileOutputStream(java.io.FileDescriptor.err), stdoutIsTerminal());
        exit(status);
    }

    /**
     * Whether standard output is a terminal, as C stdio's {@code isatty(1)} decides for modprobe:
     * from the file {@code /proc/self/fd/1} names (a pseudo-terminal, a {@code /dev/tty*}, the
     * console or a hypervisor console). Not {@code System.console() != null}: that also asks for a
     * terminal on standard input, and on JDK 22 and later looks up a console provider, about 1 ms
     * of every start even with the classes archived (11 ms without).
     */
    static boolean stdoutIsTerminal() {
        String target;
        try {
            target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/1")).toString();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console")
                || target.startsWith("/dev/hvc");
    }

    /**
     * What {@link #main} does before it exits, with the given standard output and error: the
     * command line and environment as the bytes the program was given, stdio-like buffering, the
     * system's syslog and kernel. {@link CdsTraining} runs it too, so that the class-data archive
     * holds every class of this path.
     *
     * @param terminal whether standard output is a terminal (then line-buffered)
     * @return the exit status
     */
    static int start(String[] args, java.io.OutputStream stdout, java.io.OutputStream stderr,
            boolean terminal) {
        String argv0 = System.getProperty(ARGV0_PROPERTY, DEFAULT_NAME);
        // Like C stdio: stdout is line-buffered on a terminal, else fully buffered and written
        // at exit, so that the output of install commands lands where modprobe's would.
        PrintStream out = new PrintStream(new StdioOutputStream(stdout), terminal,
                java.nio.charset.StandardCharsets.ISO_8859_1);
        // Names and configuration text are handled one char per byte (ISO-8859-1): written
        // back the same way, bytes come out as they went in, whatever the locale.
        PrintStream err = new PrintStream(stderr, true, java.nio.charset.StandardCharsets.ISO_8859_1);
        // With -s, messages go to libc's syslog; nothing native is loaded before the first one.
        SystemLogSink syslog = new SystemLogSink(OptionParser.baseName(argv0),
                io.github.jkmod.core.kernel.SystemLog.system());
        int status = run(argv0, RawArguments.of(args), out, err, RawArguments.environment(System.getenv()),
                CoreRunner.system(), syslog);
        out.flush();
        syslog.close();
        return status;
    }

    /**
     * Ends the process with {@code status}. Output is flushed already; when JNA has not loaded its
     * native library (it then set {@code jnidispatch.path}), nothing was left for shutdown hooks
     * to do (JNA asks for its unpacked copy to be deleted on exit), so the JVM halts: on JDK 21+
     * {@code System.exit} first looks up the {@code java.lang.Runtime} logger, which sets up the
     * JDK's whole logging back end (about 10 ms) only to find it disabled.
     */
    private static void exit(int status) {
        System.out.flush();
        System.err.flush();
        if (System.getProperty("jnidispatch.path") == null) {
            Runtime.getRuntime().halt(status);
        }
        System.exit(status);
    }

    /**
     * Runs as {@code jmodprobe}; returns the exit status.
     *
     * @param args the command-line arguments
     * @param out standard output
     * @param err standard error
     * @param env the environment ({@code MODPROBE_OPTIONS}, {@code JKMOD_PROFILE}, ...)
     * @return the exit status, 0 or 1
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(DEFAULT_NAME, args, out, err, env);
    }

    /**
     * Runs as the program {@code argv0} (e.g. {@code /sbin/modprobe}); returns the exit status.
     *
     * @param argv0 the program name, as {@code argv[0]}; messages start with its base name
     * @param args the command-line arguments
     * @param out standard output
     * @param err standard error
     * @param env the environment
     * @return the exit status, 0 or 1
     */
    public static int run(String argv0, String[] args, PrintStream out, PrintStream err,
            Map<String, String> env) {
        return run(argv0, args, out, err, env, CoreRunner.system(), SyslogSink.DISCARD);
    }

    /**
     * Runs as the program {@code argv0} with the given runner and syslog client.
     *
     * @param argv0 the program name, as {@code argv[0]}
     * @param args the command-line arguments
     * @param out standard output
     * @param err standard error
     * @param env the environment
     * @param runner what builds the context and makes the kernel calls, e.g. one on a fake kernel
     * @param syslog where messages go with {@code -s}
     * @return the exit status, 0 or 1
     */
    public static int run(String argv0, String[] args, PrintStream out, PrintStream err,
            Map<String, String> env, ModprobeRunner runner, SyslogSink syslog) {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(syslog, "syslog");
        String programName = OptionParser.baseName(argv0);
        ParseResult result;
        try {
            result = OptionParser.parse(argv0, List.of(args), env);
        } catch (UsageException e) {
            if (e.syslogMessage().isPresent()) {
                syslog.send(Log.ERR, e.syslogMessage().get());
            } else {
                err.print(e.text());
                err.flush();
            }
            return UsageException.EXIT_STATUS;
        }
        if (result instanceof ParseResult.Help help) {
            out.print(HelpText.render(programName, help.profile()));
            out.flush();
            return 0;
        }
        if (result instanceof ParseResult.Version version) {
            out.print(VersionText.render(version.profile()));
            out.flush();
            return 0;
        }
        ModprobeOptions options = ((ParseResult.Run) result).options();
        Log log = Log.forOptions(programName, err, options, syslog);
        int status;
        try {
            status = runner.run(options, out, log);
        } catch (Log.FatalExit e) {
            status = 1;
        } catch (RuntimeException e) {
            // modprobe never prints a Java stack trace: one FATAL line, the trace for diagnostics.
            // (The logger is looked up here only: System.getLogger costs start-up time.)
            System.getLogger(Jmodprobe.class.getName()).log(System.Logger.Level.DEBUG, "internal error", e);
            try {
                log.fatal("internal error: " + e);
            } catch (Log.FatalExit exit) {
                // the message is out; the status follows
            }
            status = 1;
        }
        out.flush();
        return status;
    }
}
