package io.github.jkmod.cli;

/**
 * Where messages go with {@code -s}: the system logger. jkmod has no syslog client of its own yet
 * (Java cannot write to the {@code /dev/log} datagram socket without a native call); the default
 * sink drops messages, as modprobe's do when no syslog daemon listens.
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
     * @param message the message with its level label ({@code ERROR: ...}), without newline
     */
    void send(int priority, String message);
}
