package io.github.jkmod.core.internal.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.SystemLog;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@link SystemLog} through libc's {@code openlog}/{@code syslog}/{@code closelog} with JNA.
 * Public only so that {@link SystemLog#system()} can return it; use that. Every JNA type is used
 * in the nested {@code Libc} class only, so that this class loads (and verifies) without JNA.
 */
public final class JnaSystemLog implements SystemLog {
    private static final JnaSystemLog INSTANCE = new JnaSystemLog();

    private boolean loaded;

    private JnaSystemLog() {
    }

    /**
     * The one instance (libc's logger state is per process).
     *
     * @return the process's system logger
     */
    public static SystemLog instance() {
        return INSTANCE;
    }

    @Override
    public synchronized void open(String ident, int options, int facility) throws KmodException {
        Objects.requireNonNull(ident, "ident");
        Libc.openlog(ident, options, facility);
        loaded = true;
    }

    @Override
    public synchronized void log(int priority, String message) throws KmodException {
        Objects.requireNonNull(message, "message");
        Libc.syslog(priority, message);
        loaded = true;
    }

    @Override
    public synchronized void close() {
        if (loaded) {
            Libc.closelog();
        }
    }

    @Override
    public String toString() {
        return "SystemLog.system()";
    }

    /** libc, loaded on first use; a failure to load is remembered and reported on every call. */
    private static final class Libc {
        private static final LinuxLibc LIBC;
        private static final KmodException FAILURE;
        /** openlog keeps the pointer: the ident must outlive every later syslog call. */
        private static Memory ident;

        static {
            LinuxLibc libc = null;
            KmodException failure = null;
            try {
                NativeDirectory.prepare();
                libc = Native.load("c", LinuxLibc.class);
            } catch (KmodException e) {
                failure = e;
            } catch (LinkageError e) {
                failure = new KmodException("cannot use syslog: JNA failed to load its native library: "
                        + e.getMessage() + " (jna.tmpdir=" + System.getProperty("jna.tmpdir") + ")", e);
            }
            LIBC = libc;
            FAILURE = failure;
        }

        private Libc() {
        }

        private static LinuxLibc libc() throws KmodException {
            if (FAILURE != null) {
                throw new KmodException(FAILURE.getMessage(), FAILURE);
            }
            return LIBC;
        }

        static void openlog(String tag, int options, int facility) throws KmodException {
            LinuxLibc libc = libc();
            Memory m = latin1(tag);
            libc.openlog(m, options, facility);
            ident = m;
        }

        static void syslog(int priority, String message) throws KmodException {
            LinuxLibc libc = libc();
            try (Memory m = latin1(message)) {
                libc.syslog(priority, "%s", m);
            }
        }

        static void closelog() {
            if (LIBC != null) {
                LIBC.closelog();
            }
        }

        /** A NUL-terminated one-byte-per-char copy of {@code s} in native memory. */
        private static Memory latin1(String s) {
            return NativeString.copy(s, StandardCharsets.ISO_8859_1);
        }
    }
}
