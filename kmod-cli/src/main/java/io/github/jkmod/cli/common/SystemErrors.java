package io.github.jkmod.cli.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** glibc's {@code strerror} text (what {@code %m} prints) for the file system errors Java reports. */
public final class SystemErrors {
    /** What Java appends to the reason of {@code ELOOP} when it opens a file. */
    private static final String LINK_SUFFIX = " or unable to access attributes of symbolic link";

    private SystemErrors() {
    }

    /**
     * The text of the error behind {@code cause}.
     *
     * @param cause an exception of {@code java.nio.file} (others: {@code Input/output error})
     * @return e.g. {@code No such file or directory}
     */
    public static String text(Throwable cause) {
        if (cause instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (cause instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (cause instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (cause instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (cause instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (cause instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason();
            return reason.endsWith(LINK_SUFFIX) ? reason.substring(0, reason.length() - LINK_SUFFIX.length()) : reason;
        }
        return cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : "Input/output error";
    }
}
