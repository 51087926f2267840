package io.github.jkmod.core.modinfo;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.elf.ElfFile;
import io.github.jkmod.core.elf.ElfSection;
import io.github.jkmod.core.elf.ElfSymbol;
import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.internal.io.SpecialFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A kernel module file, read and decompressed once: its compression, its uncompressed ELF image,
 * the {@code .modinfo} records, the {@code __versions} table, the exported symbols and the appended
 * signature, plus copies of the image edited for the force flags.
 *
 * <p>The ELF header and section table are checked by {@link #read(Path)}; each part is parsed (and
 * checked) when first asked for, so a broken part only fails the accessors that need it, like the
 * real tools. Safe for use by several threads.
 */
public final class ModuleFile {
    /**
     * Largest uncompressed image (and largest file) accepted by {@link #read(Path)}: 1 GiB. The
     * biggest module of a Debian 6.1 kernel (amdgpu) is 19 MB; the kernel itself reads at most 2 GiB.
     */
    public static final long MAX_IMAGE_SIZE = 1L << 30;

    /** Largest byte array the JVM reliably allocates; no limit may exceed it. */
    static final long MAX_ARRAY_SIZE = Integer.MAX_VALUE - 16;

    /** The logger, created on first use only: System.getLogger costs start-up time. */
    private static final class Logging {
        static final System.Logger LOG = System.getLogger(ModuleFile.class.getName());

        private Logging() {
        }
    }
    private static final String CRC_PREFIX = "__crc_";

    private final Path file;
    private final Compression compression;
    private final byte[] image;
    private final ElfFile elf;

    private ModuleFile(Path file, Compression compression, byte[] image) throws ModuleFormatException {
        this.file = file;
        this.compression = compression;
        this.image = image;
        this.elf = ElfFile.parse(file, image);
    }

    /**
     * Whether {@code name} ends like a module file for kmod's tools: {@code .ko}, {@code .ko.xz} or
     * {@code .ko.zst} (the extensions of a kmod built with xz and zstd but without zlib, as
     * Debian's kmod 30 and 34.2 are: {@code modinfo x.ko.gz} looks {@code x.ko.gz} up as an alias).
     *
     * @param name a path or file name
     * @return whether it has a module file's suffix
     */
    public static boolean hasModuleSuffix(String name) {
        return name.endsWith(".ko") || name.endsWith(".ko.xz") || name.endsWith(".ko.zst");
    }

