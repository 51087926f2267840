package io.github.jkmod.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * modprobe's messages: {@code PROGRAM: LEVEL: message} on stderr (or to syslog with {@code -s}),
 * printed only when their priority is at most the threshold set by {@code -v} and {@code -q}
 * ({@link ModprobeOptions#logPriority()}). PROGRAM is the base name of the invoked program.
 */
public final class Log {
    /** Syslog priority LOG_CRIT, labelled {@code FATAL}. */
    public static final int CRIT = 2;
    /** Syslog priority LOG_ERR, labelled {@code ERROR}. */
    public static final int ERR = 3;
    /** Syslog priority LOG_WARNING, labelled {@code WARNING}; modprobe's default threshold. */
    public static final int WARNING = 4;
    /** Syslog priority LOG_NOTICE, labelled {@code NOTICE}. */
    public static final int NOTICE = 5;
    /** Syslog priority LOG_INFO, labelled {@code INFO}. */
    public static final int INFO = 6;
    /** Syslog priority LOG_DEBUG, labelled {@code DEBUG}. */
    public static final int DEBUG = 7;

    private final String programName;
    private final PrintStream err;
    private final int threshold;
    private final boolean syslog;
    private final SyslogSink sink;

    /**
     * @param programName the base name of the invoked program
     * @param err stderr
     * @param threshold messages of a priority above this are dropped
     * @param syslog true to send messages to {@code sink} instead of {@code err}
     * @param sink the syslog client
     */
    public Log(String programName, PrintStream err, int threshold, boolean syslog, SyslogSink sink) {
        this.programName = Objects.requireNonNull(programName);
        this.err = Objects.requireNonNull(err);
        this.threshold = threshold;
        this.syslog = syslog;
        this.sink = Objects.requireNonNull(sink);
    }

    /**
     * A log set up as the options ask (threshold, syslog).
     *
     * @param programName the name messages are prefixed with, e.g. {@code modprobe}
     * @param err standard error
     * @param options the parsed command line ({@code -q}, {@code -v}, {@code -s})
     * @param sink the syslog used with {@code -s}
     * @return the log
     */
    public static Log forOptions(String programName, PrintStream err, ModprobeOptions options,
            SyslogSink sink) {
        return new Log(programName, err, options.logPriority(), options.syslog(), sink);
    }

    /**
     * Prints {@code message} (without newline) at {@code priority}, if the threshold allows it.
     *
     * @param priority the syslog priority of the message, e.g. {@link #ERR}
     * @param message the message, without its prefix and newline
     */
    public void log(int priority, String message) {
        if (priority > threshold) {
            return;
        }
        String labelled = label(priority) + ": " + message;
        if (syslog) {
            sink.send(priority, labelled);
        } else {
            err.print(programName + ": " + labelled + "\n");
            err.flush();
        }
    }

    /**
     * Prints a whole line that carries its own prefix (libkmod's messages, e.g.
     * {@code libkmod: ERROR ...}) at {@code priority}, if the threshold allows it.
     *
     * @param priority the syslog priority of the line
     * @param line the whole line, without the newline
     */
    public void raw(int priority, String line) {
        if (priority > threshold) {
            return;
        }
        if (syslog) {
            sink.send(priority, line);
        } else {
            err.print(line + "\n");
            err.flush();
        }
    }

    /**
     * Prints a line the way libkmod's default log function does before modprobe installs its own
     * (configuration problems found while the context is made): always to stderr, whatever
     * {@code -q}, {@code -v} and {@code -s} say.
     *
     * @param line the whole line, without the newline
     */
    public void libkmodDefault(String line) {
        err.print(line + "\n");
        err.flush();
    }

    /**
     * {@code FATAL: message}, then, like modprobe, the end of the run: when the message passes
     * the threshold, {@link FatalExit} is thrown ({@link Jmodprobe} turns it into exit status 1).
     * A FATAL message hidden by {@code -q} does not stop the run.
     *
     * @param message the message, without the newline
     */
    public void fatal(String message) {
        log(CRIT, message);
        if (CRIT <= threshold) {
            throw new FatalExit();
        }
    }

    /** Thrown by {@link #fatal} after the message is out: the run ends with status 1 at once. */
    public static final class FatalExit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FatalExit() {
            super("FATAL", null, false, false);
        }
    }

    /**
     * {@code ERROR: message}.
     *
     * @param message the message, without the newline
     */
    public void error(String message) {
        log(ERR, message);
    }

    /**
     * {@code WARNING: message}.
     *
     * @param message the message, without the newline
     */
    public void warning(String message) {
        log(WARNING, message);
    }

    /**
     * {@code INFO: message}.
     *
     * @param message the message, without the newline
     */
    public void info(String message) {
        log(INFO, message);
    }

    /**
     * The program name messages are prefixed with.
     *
     * @return the program name, e.g. {@code modprobe}
     */
    public String programName() {
        return programName;
    }

    static String label(int priority) {
        return switch (priority) {
            case CRIT -> "FATAL";
            case ERR -> "ERROR";
            case WARNING -> "WARNING";
            case NOTICE -> "NOTICE";
            case INFO -> "INFO";
            case DEBUG -> "DEBUG";
            default -> "LOG-" + priority;
        };
    }
}
