package io.github.jkmod.cli.common;

import io.github.jkmod.cli.Log;

/**
 * The log of kmod's small tools ({@code log_printf} and the log function they give libkmod): a
 * message of priority at most the threshold ({@code LOG_ERR} plus one per {@code -v}) goes to
 * standard error as {@code NAME: LEVEL: TEXT}, or with {@code -s} to syslog as {@code LEVEL: TEXT}.
 * TEXT is printed as given: kmod's messages carry their own newline, and a message without one
 * (rmmod's {@code in use by:}) is continued by the next.
 */
public final class ToolLog {
    /** The pointer printed where kmod's verbose messages print one (which changes with every real run), jmodprobe's too. */
    public static final String FAKE_ADDRESS = "55555555a000";

    private final String programName;
    private final ToolRun run;
    private final boolean syslog;
    private final int threshold;

    /**
     * @param programName the base name messages start with
     * @param run the streams and the syslog
     * @param syslog true to send messages to syslog instead of standard error
     * @param threshold the highest priority printed ({@link Log#ERR} by default)
     */
    public ToolLog(String programName, ToolRun run, boolean syslog, int threshold) {
        this.programName = programName;
        this.run = run;
        this.syslog = syslog;
        this.threshold = threshold;
    }

    /**
     * Whether messages of {@code priority} are printed.
     *
     * @param priority a syslog priority ({@link Log#ERR}, {@link Log#INFO}, ...)
     * @return true when it is within the threshold
     */
    public boolean enabled(int priority) {
        return priority <= threshold;
    }

    /**
     * Whether messages go to syslog.
     *
     * @return true with {@code -s}, false for standard error
     */
    public boolean toSyslog() {
        return syslog;
    }

    /**
     * Logs {@code ERROR: text}.
     *
     * @param text the message, newline-terminated
     */
    public void error(String text) {
        log(Log.ERR, "ERROR", text);
    }

    /**
     * Logs {@code INFO: text} (printed from {@code -vvv} on).
     *
     * @param text the message, newline-terminated
     */
    public void info(String text) {
        log(Log.INFO, "INFO", text);
    }

    /**
     * The line libkmod logs when the tool installs its log function ({@code -vvv}).
     *
     * @param libkmodPrefix the profile's source-location prefix of the line
     */
    public void registered(String libkmodPrefix) {
        info(libkmodPrefix + "custom logging function 0x" + FAKE_ADDRESS + " registered\n");
    }

    /**
     * The line libkmod logs when the tool releases its context ({@code -vvv}).
     *
     * @param libkmodPrefix the profile's source-location prefix of the line
     */
    public void released(String libkmodPrefix) {
        info(libkmodPrefix + "context 0x" + FAKE_ADDRESS + " released\n");
    }

    private void log(int priority, String label, String text) {
        if (!enabled(priority)) {
            return;
        }
        if (syslog) {
            run.syslog().send(priority, label + ": " + (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
        } else {
            run.err().print(programName + ": " + label + ": " + text);
            run.err().flush();
        }
    }
}
