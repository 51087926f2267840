package io.github.jkmod.core;

/**
 * Receives what a removal does and reports, in modprobe's words. All methods do nothing by default.
 */
public interface RemoveListener {

    /** A listener that ignores everything. */
    RemoveListener NONE = new RemoveListener() {
    };

    /**
     * An action: {@code rmmod NAME} or {@code remove COMMAND} (shown with {@code -v} or {@code
     * -D}).
     *
     * @param line the line, without the newline
     */
    default void show(String line) {
    }

    /**
     * A message modprobe logs at its own level (FATAL, or WARNING with {@code -a}), e.g.
     * {@code Module x is in use.}
     *
     * @param message the message, without the newline
     */
    default void log(String message) {
    }

    /**
     * An error message, e.g. a kernel that refuses the removal.
     *
     * @param message the message, without the newline
     */
    default void error(String message) {
    }

    /**
     * A step that succeeded (in a dry run: that would be done), after its {@link #show} line.
     *
     * @param step what was done
     */
    default void done(RemovalStep step) {
    }
}
