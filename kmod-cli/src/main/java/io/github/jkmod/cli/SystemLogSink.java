package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.SystemLog;
import java.util.Objects;

/**
 * The {@link SyslogSink} of {@code jmodprobe -s}: sends each message the way kmod 30's modprobe
 * does, through libc's syslog with the program's base name as ident, the options
 * {@code LOG_CONS} (no {@code LOG_PID}) and the facility {@code LOG_DAEMON}, the message followed
 * by a newline. So {@code /dev/log} receives {@code <26>Nov 26 21:54:13 modprobe: FATAL: ...\n}
 * and, when nothing listens there, libc writes {@code modprobe: FATAL: ...\n\r\n} to
 * {@code /dev/console}. The log is opened on the first message: without {@code -s} nothing native
 * is loaded. When libc cannot be reached at all (JNA fails to load) messages are dropped, as they
 * are with no logger and no console.
 */
final class SystemLogSink implements SyslogSink {
    /** The {@code openlog} options modprobe uses. */
    static final int OPTIONS = SystemLog.LOG_CONS;
    /** The facility modprobe logs with. */
    static final int FACILITY = SystemLog.LOG_DAEMON;

    private final String ident;
    private final SystemLog log;
    private boolean opened;

    /**
     * @param ident the program's base name ({@link Log#programName()})
     * @param log where messages go ({@link SystemLog#system()})
     */
    SystemLogSink(String ident, SystemLog log) {
        this.ident = Objects.requireNonNull(ident, "ident");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public synchronized void send(int priority, String message) {
        try {
            if (!opened) {
                log.open(ident, OPTIONS, FACILITY);
                opened = true;
            }
            log.log(priority, message + "\n");
        } catch (KmodException e) {
            System.getLogger(SystemLogSink.class.getName()).log(System.Logger.Level.DEBUG,
                    "syslog message dropped: " + message, e);
        }
    }

    /** {@code closelog()}, if the log was opened; modprobe closes it before exiting. */
    synchronized void close() {
        if (opened) {
            log.close();
            opened = false;
        }
    }
}
