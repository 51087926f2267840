package io.github.jkmod.cli;

import java.io.PrintStream;

/**
 * Does the work a valid command line asks for. {@link Jmodprobe} parses, then hands the options
 * to a runner; until the core is wired in, {@link #NOT_IMPLEMENTED} refuses every action.
 */
@FunctionalInterface
public interface ModprobeRunner {

    /** Logs {@code ERROR: not implemented yet: ACTION} and returns 1. */
    ModprobeRunner NOT_IMPLEMENTED = new ModprobeRunner() {
        // An anonymous class, not a lambda: no method-handle spinning at start-up.
        @Override
        public int run(ModprobeOptions options, PrintStream out, Log log) {
            log.error("not implemented yet: "
                    + options.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            return 1;
        }
    };

    /**
     * Runs the action.
     *
     * @param options the parsed command line
     * @param out stdout (for {@code insmod ...} lines and query output)
     * @param log stderr or syslog, filtered by the options' log priority
     * @return the exit status: 0 or 1, like modprobe
     */
    int run(ModprobeOptions options, PrintStream out, Log log);
}
