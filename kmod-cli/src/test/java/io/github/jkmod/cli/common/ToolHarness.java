package io.github.jkmod.cli.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.cli.multicall.Jkmod;
import io.github.jkmod.core.testsupport.RealModprobe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a real kmod tool and jkmod's in this JVM, for tests that compare them: standard output,
 * standard error and exit status, bytes as ISO-8859-1.
 */
public final class ToolHarness {
    /** libkmod's {@code -vvv} pointers, which change from run to run (kmod 30 after the source location). */
    private static final Pattern ADDRESS = Pattern.compile(
            "((?:kmod_set_log_fn\\(\\) |INFO: )custom logging function 0x|(?:kmod_unref\\(\\) |INFO: )context 0x)[0-9a-f]+");

    private ToolHarness() {
    }

    /**
     * What a run printed and returned.
     *
     * @param stdout standard output
     * @param stderr standard error
     * @param status exit status
     */
    public record Outcome(String stdout, String stderr, int status) {
        /** This outcome with the run-dependent pointers of {@code -vvv} replaced by {@code ADDR}. */
        public Outcome normalised() {
            return new Outcome(stdout, ADDRESS.matcher(stderr).replaceAll("$1ADDR"), status);
        }
    }

    /** The real {@code tool} with {@code args}, in {@code LC_ALL=C}. */
    public static Outcome real(Path tool, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.addAll(args);
        RealModprobe.Outcome o = RealModprobe.capture(cmd, environment(), StandardCharsets.ISO_8859_1,
                Duration.ofSeconds(60));
        return new Outcome(o.stdout(), o.stderr(), o.status());
    }

    /**
     * The real {@code tool} with {@code args}, seeing {@code tree/sys/module} as {@code /sys/module}
     * and {@code tree/proc/modules} (when there) as {@code /proc/modules}, in a mount namespace of its
     * own ({@code unshare -m}; root only).
     */
    public static Outcome realOnTree(Path tree, Path tool, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                "t=$1; shift; mount -t tmpfs jkmod-proc /proc || exit 99; "
                        + "if [ -e \"$t/proc/modules\" ]; then cp \"$t/proc/modules\" /proc/modules || exit 98; fi; "
                        + "mount --bind \"$t/sys/module\" /sys/module || exit 97; exec \"$@\"",
                "sh", tree.toString(), tool.toString()));
        cmd.addAll(args);
        RealModprobe.Outcome o = RealModprobe.capture(cmd, environment(), StandardCharsets.ISO_8859_1,
                Duration.ofSeconds(60));
        assertTrue(o.status() < 97, "the namespace could not be set up: " + o);
        return new Outcome(o.stdout(), o.stderr(), o.status());
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LC_ALL", "C");
        return env;
    }

    /**
     * jkmod's tool {@code argv0} in this JVM ({@link Jkmod#run}: the running kernel's system calls),
     * reading the kernel's files under {@code root}, with environment {@code env}.
     */
    public static Outcome jkmod(Path root, Map<String, String> env, String argv0, List<String> args) {
        return jkmod(run -> Jkmod.run(argv0, args, run), root, env, SyslogSink.DISCARD);
    }

    /** A tool run in this JVM: {@code tool} gets the streams, {@code env}, {@code root} and {@code syslog}. */
    public static Outcome jkmod(java.util.function.ToIntFunction<ToolRun> tool, Path root, Map<String, String> env,
            SyslogSink syslog) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            status = tool.applyAsInt(new ToolRun(o, e, env, root, syslog));
        }
        return new Outcome(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1),
                status);
    }
}
