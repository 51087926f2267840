package io.github.jkmod.core.kernel;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.internal.jna.JnaSystemLog;

/**
 * The system logger as a C program reaches it: libc's {@code openlog(3)}, {@code syslog(3)} and
 * {@code closelog(3)}, so that what arrives on {@code /dev/log} (or, with {@link #LOG_CONS} and no
 * logger listening, on {@code /dev/console}) is byte for byte what a C program sends.
 *
 * <p>Text is passed one char per byte (ISO-8859-1), the way jkmod holds names and messages; a char
 * above U+00FF becomes {@code ?}. A message is never read as a format: it goes through
 * {@code syslog(priority, "%s", message)}.
 */
public interface SystemLog {
    /** {@code openlog} option {@code LOG_CONS}: write to {@code /dev/console} when the logger cannot be reached. */
    int LOG_CONS = 0x02;
    /** {@code openlog} option {@code LOG_PID}: put the process id after the ident. */
    int LOG_PID = 0x01;
    /** Facility {@code LOG_DAEMON} (3 &lt;&lt; 3), modprobe's. */
    int LOG_DAEMON = 3 << 3;

    /**
     * {@code openlog(ident, options, facility)}. Connecting is left to the first message (no
     * {@code LOG_NDELAY}), as libc does.
     *
     * @param ident the name prefixed to each message, e.g. {@code modprobe}
     * @param options the {@code LOG_*} option bits, e.g. {@link #LOG_CONS}
     * @param facility the facility, e.g. {@link #LOG_DAEMON}
     * @throws KmodException when the native library cannot be loaded
     */
    void open(String ident, int options, int facility) throws KmodException;

    /**
     * {@code syslog(priority, "%s", message)}: the message as it is, a trailing newline included
     * if it has one. Never fails when the logger is missing: libc drops the message (or writes it
     * to the console with {@link #LOG_CONS}).
     *
     * @param priority a syslog level (0 to 7), optionally or-ed with a facility
     * @param message the message, without the newline
     * @throws KmodException when the native library cannot be loaded
     */
    void log(int priority, String message) throws KmodException;

    /** {@code closelog()}; does nothing when the native library was never loaded. */
    void close();

    /**
     * libc's logger. Cheap: no native code is loaded until the first {@link #open} or
     * {@link #log}; a failure to load it is reported by each of those calls.
     *
     * @return libc's system logger
     */
    static SystemLog system() {
        return JnaSystemLog.instance();
    }
}
