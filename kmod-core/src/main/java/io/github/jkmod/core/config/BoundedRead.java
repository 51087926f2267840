package io.github.jkmod.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the head of a file that may be anything a path can name: a regular file, a character
 * device such as {@code /dev/zero} (endless), or a FIFO (named, or a pipe such as the
 * {@code /dev/fd/63} of a shell's {@code -C <(...)}).
 *
 * <p>At most {@code max} bytes are read, so an endless or huge file costs at most that much
 * memory. A FIFO is opened without waiting for a writer: it is first opened for reading and
 * writing, which Linux never blocks on, then for reading while that first handle holds the FIFO
 * open, and the first handle is closed before reading. A FIFO whose writer is there (or still to
 * close) is read as it would be otherwise; one without a writer reads as empty instead of blocking
 * forever, as kmod 30 does (it opens the FIFO for reading only and waits in {@code open}). A FIFO
 * this process may not open for writing cannot be opened without that wait, and is unreadable.
 */
final class BoundedRead {
    /** {@code S_IFMT} and {@code S_IFIFO} of Linux's {@code <sys/stat.h>}. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private BoundedRead() {
    }

    /**
     * The first {@code max} bytes of {@code file} (all of it when it is shorter).
     *
     * @throws IOException when the file cannot be opened or read (as {@link Files#newInputStream})
     */
    static byte[] head(Path file, int max) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isOther() && isFifo(file)) {
            InputStream in;
            try (FileChannel holder = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                in = Files.newInputStream(file);
            }
            try (InputStream stream = in) {
                return stream.readNBytes(max);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    private static boolean isFifo(Path file) throws IOException {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            return mode instanceof Integer m && (m & S_IFMT) == S_IFIFO;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
