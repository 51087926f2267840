package io.github.jkmod.index;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How kmod (30 and 34.2 alike, checked with the real tools) takes the header of a {@code .bin} index
 * file when it opens it:
 *
 * <ul>
 *   <li>missing, not a regular file, empty or shorter than the 12-byte header: {@link Verdict#ABSENT},
 *       silently: the index is not there (no lookup finds anything in it);
 *   <li>a magic other than {@code 0xb007f457}: {@link Verdict#BAD_MAGIC}, one error line
 *       ({@code magic check fail: deadbeef instead of b007f457}, hexadecimal without padding), then
 *       absent;
 *   <li>a major version other than 2: {@link Verdict#BAD_MAJOR}, one error line
 *       ({@code major version check fail: 3 instead of 2}), then absent;
 *   <li>anything else, whatever its minor version: {@link Verdict#USABLE}.
 * </ul>
 *
 * @param file the index file
 * @param verdict what kmod makes of it
 * @param found the magic (for {@link Verdict#BAD_MAGIC}) or major version ({@link Verdict#BAD_MAJOR}) read, else 0
 */
public record IndexHeaderCheck(Path file, Verdict verdict, int found) {

    /** What kmod makes of an index file's header. */
    public enum Verdict {
        /** The index is read. */
        USABLE,
        /** Read as if it did not exist, without a word. */
        ABSENT,
        /** Reported ({@code magic check fail}), then read as absent. */
        BAD_MAGIC,
        /** Reported ({@code major version check fail}), then read as absent. */
        BAD_MAJOR
    }

    /**
     * Checks the components.
     *
     * @param file the index file looked at
     * @param verdict what kmod makes of its header
     * @param found the magic or major version read for a bad header, else 0
     */
    public IndexHeaderCheck {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * Reads the first 12 bytes of {@code file} (never more: a FIFO or device is {@link Verdict#ABSENT}).
     *
     * @param file the index file
     * @return the verdict
     * @throws IndexFormatException never for a bad header; {@code IOException}s other than a missing
     *     file are reported as this exception, naming the file
     */
    public static IndexHeaderCheck of(Path file) throws IndexFormatException {
        if (!Files.isRegularFile(file)) {
            return new IndexHeaderCheck(file, Verdict.ABSENT, 0);
        }
        byte[] head;
        // java.io for the default file system: NIO's channels cost a modprobe start some 50 classes
        // and the JDK's network and NIO native libraries
        try (InputStream in = file.getFileSystem() == FileSystems.getDefault()
                ? new FileInputStream(file.toFile()) : Files.newInputStream(file)) {
            head = in.readNBytes(IndexData.HEADER_SIZE);
        } catch (NoSuchFileException e) {
            return new IndexHeaderCheck(file, Verdict.ABSENT, 0);
        } catch (IOException e) {
            throw new IndexFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        if (head.length < IndexData.HEADER_SIZE) {
            return new IndexHeaderCheck(file, Verdict.ABSENT, 0);
        }
        ByteBuffer buf = ByteBuffer.wrap(head);
        int magic = buf.getInt(0);
        if (magic != IndexData.MAGIC) {
            return new IndexHeaderCheck(file, Verdict.BAD_MAGIC, magic);
        }
        int major = buf.getInt(4) >>> 16;
        if (major != IndexData.MAJOR_VERSION) {
            return new IndexHeaderCheck(file, Verdict.BAD_MAJOR, major);
        }
        return new IndexHeaderCheck(file, Verdict.USABLE, 0);
    }

    /**
     * Whether kmod reports this file when it opens it ({@link Verdict#BAD_MAGIC} or {@link
     * Verdict#BAD_MAJOR}).
     *
     * @return true for a bad magic or major version, which kmod reports with one error line
     */
    public boolean reported() {
        return verdict == Verdict.BAD_MAGIC || verdict == Verdict.BAD_MAJOR;
    }

    /**
     * libkmod's message for a reported file, e.g. {@code magic check fail: deadbeef instead of b007f457}.
     *
     * @return the message; empty for a file that is not reported
     */
    public String kmodMessage() {
        return switch (verdict) {
            case BAD_MAGIC -> "magic check fail: " + Integer.toHexString(found) + " instead of "
                    + Integer.toHexString(IndexData.MAGIC);
            case BAD_MAJOR -> "major version check fail: " + found + " instead of " + IndexData.MAJOR_VERSION;
            default -> "";
        };
    }

    /**
     * Where kmod 30 (as Debian 12 builds it) says the message comes from: {@code ../libkmod/libkmod-index.c:790}
     * for the magic, {@code :797} for the version; the function is {@code index_mm_open}.
     *
     * @return the source location
     */
    public String kmod30Location() {
        return verdict == Verdict.BAD_MAJOR ? "../libkmod/libkmod-index.c:797" : "../libkmod/libkmod-index.c:790";
    }
}
