package io.github.jkmod.cli.modinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.multicall.Jkmod;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Oracle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs of the real {@code modinfo} of the chosen {@link Oracle} and of jkmod's (in this JVM, as
 * {@code argv0} the real tool's path so that getopt's messages name the same program, with the
 * oracle's profile) on the same arguments, in the same working directory (this JVM's), with the
 * same root ({@code /}).
 */
final class ModinfoRuns {
    private ModinfoRuns() {
    }

    /** What a run printed and returned (text one char per byte). */
    record Outcome(String stdout, String stderr, int status) {
    }

    /** The real modinfo of the oracle. */
    static Path real() {
        return Oracle.current().modinfo();
    }

    /** The real modinfo on {@code args}, with {@code extraEnv} added to a C-locale environment. */
    static Outcome real(List<String> args, Map<String, String> extraEnv) {
        List<String> cmd = new ArrayList<>();
        cmd.add(real().toString());
        cmd.addAll(args);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LC_ALL", "C");
        env.putAll(extraEnv);
        RealModprobe.Outcome o = RealModprobe.capture(cmd, env, StandardCharsets.ISO_8859_1, Duration.ofMinutes(5));
        return new Outcome(o.stdout(), o.stderr(), o.status());
    }

    /** jkmod's modinfo on {@code args} in this JVM, named as the real tool, with the oracle's profile. */
    static Outcome jkmod(List<String> args, Map<String, String> extraEnv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        Map<String, String> env = new HashMap<>(extraEnv);
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            status = Jkmod.run(real().toString(), args,
                    new ToolRun(o, e, Oracle.current().withProfile(env), Path.of("/"), SyslogSink.DISCARD));
            o.flush();
        }
        return new Outcome(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1),
                status);
    }

    /** The real outcome, with {@code -V}'s text replaced by jkmod's (the one intended difference). */
    static Outcome expected(List<String> args, Map<String, String> extraEnv) {
        Outcome real = real(args, extraEnv);
        if (real.stdout().startsWith("kmod version ")) {
            KmodProfile profile = KmodProfile.fromName(Oracle.current().profile());
            assertTrue(real.stdout().startsWith("kmod version " + profile.kmodVersion() + "\n"), real.stdout());
            return new Outcome(ToolAccess.versionText(profile), real.stderr(), real.status());
        }
        return real;
    }

    /** Both outcomes equal: stdout, stderr, exit status. */
    static Outcome compare(List<String> args) {
        return compare(args, Map.of());
    }

    /** Both outcomes equal, with {@code extraEnv}. */
    static Outcome compare(List<String> args, Map<String, String> extraEnv) {
        real(); // a missing tool is a missing prerequisite, reported here rather than wrapped
        // the real tool in its own process while jkmod runs here: half the wall time on big batches
        java.util.concurrent.CompletableFuture<Outcome> real =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> expected(args, extraEnv));
        Outcome actual = jkmod(args, extraEnv);
        Outcome expected = real.join();
        String what = "modinfo " + shortened(args) + " against " + Oracle.current().description();
        assertEquals(expected.status(), actual.status(), what + ": exit status");
        assertEquals(expected.stderr(), actual.stderr(), what + ": stderr");
        if (!expected.stdout().equals(actual.stdout())) {
            int at = 0;
            int max = Math.min(expected.stdout().length(), actual.stdout().length());
            while (at < max && expected.stdout().charAt(at) == actual.stdout().charAt(at)) {
                at++;
            }
            // the first difference, with some context, rather than megabytes of output
            int from = Math.max(0, expected.stdout().lastIndexOf('\n', Math.max(0, at - 400)));
            assertEquals(window(expected.stdout(), from), window(actual.stdout(), from),
                    what + ": stdout differs at byte " + at);
        }
        return actual;
    }

    private static String window(String s, int from) {
        return s.substring(Math.min(from, s.length()), Math.min(s.length(), from + 1200));
    }

    private static String shortened(List<String> args) {
        return args.size() <= 12 ? args.toString()
                : args.subList(0, 12) + "... (" + args.size() + " arguments)";
    }
}
