package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.Errno;

/**
 * A probe failed: the target (or a dependency it needs) could not be loaded. {@link #errno()}
 * is the error the reference reports for it, and {@link #reason()} the text modprobe prints after
 * {@code could not insert 'NAME': }.
 */
public class ProbeFailedException extends KmodException {
    private static final long serialVersionUID = 1L;

    /** The target module named in the message. */
    private final String module;
    /** The error number reported for the failure. */
    private final int errno;
    /** The text after {@code could not insert 'NAME': }. */
    private final String reason;

    /**
     * @param module the module whose probe failed (the target)
     * @param errno the error number
     * @param reason the text modprobe prints for it
     * @param cause the underlying failure, or null
     */
    public ProbeFailedException(String module, int errno, String reason, Throwable cause) {
        super("could not insert '" + module + "': " + reason, cause);
        this.module = module;
        this.errno = errno;
        this.reason = reason;
    }

    /**
     * The failure of a probe with {@code errno} whose text is glibc's (or modprobe's own for ENOENT
     * and EEXIST).
     *
     * @param module the module whose probe failed
     * @param errno the positive error number
     * @param cause the underlying failure, or null
     * @return the exception, with modprobe's text for {@code errno}
     */
    public static ProbeFailedException of(String module, int errno, Throwable cause) {
        String reason = switch (errno) {
            case Errno.EEXIST -> "Module already in kernel";
            case Errno.ENOENT -> "Unknown symbol in module, or unknown parameter (see dmesg)";
            default -> Errno.strerror(errno);
        };
        return new ProbeFailedException(module, errno, reason, cause);
    }

    /**
     * The module named in the message.
     *
     * @return the target module's name
     */
    public String module() {
        return module;
    }

    /**
     * The error number.
     *
     * @return the positive error number, e.g. {@code 17} for {@code EEXIST}
     */
    public int errno() {
        return errno;
    }

    /**
     * The text after {@code could not insert 'NAME': }.
     *
     * @return the reason, e.g. {@code Module already in kernel}
     */
    public String reason() {
        return reason;
    }
}