    /**
     * The module name of a module file as libkmod derives it: the base name up to its first
     * {@code .}, with {@code -} as {@code _}.
     *
     * @param path a path or file name
     * @return the module name (empty for a base name starting with {@code .})
     */
    public static String moduleName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        return (dot < 0 ? base : base.substring(0, dot)).replace('-', '_');
    }

    /**
     * Reads {@code file} with the default limit {@link #MAX_IMAGE_SIZE}.
     *
     * @param file the module file, compressed or not
     * @return the module, its image decompressed and its ELF header parsed
     * @throws KmodException when the file cannot be read, is too large or is malformed; see {@link
     *     #read(Path, long)}
     */
    public static ModuleFile read(Path file) throws KmodException {
        return read(file, MAX_IMAGE_SIZE);
    }

    /**
     * Reads {@code file}, decompressing it when its first bytes say it is compressed.
     *
     * @param maxImageSize the largest file and uncompressed image accepted (at most about 2 GiB)
     * @param file the module file, compressed or not
     * @return the module, its image decompressed and its ELF header parsed
     * @throws ModuleFormatException when the file is too large, its compressed data is corrupt or
     *     larger than the limit once decompressed, or its ELF header is malformed
     * @throws KmodException when the file cannot be read (the cause is the I/O exception)
     */
    public static ModuleFile read(Path file, long maxImageSize) throws KmodException {
        checkLimit(maxImageSize);
        return of(file, readBounded(file, maxImageSize), maxImageSize);
    }

    /**
     * A module from bytes held in memory (compressed or not; the array is copied). {@code name}
     * is the file named in error messages.
     *
     * @param name the file name to give in error messages
     * @param data the file's bytes, compressed or not
     * @return the module
     * @throws ModuleFormatException when the compressed data is corrupt or too large, or the ELF
     *     header is malformed
     */
    public static ModuleFile of(Path name, byte[] data) throws ModuleFormatException {
        return of(name, data.clone(), MAX_IMAGE_SIZE);
    }

    /**
     * The uncompressed image of a file's contents, without parsing it: {@code data} itself when
     * it is not compressed, else its decompressed contents (at most {@link #MAX_IMAGE_SIZE} bytes).
     *
     * @param file the file the bytes come from, named in error messages
     * @param data the file's bytes, compressed or not
     * @return the uncompressed bytes
     * @throws ModuleFormatException when the compressed data is corrupt or too large
     */
    public static byte[] uncompressed(Path file, byte[] data) throws ModuleFormatException {
        Compression c = Compression.detect(data);
        return c == Compression.NONE ? data : Decompressor.decompress(file, data, c, MAX_IMAGE_SIZE);
    }

    private static ModuleFile of(Path file, byte[] data, long maxImageSize) throws ModuleFormatException {
        Compression c = Compression.detect(data);
        if (c == Compression.NONE && data.length > maxImageSize) {
            throw new ModuleFormatException(file, maxImageSize,
                    "file of " + data.length + " bytes exceeds the limit of " + maxImageSize + " bytes");
        }
        byte[] image = c == Compression.NONE ? data : Decompressor.decompress(file, data, c, maxImageSize);
        return new ModuleFile(file, c, image);
    }

    private static void checkLimit(long maxImageSize) {
        if (maxImageSize <= 0 || maxImageSize > MAX_ARRAY_SIZE) {
            throw new IllegalArgumentException("maxImageSize " + maxImageSize + " is not in 1.." + MAX_ARRAY_SIZE);
        }
    }

    private static byte[] readBounded(Path file, long max) throws KmodException {
        try {
            return contents(file, max);
        } catch (ModuleFormatException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new KmodException(file + ": No such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new KmodException(file + ": Permission denied", e);
        } catch (IOException e) {
            throw new KmodException(file + ": cannot read: " + e, e);
        }
    }

    /**
     * The bytes of a module file as libkmod reads them, compressed or not, at most {@code max}: a
     * regular file whole (refused before reading when it is larger); a FIFO or a device as empty,
     * since libkmod reads such files by their size (0). Never waits for a FIFO's writer, never
     * reads endlessly.
     *
     * @param file the module file
     * @param max the largest size accepted, in bytes
     * @return the file's bytes, as they are on disk
     * @throws ModuleFormatException when the file is larger than {@code max}
     * @throws IOException when it cannot be opened or read ({@link NoSuchFileException},
     *     {@link AccessDeniedException}, or another, e.g. for a directory)
     */
    public static byte[] contents(Path file, long max) throws IOException {
        checkLimit(max);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isOther()) {
            return readSpecial(file);
        }
        if (attributes.size() > max) {
            throw new ModuleFormatException(file, max, "file exceeds the limit of " + max + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes((int) max);
            if (in.read() >= 0) {
                throw new ModuleFormatException(file, max, "file exceeds the limit of " + max + " bytes");
            }
            return data;
        }
    }

    /**
     * A FIFO or a device, as kmod 30 reads one: it reads the magic bytes, then maps (or, compressed,
     * seeks back and reads) the file by its size, which is 0 here or impossible on a pipe, so the
     * contents count as empty: an {@code Invalid argument} at once, even from the endless
     * {@code /dev/zero}. Read as {@link SpecialFiles#head} does: a FIFO without a writer does not
     * block.
     */
    private static byte[] readSpecial(Path file) throws IOException {
        SpecialFiles.head(file, 6);
        return new byte[0];
    }

    /**
     * The file this module was read from.
     *
     * @return the path given to {@link #read} or {@link #of}
     */
    public Path file() {
        return file;
    }

    /**
     * How the file is compressed.
     *
     * @return the compression recognised by the file's magic bytes
     */
    public Compression compression() {
        return compression;
    }

    /**
     * A copy of the uncompressed image (what {@code init_module} is given).
     *
     * @return a new copy of the image
     */
    public byte[] image() {
        return image.clone();
    }

    /**
     * The size of the uncompressed image in bytes.
     *
     * @return the image size, in bytes
     */
    public int imageSize() {
        return image.length;
    }

    /**
     * The parsed ELF structure of the image.
     *
     * @return the ELF view of the image
     */
    public ElfFile elf() {
        return elf;
    }

    /**
     * Whether the image has a {@code .modinfo} section (without one, libkmod answers ENOENT).
     *
     * @return true when a {@code .modinfo} section exists
     */
    public boolean hasModinfo() {
        return elf.section(".modinfo").isPresent();
    }

    /**
     * The {@code .modinfo} records in file order ({@code key=value}, NUL-separated; empty strings
     * from padding are skipped). Empty when there is no {@code .modinfo} section.
     *
     * @return the records, never null
     * @throws ModuleFormatException when the section lies outside the file
     */
    public List<ModinfoField> modinfo() throws ModuleFormatException {
        Optional<ElfSection> s = elf.section(".modinfo");
        if (s.isEmpty()) {
            return List.of();
        }
        List<ModinfoField> out = new ArrayList<>();
        for (String record : strings(s.get())) {
            out.add(ModinfoField.parse(record));
        }
        return List.copyOf(out);
    }

    /**
     * The values of every {@code .modinfo} record named {@code key}, in file order.
     *
     * @param key the record name, e.g. {@code alias}
     * @return the values, never null
     * @throws ModuleFormatException when the section lies outside the file
     */
    public List<String> modinfo(String key) throws ModuleFormatException {
        List<String> out = new ArrayList<>();
        for (ModinfoField f : modinfo()) {
            if (f.key().equals(key)) {
                out.add(f.value());
            }
        }
        return List.copyOf(out);
    }

    /**
     * What {@code modinfo} lists for this file: the {@code .modinfo} records, then, when the file
     * carries a signature that can be decoded, the signature fields. A signature that cannot be
     * decoded is left out (and logged), as the real tool does.
     *
     * @return the fields, never null
     * @throws ModuleFormatException when the {@code .modinfo} section lies outside the file
     */
    public List<ModinfoField> info() throws ModuleFormatException {
        List<ModinfoField> out = new ArrayList<>(modinfo());
        try {
            signature().ifPresent(sig -> out.addAll(sig.fields()));
        } catch (ModuleFormatException e) {
            Logging.LOG.log(Level.DEBUG, "signature left out: {0}", e.getMessage());
        }
        return List.copyOf(out);
    }

    /**
     * Whether the image has a {@code __versions} section (without one, libkmod answers ENOENT).
     *
     * @return true when a {@code __versions} section exists
     */
    public boolean hasVersions() {
        return elf.section("__versions").isPresent();
    }

    /**
     * The {@code __versions} table: {@code struct modversion_info { unsigned long crc; char
     * name[64 - sizeof(unsigned long)]; }}, i.e. 64-byte entries with an 8-byte (64-bit files) or
     * 4-byte (32-bit files) crc. Empty when there is no such section.
     *
     * @return the symbols the module uses, with their crcs, in table order
     * @throws ModuleFormatException when the section size is not a multiple of 64 or a name fills
     *     its field without a terminating NUL
     */
    public List<ModVersion> versions() throws ModuleFormatException {
        Optional<ElfSection> found = elf.section("__versions");
        if (found.isEmpty()) {
            return List.of();
        }
        ElfSection s = found.get();
        byte[] data = elf.bytes(s);
        if (data.length % 64 != 0) {
            throw new ModuleFormatException(file, s.headerOffset(),
                    "__versions size " + data.length + " is not a multiple of 64");
        }
        int w = elf.wordSize();
        List<ModVersion> out = new ArrayList<>(data.length / 64);
        for (int at = 0; at < data.length; at += 64) {
            long crc = elf.read(s.offset() + at, w, "__versions crc");
            int end = at + w;
            while (end < at + 64 && data[end] != 0) {
                end++;
            }
            if (end == at + 64) {
                throw new ModuleFormatException(file, s.offset() + at + w,
                        "unterminated symbol name in __versions entry " + at / 64);
            }
            out.add(new ModVersion(crc, new String(data, at + w, end - at - w, StandardCharsets.UTF_8)));
        }
        return List.copyOf(out);
    }

    /**
     * Whether the file has any table of exported symbols: {@code __crc_} symbols or a
     * {@code __ksymtab_strings} section (without either, libkmod answers ENOENT).
     *
     * @return true when {@link #exports()} has something to read
     * @throws ModuleFormatException when the symbol table is malformed
     */
    public boolean hasExportTable() throws ModuleFormatException {
        return !crcSymbols().isEmpty() || elf.section("__ksymtab_strings").isPresent();
    }

    /**
     * The exported symbols as {@code modprobe --show-exports} lists them: every {@code __crc_X}
     * symbol of the symbol table in table order, as {@code X} with its crc (for a symbol in a
     * section, the 32-bit value at its place in that section, {@code __kcrctab}; for an absolute
     * symbol, its value); when there are none, the strings of {@code __ksymtab_strings} with crc 0.
     * Empty when there is neither.
     *
     * @return the exported symbols, with their crcs
     * @throws ModuleFormatException when the symbol table or a section it points into is malformed
     */
    public List<ModVersion> exports() throws ModuleFormatException {
        List<ElfSymbol> crcs = crcSymbols();
        List<ModVersion> out = new ArrayList<>();
        if (!crcs.isEmpty()) {
            for (ElfSymbol sym : crcs) {
                out.add(new ModVersion(crcValue(sym), sym.name().substring(CRC_PREFIX.length())));
            }
        } else {
            Optional<ElfSection> strings = elf.section("__ksymtab_strings");
            if (strings.isPresent()) {
                for (String name : strings(strings.get())) {
                    out.add(new ModVersion(0, name));
                }
            }
        }
        return List.copyOf(out);
    }

    private List<ElfSymbol> crcSymbols() throws ModuleFormatException {
        Optional<ElfSection> symtab = elf.symbolTable();
        if (symtab.isEmpty()) {
            return List.of();
        }
        List<ElfSymbol> out = new ArrayList<>();
        for (ElfSymbol sym : elf.symbols(symtab.get())) {
            if (sym.name().startsWith(CRC_PREFIX)) {
                out.add(sym);
            }
        }
        return out;
    }

    private long crcValue(ElfSymbol sym) throws ModuleFormatException {
        int shndx = sym.sectionIndex();
        if (shndx == ElfSymbol.SHN_UNDEF || shndx >= ElfSymbol.SHN_LORESERVE) {
            return sym.value();
        }
        ElfSection s = elf.section(shndx, sym.entryOffset());
        elf.checkData(s);
        if (sym.value() < 0 || sym.value() > s.size() - 4 || s.type() == ElfSection.SHT_NOBITS) {
            throw new ModuleFormatException(file, sym.entryOffset(), "crc of " + sym.name() + " at "
                    + sym.value() + " lies outside section " + s.name() + " (" + s.size() + " bytes)");
        }
        return elf.read(s.offset() + sym.value(), 4, "crc of " + sym.name());
    }

    /**
     * The appended module signature, if the image ends with {@value ModuleSignature#MAGIC}.
     *
     * @return the signature, or empty when the file is not signed
     * @throws ModuleFormatException when the trailer is there but what precedes it cannot be
     *     decoded (lengths past the file, malformed DER, an unknown id type or hash algorithm, a
     *     signer named by key identifier): {@code modinfo} then shows no signature fields
     */
    public Optional<ModuleSignature> signature() throws ModuleFormatException {
        return SignatureReader.read(file, image);
    }

    /**
     * A copy of the image with {@code SHF_ALLOC} cleared on {@code __versions}, so that the kernel
     * ignores the symbol versions ({@code --force-modversion} on the {@code init_module} path). An
     * unchanged copy when there is no such section.
     *
     * @return the image, ready for {@code init_module}
     */
    public byte[] withoutModversions() {
        byte[] copy = image.clone();
        elf.section("__versions").ifPresent(s -> {
            int flagsAt = (int) s.headerOffset() + 8;
            int lowByte = elf.bigEndian() ? flagsAt + elf.wordSize() - 1 : flagsAt;
            copy[lowByte] &= (byte) ~ElfSection.SHF_ALLOC;
        });
        return copy;
    }

    /**
     * A copy of the image whose {@code vermagic=...} record in {@code .modinfo} is overwritten with
     * NUL bytes, so that the kernel finds no version magic ({@code --force-vermagic} on the
     * {@code init_module} path). An unchanged copy when there is no such record.
     *
     * @return the image, ready for {@code init_module}
     * @throws ModuleFormatException when the {@code .modinfo} section lies outside the file
     */
    public byte[] withoutVermagic() throws ModuleFormatException {
        byte[] copy = image.clone();
        Optional<ElfSection> found = elf.section(".modinfo");
        if (found.isPresent() && found.get().type() != ElfSection.SHT_NOBITS) {
            ElfSection s = found.get();
            elf.checkData(s);
            byte[] key = "vermagic=".getBytes(StandardCharsets.US_ASCII);
            int end = (int) (s.offset() + s.size());
            int at = (int) s.offset();
            while (at < end) {
                int stop = at;
                while (stop < end && copy[stop] != 0) {
                    stop++;
                }
                if (stop - at >= key.length && Arrays.equals(copy, at, at + key.length, key, 0, key.length)) {
                    Arrays.fill(copy, at, stop, (byte) 0);
                }
                at = stop + 1;
            }
        }
        return copy;
    }

    /** The non-empty NUL-separated strings of a section (a last string may end with the section). */
    private List<String> strings(ElfSection s) throws ModuleFormatException {
        byte[] data = elf.bytes(s);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == 0) {
                if (i > start) {
                    out.add(new String(data, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
