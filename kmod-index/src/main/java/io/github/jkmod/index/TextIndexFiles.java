package io.github.jkmod.index;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers for the text files that depmod writes next to the binary indexes. Each method reads a
 * whole file and returns its entries in file order, as an unmodifiable list.
 *
 * <p>Common rules for the line-based files: lines end with {@code \n} (the last one may not);
 * blank lines and lines whose first non-blank character is {@code #} are skipped; fields are
 * separated by spaces or tabs; every character must be 7-bit ASCII. A line that breaks its file's
 * syntax is reported as an {@link IndexFormatException} naming the file and the 1-based line
 * ({@code file:line: reason}). A file that cannot be read at all is reported as a
 * {@link KmodException} with the I/O error as its cause.
 */
public final class TextIndexFiles {
    private static final Pattern FIELDS = Pattern.compile("[ \t]+");
    private static final Pattern DEVICE = Pattern.compile("([cb])([0-9]{1,9}):([0-9]{1,9})");
    private static final String SYMBOL_PREFIX = "symbol:";

    /**
     * The largest text file read: 64 MiB. Each file is held whole while it is parsed; a distribution
     * kernel's largest, {@code modules.alias}, is about 1.3 MB.
     */
    public static final int MAX_FILE_SIZE = 64 * 1024 * 1024;

    private TextIndexFiles() {
    }

    /**
     * Reads {@code modules.dep}: lines {@code path: dep1 dep2 ...}.
     *
     * @param file the {@code modules.dep} file
     * @return the entries, in file order
     * @throws KmodException when the file cannot be read or a line is malformed; the message names
     *     the line
     */
    public static List<DepEntry> readDep(Path file) throws KmodException {
        List<DepEntry> out = new ArrayList<>();
        for (Line line : lines(file)) {
            int colon = line.text.indexOf(':');
            if (colon < 0) {
                throw line.error("missing ':' after the module path");
            }
            String path = line.text.substring(0, colon).strip();
            if (path.isEmpty()) {
                throw line.error("empty module path before ':'");
            }
            if (FIELDS.matcher(path).find()) {
                throw line.error("blank inside module path '" + path + "'");
            }
            out.add(new DepEntry(path, fields(line.text.substring(colon + 1))));
        }
        return List.copyOf(out);
    }

    /**
     * Reads {@code modules.alias}: lines {@code alias PATTERN MODULE}.
     *
     * @param file the {@code modules.alias} file
     * @return the entries, in file order
     * @throws KmodException when the file cannot be read or a line is malformed; the message names
     *     the line
     */
    public static List<AliasEntry> readAliases(Path file) throws KmodException {
        List<AliasEntry> out = new ArrayList<>();
        for (Line line : lines(file)) {
            out.add(aliasLine(line));
        }
        return List.copyOf(out);
    }

    /**
     * Reads {@code modules.symbols}: lines {@code alias symbol:NAME MODULE}.
     *
     * @param file the {@code modules.symbols} file
     * @return the entries, in file order; each pattern keeps its {@code symbol:} prefix
     * @throws KmodException when the file cannot be read or a line is malformed; the message names
     *     the line
     */
    public static List<AliasEntry> readSymbols(Path file) throws KmodException {
        List<AliasEntry> out = new ArrayList<>();
        for (Line line : lines(file)) {
            AliasEntry entry = aliasLine(line);
            if (!entry.pattern().startsWith(SYMBOL_PREFIX)) {
                throw line.error("expected 'symbol:NAME', found '" + entry.pattern() + "'");
            }
            out.add(entry);
        }
        return List.copyOf(out);
    }

    /**
     * Reads {@code modules.builtin}: one module path a line, e.g. {@code kernel/crypto/md5.ko}.
     *
     * @param file the {@code modules.builtin} file
     * @return the module paths, in file order
     * @throws KmodException when the file cannot be read
     */
    public static List<String> readBuiltin(Path file) throws KmodException {
        return paths(file);
    }

    /**
     * Reads {@code modules.order}: one module path a line, in the kernel's link order.
     *
     * @param file the {@code modules.order} file
     * @return the module paths, in file order
     * @throws KmodException when the file cannot be read
     */
    public static List<String> readOrder(Path file) throws KmodException {
        return paths(file);
    }

    /**
     * Reads {@code modules.devname}: lines {@code MODULE DEVNAME TYPEMAJOR:MINOR}, e.g. {@code fuse
     * fuse c10:229}.
     *
     * @param file the {@code modules.devname} file
     * @return the entries, in file order
     * @throws KmodException when the file cannot be read or a line is malformed; the message names
     *     the line
     */
    public static List<DevnameEntry> readDevname(Path file) throws KmodException {
        List<DevnameEntry> out = new ArrayList<>();
        for (Line line : lines(file)) {
            List<String> f = fields(line.text);
            if (f.size() != 3) {
                throw line.error("expected 'MODULE DEVNAME TYPEMAJOR:MINOR', found " + f.size() + " fields");
            }
            Matcher m = DEVICE.matcher(f.get(2));
            if (!m.matches()) {
                throw line.error("bad device '" + f.get(2) + "': expected c or b, the major, ':' and the minor");
            }
            out.add(new DevnameEntry(f.get(0), f.get(1), m.group(1).charAt(0),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        return List.copyOf(out);
    }

    /**
     * Reads {@code modules.builtin.modinfo}: NUL-terminated records {@code module.key=value}
     * (empty records are skipped; the last record may lack its NUL). Values are decoded as UTF-8.
     * A bad record is reported with its byte offset ({@code file: offset N: reason}).
     *
     * @param file the {@code modules.builtin.modinfo} file
     * @return the records, in file order
     * @throws KmodException when the file cannot be read or a record is malformed; the message
     *     names its offset
     */
    public static List<ModinfoRecord> readBuiltinModinfo(Path file) throws KmodException {
        byte[] bytes = read(file);
        List<ModinfoRecord> out = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            if (end > start) {
                out.add(record(file, new String(bytes, start, end - start, StandardCharsets.UTF_8), start));
            }
            start = end + 1;
        }
        return List.copyOf(out);
    }

    private static ModinfoRecord record(Path file, String text, long offset) throws IndexFormatException {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IndexFormatException(file, offset, "record '" + text + "' has no '='");
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot >= eq - 1) {
            throw new IndexFormatException(file, offset, "record '" + text + "' does not start with 'module.key='");
        }
        return new ModinfoRecord(text.substring(0, dot), text.substring(dot + 1, eq), text.substring(eq + 1), offset);
    }

    private static AliasEntry aliasLine(Line line) throws IndexFormatException {
        List<String> f = fields(line.text);
        if (!f.get(0).equals("alias")) {
            throw line.error("expected 'alias', found '" + f.get(0) + "'");
        }
        if (f.size() != 3) {
            throw line.error("expected 'alias PATTERN MODULE', found " + f.size() + " fields");
        }
        return new AliasEntry(f.get(1), f.get(2));
    }

    private static List<String> paths(Path file) throws KmodException {
        List<String> out = new ArrayList<>();
        for (Line line : lines(file)) {
            String path = line.text.strip();
            if (FIELDS.matcher(path).find()) {
                throw line.error("blank inside module path '" + path + "'");
            }
            out.add(path);
        }
        return List.copyOf(out);
    }

    private static List<String> fields(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(FIELDS.split(stripped));
    }

    /** A line worth parsing (not blank, not a comment), with its 1-based number. */
    private static final class Line {
        final Path file;
        final long number;
        final String text;

        Line(Path file, long number, String text) {
            this.file = file;
            this.number = number;
            this.text = text;
        }

        IndexFormatException error(String what) {
            return IndexFormatException.atLine(file, number, what);
        }
    }

    private static List<Line> lines(Path file) throws KmodException {
        byte[] bytes = read(file);
        List<Line> out = new ArrayList<>();
        long number = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            for (int i = start; i < end; i++) {
                if (bytes[i] <= 0) {
                    throw IndexFormatException.atLine(file, number, String.format(
                            "byte 0x%02x at column %d is not 7-bit ASCII text", bytes[i] & 0xff, i - start + 1));
                }
            }
            String text = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
            String stripped = text.strip();
            if (!stripped.isEmpty() && stripped.charAt(0) != '#') {
                out.add(new Line(file, number, text));
            }
            start = end + 1;
        }
        return List.copyOf(out);
    }

    private static byte[] read(Path file) throws KmodException {
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a FIFO would block in open, a device may never end: depmod writes regular files
                throw new KmodException(file + ": cannot read: not a regular file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_FILE_SIZE);
                if (in.read() >= 0) {
                    throw new IndexFormatException(file, MAX_FILE_SIZE,
                            "file larger than the limit of " + MAX_FILE_SIZE + " bytes");
                }
                return bytes;
            }
        } catch (KmodException e) {
            throw e;
        } catch (IOException e) {
            throw new KmodException(file + ": cannot read: " + e, e);
        }
    }
}
