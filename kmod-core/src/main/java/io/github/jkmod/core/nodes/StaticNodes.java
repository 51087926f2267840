package io.github.jkmod.core.nodes;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.internal.io.SpecialFiles;
import io.github.jkmod.index.IndexFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code modules.devname} as kmod's {@code static-nodes} does. A line starting with {@code #}
 * is a comment; any other line must hold a module name, a device name and the device
 * ({@code c} or {@code b}, the major, {@code :}, the minor), read like C's
 * {@code sscanf("%s %s %c%u:%u")}: names are runs of non-blank bytes, blanks are the six of C's
 * {@code isspace}, blanks are allowed before the type letter and before each number but not before
 * the {@code :}, a number may carry a sign and wraps to 32 bits as C's {@code strtoul} then
 * {@code unsigned int} make it ({@code -1} is 4294967295, a number beyond 64 bits is 4294967295),
 * and whatever follows the minor is ignored. An empty or blank line is malformed, as in kmod. Bytes
 * are read as ISO-8859-1, so that every byte of a name is kept.
 */
public final class StaticNodes {
    /** The largest {@code modules.devname} read: 64 MiB (a distribution kernel's is about 1 KB). */
    public static final int MAX_FILE_SIZE = 64 * 1024 * 1024;

    /**
     * The longest line kmod reads at once ({@code fgets} into a 4,096-byte buffer): a longer line
     * is read by kmod as several lines, and rejected by {@link #parse(Path, byte[])}.
     */
    public static final int MAX_LINE_BYTES = 4095;

    private static final long UINT_MASK = 0xFFFF_FFFFL;

    private StaticNodes() {
    }

    /**
     * Reads {@code file} whole, within {@link #MAX_FILE_SIZE}, never waiting on a FIFO.
     *
     * @param file the {@code modules.devname} file
     * @return its bytes
     * @throws IOException as the file system reports it ({@link NoSuchFileException} when absent),
     *     or when the file is larger than {@link #MAX_FILE_SIZE}
     */
    public static byte[] readBytes(Path file) throws IOException {
        try (InputStream in = SpecialFiles.open(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_SIZE);
            if (in.read() >= 0) {
                throw new IOException(file + ": larger than the limit of " + MAX_FILE_SIZE + " bytes");
            }
            return bytes;
        }
    }

    /**
     * The static nodes of {@code file}; empty when it does not exist (kmod only warns then).
     *
     * @param file the {@code modules.devname} file
     * @return the nodes in file order, unmodifiable
     * @throws IndexFormatException naming the file and the 1-based line of the first malformed line
     * @throws KmodException when the file exists but cannot be read
     */
    public static List<StaticNode> read(Path file) throws KmodException {
        byte[] bytes;
        try {
            bytes = readBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new KmodException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file, bytes);
    }

    /**
     * The static nodes of the contents of a {@code modules.devname} file.
     *
     * @param file the file the bytes come from, named by errors
     * @param bytes its contents
     * @return the nodes in file order, unmodifiable
     * @throws IndexFormatException naming the file and the 1-based line of the first malformed line
     *     (one kmod reports as an invalid entry, or one longer than {@link #MAX_LINE_BYTES})
     */
    public static List<StaticNode> parse(Path file, byte[] bytes) throws IndexFormatException {
        List<StaticNode> out = new ArrayList<>();
        long number = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            String line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
            int length = end - start;
            if (length > MAX_LINE_BYTES || (length == MAX_LINE_BYTES && end < bytes.length)) {
                throw IndexFormatException.atLine(file, number,
                        "line longer than " + (MAX_LINE_BYTES - 1) + " bytes (kmod reads it as several lines)");
            }
            if (!isComment(line)) {
                Optional<StaticNode> node = parseEntry(line);
                if (node.isEmpty()) {
                    throw IndexFormatException.atLine(file, number, "invalid devname entry '" + line
                            + "': expected 'MODULE DEVNAME TYPEMAJOR:MINOR' with type c or b");
                }
                out.add(node.get());
            }
            start = end + 1;
        }
        return List.copyOf(out);
    }

    /**
     * Whether kmod skips {@code line} as a comment: its first byte is {@code #} (a blank before
     * it makes the line an invalid entry).
     *
     * @param line a line, with or without its newline
     * @return true for a comment
     */
    public static boolean isComment(String line) {
        return !line.isEmpty() && line.charAt(0) == '#';
    }

    /**
     * One entry, read as kmod reads it (see the class comment); a NUL ends the line, as it ends a
     * C string.
     *
     * @param line a line that is not a comment, with or without its newline (chars 0 to 255, one per byte)
     * @return the node, or empty when kmod reports the line as an invalid devname entry
     */
    public static Optional<StaticNode> parseEntry(String line) {
        int nul = line.indexOf('\0');
        Scan s = new Scan(nul < 0 ? line : line.substring(0, nul));
        String module = s.word();
        String device = module == null ? null : s.word();
        if (device == null) {
            return Optional.empty();
        }
        s.skipBlanks();
        int letter = s.next();
        if (letter != 'c' && letter != 'b') {
            return Optional.empty();
        }
        long major = s.number();
        if (major < 0 || s.next() != ':') {
            return Optional.empty();
        }
        long minor = s.number();
        if (minor < 0) {
            return Optional.empty();
        }
        return Optional.of(new StaticNode(module, device,
                letter == 'c' ? StaticNode.Type.CHARACTER : StaticNode.Type.BLOCK, major, minor));
    }

    /** A cursor over one line with the conversions of C's scanf that kmod's format uses. */
    private static final class Scan {
        private final String text;
        private int pos;

        Scan(String text) {
            this.text = text;
        }

        static boolean isBlank(char c) {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }

        void skipBlanks() {
            while (pos < text.length() && isBlank(text.charAt(pos))) {
                pos++;
            }
        }

        /** {@code %s}: blanks skipped, then a non-empty run of non-blanks; null at the end. */
        String word() {
            skipBlanks();
            int start = pos;
            while (pos < text.length() && !isBlank(text.charAt(pos))) {
                pos++;
            }
            return pos > start ? text.substring(start, pos) : null;
        }

        /** {@code %c}: the next char, or -1 at the end. */
        int next() {
            return pos < text.length() ? text.charAt(pos++) : -1;
        }

        /** {@code %u}: blanks, a sign, digits; the value as {@code unsigned int}, or -1 without digits. */
        long number() {
            skipBlanks();
            boolean negative = false;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                negative = text.charAt(pos) == '-';
                pos++;
            }
            int start = pos;
            long value = 0;
            boolean overflow = false;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                int digit = text.charAt(pos) - '0';
                // strtoul: beyond 2^64 - 1 the value is ULONG_MAX, whatever the sign
                if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                    overflow = true;
                }
                value = value * 10 + digit;
                pos++;
            }
            if (pos == start) {
                return -1;
            }
            long unsignedLong = overflow ? -1L : (negative ? -value : value);
            return unsignedLong & UINT_MASK;
        }
    }
}
