package io.github.jkmod.cli.conformance;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.CoreRunner;
import io.github.jkmod.cli.Jmodprobe;
import io.github.jkmod.cli.StdioOutputStream;
import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.testsupport.RealModprobe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command line three ways: the real modprobe ({@link RealModprobe#locate()}), jmodprobe in
 * this JVM, and a packaged executable (target/jmodprobe) as a process.
 */
final class Programs {
    private static final Charset BYTES = StandardCharsets.ISO_8859_1;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Programs() {
    }

    /**
     * Runs {@code program} (argv[0] is {@code program} as given) with exactly the command line's
     * arguments and environment, stdin from /dev/null. Arguments that this JVM cannot pass as
     * they are (bytes that the platform charset does not round-trip) go through
     * {@code xargs -0}, which passes bytes untouched.
     */
    static Outcome process(String program, CommandLine line) {
        List<String> command = new ArrayList<>();
        Path argFile = null;
        boolean viaXargs = !line.args().stream().allMatch(Programs::passesAsIs);
        try {
            if (viaXargs) {
                argFile = Files.createTempFile("jkmod-args", ".bin");
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                for (String a : line.args()) {
                    b.writeBytes(a.getBytes(BYTES));
                    b.write(0);
                }
                Files.write(argFile, b.toByteArray());
                command.addAll(List.of("xargs", "-0", "-x", "-a", argFile.toString(), "--"));
            }
            command.add(program);
            if (!viaXargs) {
                command.addAll(line.args());
            }
            RealModprobe.Outcome o = RealModprobe.capture(command, line.env(), BYTES, TIMEOUT);
            int status = o.status();
            if (viaXargs && status == 123) {
                status = 1; // xargs: "the command exited with status 1-125"
            }
            return new Outcome(o.stdout(), o.stderr(), status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (argFile != null) {
                try {
                    Files.deleteIfExists(argFile);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static boolean passesAsIs(String arg) {
        for (int i = 0; i < arg.length(); i++) {
            if (arg.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs jmodprobe in this JVM as the program {@code argv0}, with the real kernel calls and with
     * streams set up like the packaged program's: stdout buffered until the end (like stdio on a
     * pipe), stderr unbuffered, both one byte per char. Install and remove commands run with
     * {@code /bin/sh -c} in the command line's environment; what they print goes straight to the
     * captured streams, past jmodprobe's stdout buffer, as a child's output does.
     */
    static Outcome inProcess(String argv0, CommandLine line) {
        ByteArrayOutputStream rawOut = new ByteArrayOutputStream();
        ByteArrayOutputStream rawErr = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new StdioOutputStream(rawOut), false, BYTES);
        PrintStream err = new PrintStream(rawErr, true, BYTES);
        CommandRunner commands = (command, extra) -> runCommand(command, line.env(), extra, rawOut, rawErr);
        CoreRunner runner = new CoreRunner(KernelCalls.system(), commands, Path.of("").toAbsolutePath(),
                Path.of("/"));
        int status = Jmodprobe.run(argv0, line.args().toArray(String[]::new), out, err, line.env(),
                runner, SyslogSink.DISCARD);
        out.flush();
        return new Outcome(rawOut.toString(BYTES), rawErr.toString(BYTES), status);
    }

    private static int runCommand(String command, Map<String, String> env, Map<String, String> extra,
            ByteArrayOutputStream out, ByteArrayOutputStream err) throws KmodException {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        RealModprobe.Outcome o;
        try {
            o = RealModprobe.capture(List.of("/bin/sh", "-c", command), all, BYTES, TIMEOUT);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new KmodException("cannot run " + command, e);
        }
        out.writeBytes(o.stdout().getBytes(BYTES));
        err.writeBytes(o.stderr().getBytes(BYTES));
        return o.status();
    }
}
