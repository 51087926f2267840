package io.github.jkmod.core.internal.io;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens for reading whatever a path can name, without ever waiting in {@code open}: a regular
 * file, a character device such as {@code /dev/zero}, or a FIFO (named, or a pipe such as the
 * {@code /dev/fd/63} of a shell's {@code <(...)}).
 *
 * <p>A FIFO is first opened for reading and writing, which Linux never blocks on, then for reading
 * while that first handle holds the FIFO open, and the first handle is closed before reading. A
 * FIFO whose writer is there (or still to close) is read as it would be otherwise; one without a
 * writer reads as empty instead of blocking forever, as kmod 30 does (it opens it for reading only
 * and waits in {@code open}). A FIFO this process may not open for writing cannot be opened
 * without that wait, and is reported unreadable ({@link java.nio.file.AccessDeniedException}).
 */
public final class SpecialFiles {
    /** {@code S_IFMT} and {@code S_IFIFO} of Linux's {@code <sys/stat.h>}. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private SpecialFiles() {
    }

    /**
     * Opens {@code file} for reading (see the class comment); I/O errors as {@link
     * Files#newInputStream}.
     *
     * @param file the file to open
     * @return a stream reading the file
     * @throws java.io.IOException when the file cannot be opened
     */
    public static InputStream open(Path file) throws IOException {
        if (isFifo(file)) {
            try (FileChannel holder = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                return Files.newInputStream(file);
            }
        }
        // A file of the default file system through java.io: NIO's channels would load the JDK's
        // network and NIO native libraries and some 50 classes, on every jmodprobe start.
        // (isFifo has thrown NoSuchFileException already for a missing file.)
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return new FileInputStream(file.toFile());
        }
        return Files.newInputStream(file);
    }

    /**
     * The first {@code max} bytes of {@code file} (all of it when it is shorter), opened as
     * {@link #open} does: an endless device costs at most {@code max} bytes, a FIFO never waits.
     *
     * @param file the file to read
     * @param max the most bytes to read
     * @return the bytes read, at most {@code max}
     * @throws java.io.IOException when the file cannot be opened or read
     */
    public static byte[] head(Path file, int max) throws IOException {
        try (InputStream in = open(file)) {
            return in.readNBytes(max);
        }
    }

    /**
     * True for a FIFO (following links).
     *
     * @param file the file to test
     * @return true when {@code file} is a named pipe
     * @throws java.io.IOException when the file's attributes cannot be read
     */
    public static boolean isFifo(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isOther()) {
            return false;
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            return mode instanceof Integer m && (m & S_IFMT) == S_IFIFO;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
