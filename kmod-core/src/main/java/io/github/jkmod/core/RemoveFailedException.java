package io.github.jkmod.core;

import io.github.jkmod.KmodException;

/**
 * A removal failed: the module is in use, not loaded with {@code firstTime}, builtin, or the kernel
 * refused. The message is what {@code modprobe -r} prints for it (e.g. {@code Module demo_crc is in
 * use.}, or {@code could not remove 'demo_net': Operation not permitted}); {@link #errno()} is the
 * error number behind it.
 */
public class RemoveFailedException extends KmodException {
    private static final long serialVersionUID = 1L;

    /** The module that could not be removed. */
    private final String module;
    /** The error number the kernel answered. */
    private final int errno;

    /**
     * @param module the module that could not be removed
     * @param errno the positive error number
     * @param message what modprobe prints for it
     */
    public RemoveFailedException(String module, int errno, String message) {
        super(message);
        this.module = module;
        this.errno = errno;
    }

    /**
     * The module that could not be removed.
     *
     * @return the module's name
     */
    public String module() {
        return module;
    }

    /**
     * The error number.
     *
     * @return the positive error number, e.g. {@code 16} for {@code EBUSY}
     */
    public int errno() {
        return errno;
    }
}
