package io.github.jkmod.core.kernel;

import io.github.jkmod.KmodException;
import java.util.Objects;

/**
 * A module could not be inserted or removed: the kernel (or the opening or decoding of the module
 * file on the way to it) answered with an error number.
 *
 * <p>The message names the operation, the module and the error, e.g.
 * {@code finit_module 'crc16': ENOSYS (Function not implemented)}. {@link #reason()} is the text
 * {@code modprobe} prints after {@code could not insert 'crc16': }.
 */
public class KernelCallException extends KmodException {
    private static final long serialVersionUID = 1L;

    /** The operation: {@code finit_module}, {@code init_module}, {@code delete_module}, {@code open}, ... */
    private final String operation;
    /** The module's name. */
    private final String module;
    /** The positive error number. */
    private final int errno;

    /**
     * Creates the exception for a failed operation on a module.
     *
     * @param operation what failed: {@code finit_module}, {@code init_module}, {@code delete_module},
     *     or a step on the way to the kernel ({@code open}, {@code read}, {@code decompress})
     * @param module the module's name
     * @param errno the positive error number
     */
    public KernelCallException(String operation, String module, int errno) {
        this(operation, module, errno, null);
    }

    /**
     * Like {@link #KernelCallException(String, String, int)}, with the underlying cause.
     *
     * @param operation what failed, as for the three-argument constructor
     * @param module the module's name
     * @param errno the positive error number
     * @param cause the underlying failure, e.g. an {@link java.io.IOException} of {@code open}
     */
    public KernelCallException(String operation, String module, int errno, Throwable cause) {
        super(Objects.requireNonNull(operation, "operation") + " '" + Objects.requireNonNull(module, "module")
                + "': " + Errno.name(errno) + " (" + Errno.strerror(errno) + ")", cause);
        if (errno <= 0) {
            throw new IllegalArgumentException("errno must be positive, got " + errno);
        }
        this.operation = operation;
        this.module = module;
        this.errno = errno;
    }

    /**
     * What failed: {@code finit_module}, {@code init_module}, {@code delete_module}, {@code open},
     * ...
     *
     * @return the name of the failed operation
     */
    public String operation() {
        return operation;
    }

    /**
     * The module's name.
     *
     * @return the name of the module the operation was for
     */
    public String module() {
        return module;
    }

    /**
     * The positive error number.
     *
     * @return the error number, e.g. {@code 17}
     */
    public int errno() {
        return errno;
    }

    /**
     * The symbolic name of the error number: {@code EEXIST}, {@code ENOSYS}, ...
     *
     * @return the error's name, e.g. {@code EEXIST}
     */
    public String errnoName() {
        return Errno.name(errno);
    }

    /**
     * glibc's text for the error number: {@code File exists}, {@code Function not implemented}, ...
     *
     * @return the error's text, e.g. {@code File exists}
     */
    public String strerror() {
        return Errno.strerror(errno);
    }

    /**
     * True for a removal ({@code delete_module}), false for every step of an insertion.
     *
     * @return whether the failed operation is {@code delete_module}
     */
    public boolean isRemoval() {
        return "delete_module".equals(operation);
    }

    /**
     * What {@code modprobe} (kmod 30) prints for this error after {@code could not insert 'NAME': }
     * or {@code could not remove 'NAME': }: glibc's text, except that an insertion failing with
     * {@code ENOENT} reads {@code Unknown symbol in module, or unknown parameter (see dmesg)}.
     *
     * @return the text modprobe prints for the error
     */
    public String reason() {
        if (errno == Errno.ENOENT && !isRemoval()) {
            return "Unknown symbol in module, or unknown parameter (see dmesg)";
        }
        return strerror();
    }
}
