package io.github.jkmod.cli;

import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Oracle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs jmodprobe in this JVM, for comparison with a run of a program ({@link RealModprobe}). Every
 * run gets {@code JKMOD_PROFILE} of the chosen oracle ({@link Oracle#withProfile}) in its
 * environment, so that jmodprobe behaves as the kmod it is compared with.
 */
final class InProcess {
    private InProcess() {
    }

    /**
     * Runs jmodprobe as the program {@code argv0} in the environment {@code env} plus
     * {@code JKMOD_PROFILE} of the chosen oracle; output as UTF-8, like {@link RealModprobe#run}.
     */
    static RealModprobe.Outcome run(String argv0, List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Jmodprobe.run(argv0, args.toArray(String[]::new), o, e, Oracle.current().withProfile(env));
        }
        return new RealModprobe.Outcome(out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), status);
    }
}
