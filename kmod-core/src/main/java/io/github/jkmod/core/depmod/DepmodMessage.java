package io.github.jkmod.core.depmod;

import java.util.Objects;

/**
 * A diagnostic of a depmod run, as depmod prints it on standard error after {@code depmod: }
 * and the level's name ({@code depmod: WARNING: ...}).
 *
 * @param level how serious it is
 * @param text the message, without a trailing newline
 */
public record DepmodMessage(Level level, String text) {

    /** depmod's message levels, with the names it prints. */
    public enum Level {
        /** {@code FATAL}: the run stops. */
        FATAL,
        /** {@code ERROR}: something was skipped, or (cycles) the run fails. */
        ERROR,
        /** {@code WARNING}: printed by default. */
        WARNING,
        /** {@code INFO}: printed with {@code -vv}. */
        INFO,
        /**
         * Not a diagnostic: what depmod prints on standard output with {@code -v}, one line for each
         * dependency found ({@code PATH needs "SYMBOL": OWNER_PATH}).
         */
        SHOW
    }

    /**
     * Checks the fields.
     *
     * @param level how serious it is
     * @param text the message
     * @throws NullPointerException when one is null
     */
    public DepmodMessage {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The line depmod prints for this message (without its newline).
     *
     * @param program the program name, {@code depmod}
     * @return e.g. {@code depmod: WARNING: -e needs -E or -F}; a {@link Level#SHOW} line as it is
     */
    public String line(String program) {
        return level == Level.SHOW ? text : program + ": " + level.name() + ": " + text;
    }
}
