package io.github.jkmod.cli;

import io.github.jkmod.core.testsupport.RealModprobe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs jmodprobe in this JVM, for comparison with a run of a program ({@link RealModprobe}). */
final class InProcess {
    private InProcess() {
    }

    /** Runs jmodprobe as the program {@code argv0}; output as UTF-8, like {@link RealModprobe#run}. */
    static RealModprobe.Outcome run(String argv0, List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Jmodprobe.run(argv0, args.toArray(String[]::new), o, e, env);
        }
        return new RealModprobe.Outcome(out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), status);
    }
}
