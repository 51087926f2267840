package io.github.jkmod.cli.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** glibc's {@code strerror} text for a failed file operation, as kmod's messages print it. */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * The text of the error behind {@code cause}: {@code No such file or directory},
     * {@code Permission denied}, the reason the JDK took from the system ({@code Not a directory},
     * ...), else {@code Input/output error}.
     *
     * @param cause what failed
     * @return the text
     */
    public static String strerror(Throwable cause) {
        if (cause instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (cause instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (cause instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : "Input/output error";
    }
}
