package io.github.jkmod.core.internal.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The few libc functions jkmod calls. Every function that can fail declares
 * {@link LastErrorException}, so JNA clears {@code errno} before the call and reads it, on the
 * calling thread, right after (JNA's "Obtaining last error").
 */
interface LinuxLibc extends Library {

    /** {@code O_RDONLY} (0) | {@code O_CLOEXEC} (02000000): the same on x86_64 and aarch64 ({@code asm-generic/fcntl.h}). */
    int O_RDONLY_CLOEXEC = 02000000;

    /**
     * {@code long syscall(long number, ...)}. Every argument must be a {@code Long} or a
     * {@link Pointer}: the kernel reads each as a full register.
     */
    long syscall(long number, Object... args) throws LastErrorException;

    /** {@code int open(const char *path, int flags)}. */
    int open(String path, int flags) throws LastErrorException;

    /** {@code int close(int fd)}. */
    int close(int fd) throws LastErrorException;

    /** {@code void openlog(const char *ident, int option, int facility)}; keeps the {@code ident} pointer. */
    void openlog(Pointer ident, int option, int facility);

    /**
     * {@code void syslog(int priority, const char *format, ...)}; jkmod passes {@code "%s"} and
     * the message as one {@link Pointer}, so the message is never read as a format.
     */
    void syslog(int priority, String format, Object... args);

    /** {@code void closelog(void)}. */
    void closelog();

    /** {@code char *strerror(int errnum)} (tests compare it with {@code Errno}). */
    String strerror(int errnum);
}
