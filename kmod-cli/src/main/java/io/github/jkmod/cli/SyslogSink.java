package io.github.jkmod.cli;

/**
 * Where messages go with {@code -s}: the system logger. {@code jmodprobe} itself uses libc's
 * syslog ({@link SystemLogSink}); {@link #DISCARD} is for tests and embedders that want none.
 */
@FunctionalInterface
public interface SyslogSink {
    /** A sink that drops every message. */
    SyslogSink DISCARD = new SyslogSink() {
        // An anonymous class, not a lambda: no method-handle spinning at start-up.
        @Override
        public void send(int priority, String message) {
        }
    };

    /**
     * Sends one message.
     *
     * @param priority the syslog priority ({@link Log#ERR} ...)
     * @param message the message with its level label ({@code ERROR: ...}), without newline (the
     *     sink adds what the logger needs)
     */
    void send(int priority, String message);
}
