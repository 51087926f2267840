package io.github.jkmod.cli.common;

import io.github.jkmod.cli.SyslogSink;
import java.util.ArrayList;
import java.util.List;

/** A syslog that keeps what it is sent, as {@code PRIORITY MESSAGE}, for tests of {@code -s}. */
public final class RecordingSyslog implements SyslogSink {
    private final List<String> messages = new ArrayList<>();

    @Override
    public synchronized void send(int priority, String message) {
        messages.add(priority + " " + message);
    }

    /** What was sent so far, in order. */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }
}
