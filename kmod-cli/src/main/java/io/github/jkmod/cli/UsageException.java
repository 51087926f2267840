package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import java.util.Optional;

/**
 * A command line modprobe refuses: the exact text it prints on stderr (program name included,
 * newline-terminated) and exits with status 1. The one refusal that goes through modprobe's logger
 * ({@code missing parameters}) goes to syslog instead when {@code -s} was given:
 * {@link #syslogMessage()} then holds the bare message for {@link Log#ERR} and nothing is printed.
 */
public final class UsageException extends KmodException {
    private static final long serialVersionUID = 1L;

    /** The exit status of every usage error. */
    public static final int EXIT_STATUS = 1;

    /** What to print on stderr, newline included. */
    private final String text;
    /** The message for syslog instead, or null. */
    private final String syslogMessage;

    /**
     * @param text what to print on stderr, newline included
     * @param syslogMessage when present, the message to send to syslog instead of printing
     */
    public UsageException(String text, Optional<String> syslogMessage) {
        super(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        this.text = text;
        this.syslogMessage = syslogMessage.orElse(null);
    }

    /**
     * Creates an error printed on stderr.
     *
     * @param text what to print on stderr, newline included
     */
    public UsageException(String text) {
        this(text, Optional.empty());
    }

    /**
     * The text printed on stderr, byte for byte (unless {@link #syslogMessage()} is present).
     *
     * @return the text, newline included
     */
    public String text() {
        return text;
    }

    /**
     * The message for syslog (priority {@link Log#ERR}) instead of stderr, with {@code -s}.
     *
     * @return the syslog message, or empty when the text goes to stderr
     */
    public Optional<String> syslogMessage() {
        return Optional.ofNullable(syslogMessage);
    }
}
