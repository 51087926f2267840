package io.github.jkmod;

import java.io.IOException;

/**
 * Root of jkmod's checked exceptions. Every failure that a user can cause or meet (a corrupt index,
 * a broken configuration line, a missing module file, a kernel that refuses) is reported as a
 * subclass of this exception whose message names the file and the line or byte offset, or the
 * module and the kernel's answer.
 */
public class KmodException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message meant for the user.
     *
     * @param message what went wrong, naming the file and line or offset, or the module, as the
     *     user will read it
     */
    public KmodException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message meant for the user and the underlying cause.
     *
     * @param message what went wrong, naming the file and line or offset, or the module, as the
     *     user will read it
     * @param cause the exception that caused this one (kept for the stack trace), or null
     */
    public KmodException(String message, Throwable cause) {
        super(message, cause);
    }
}
