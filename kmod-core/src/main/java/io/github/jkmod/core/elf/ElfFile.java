package io.github.jkmod.core.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ELF file held in memory (a kernel module is a relocatable ELF file): its class (32 or 64 bit),
 * byte order, section headers with their names, and checked access to section data, strings and
 * symbols. The header and the section header table are checked when the file is parsed; the data of
 * a section is checked when it is asked for, so a broken section that nobody reads does no harm (as
 * with the real tools).
 */
public final class ElfFile {
    private static final int EI_NIDENT = 16;

    private final Path file;
    private final ByteBuffer buf;
    private final boolean is64;
    private final boolean bigEndian;
    private final int type;
    private final int machine;
    private final List<ElfSection> sections;

    private ElfFile(Path file, ByteBuffer image, boolean is64, boolean bigEndian) {
        this.file = file;
        this.is64 = is64;
        this.bigEndian = bigEndian;
        this.buf = image.duplicate().clear().order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        this.type = u16(16);
        this.machine = u16(18);
        this.sections = new ArrayList<>();
    }

    /**
     * Parses the ELF header and section header table of {@code image}. The array is kept, not
     * copied: the caller must not change it afterwards.
     *
     * @param file the file the bytes come from, named in error messages
     * @param image the whole (uncompressed) file
     * @return the parsed file, whose sections can then be read
     * @throws ModuleFormatException when the header or the section header table is malformed
     */
    public static ElfFile parse(Path file, byte[] image) throws ModuleFormatException {
        return parse(file, ByteBuffer.wrap(image));
    }

    /**
     * Parses the ELF header and section header table of {@code image} (from index 0 to its
     * capacity), e.g. a file mapped into memory: only the parts asked for are read. The buffer is
     * kept, not copied: its contents must not change afterwards.
     *
     * @param file the file the bytes come from, named in error messages
     * @param image the whole (uncompressed) file
     * @return the parsed file, whose sections can then be read
     * @throws ModuleFormatException when the header or the section header table is malformed
     */
    public static ElfFile parse(Path file, ByteBuffer image) throws ModuleFormatException {
        int len = image.capacity();
        if (len == 0) {
            throw new ModuleFormatException(file, 0, "not an ELF file (empty)");
        }
        if (len < 4 || image.get(0) != 0x7f || image.get(1) != 'E' || image.get(2) != 'L' || image.get(3) != 'F') {
            StringBuilder magic = new StringBuilder();
            for (int i = 0; i < Math.min(4, len); i++) {
                magic.append(String.format("%02x", image.get(i) & 0xff));
            }
            throw new ModuleFormatException(file, 0, "not an ELF file (magic " + magic + ")");
        }
        if (len < EI_NIDENT) {
            throw new ModuleFormatException(file, len,
                    "truncated ELF header (need " + EI_NIDENT + " bytes, have " + len + ")");
        }
        int elfClass = image.get(4) & 0xff;
        if (elfClass != 1 && elfClass != 2) {
            throw new ModuleFormatException(file, 4, "bad ELF class " + elfClass);
        }
        int data = image.get(5) & 0xff;
        if (data != 1 && data != 2) {
            throw new ModuleFormatException(file, 5, "bad ELF data encoding " + data);
        }
        boolean is64 = elfClass == 2;
        int headerSize = is64 ? 64 : 52;
        if (len < headerSize) {
            throw new ModuleFormatException(file, len,
                    "truncated ELF header (need " + headerSize + " bytes, have " + len + ")");
        }
        ElfFile elf = new ElfFile(file, image, is64, data == 2);
        elf.readSectionHeaders();
        return elf;
    }

    private void readSectionHeaders() throws ModuleFormatException {
        int len = buf.capacity();
        long shoff = is64 ? u64(0x28) : u32(0x20);
        int entOff = is64 ? 0x3a : 0x2e;
        int shentsize = u16(entOff);
        long shnum = u16(entOff + 2);
        long shstrndx = u16(entOff + 4);
        int need = is64 ? 64 : 40;
        if (shoff == 0) {
            return; // no section header table at all
        }
        if (shentsize < need) {
            throw new ModuleFormatException(file, entOff,
                    "bad section header entry size " + shentsize + " (need " + need + ")");
        }
        if (shoff < 0 || shoff > len - (long) shentsize) {
            throw new ModuleFormatException(file, shoff,
                    "section header table extends past end of file (" + len + " bytes)");
        }
        if (shnum == 0) {
            shnum = is64 ? u64(shoff + 0x20) : u32(shoff + 0x14); // extended numbering: sh_size of [0]
        }
        if (shnum == 0) {
            return; // a table whose first entry says it has no sections
        }
        if (shstrndx == 0xffff) {
            shstrndx = u32(shoff + (is64 ? 0x28 : 0x18)); // extended numbering: sh_link of [0]
        }
        if (shnum < 0 || shnum > (len - shoff) / shentsize) {
            throw new ModuleFormatException(file, shoff, "section header table (" + shnum + " entries of "
                    + shentsize + " bytes) extends past end of file (" + len + " bytes)");
        }
        if (shstrndx >= shnum) {
            throw new ModuleFormatException(file, entOff + 4,
                    "section name table index " + shstrndx + " out of range (" + shnum + " sections)");
        }
        long[][] raw = new long[(int) shnum][];
        for (int i = 0; i < shnum; i++) {
            raw[i] = rawHeader(shoff + (long) i * shentsize);
        }
        ElfSection names = null;
        if (shstrndx != 0) {
            long[] h = raw[(int) shstrndx];
            names = new ElfSection((int) shstrndx, "section name table", h[1], h[2], h[3], h[4], h[5], h[6], h[7],
                    shoff + shstrndx * shentsize);
            checkData(names);
        }
        // a SHT_NOBITS name table holds no bytes in the file, whatever its size says
        long namesSize = names == null || names.type() == ElfSection.SHT_NOBITS ? 0 : names.size();
        for (int i = 0; i < shnum; i++) {
            long[] h = raw[i];
            long headerOffset = shoff + (long) i * shentsize;
            String name = "";
            if (names != null) {
                if (h[0] >= namesSize && !(h[0] == 0 && namesSize == 0)) {
                    throw new ModuleFormatException(file, headerOffset, "section " + i + " name offset "
                            + h[0] + " outside the section name table (" + namesSize + " bytes)");
                }
                name = namesSize == 0 ? "" : cString(names, h[0]);
            }
            sections.add(new ElfSection(i, name, h[1], h[2], h[3], h[4], h[5], h[6], h[7], headerOffset));
        }
    }

    private long[] rawHeader(long at) {
        if (is64) {
            return new long[] {u32(at), u32(at + 4), u64(at + 8), u64(at + 0x18), u64(at + 0x20),
                u32(at + 0x28), u32(at + 0x2c), u64(at + 0x38)};
        }
        return new long[] {u32(at), u32(at + 4), u32(at + 8), u32(at + 0x10), u32(at + 0x14),
            u32(at + 0x18), u32(at + 0x1c), u32(at + 0x24)};
    }

    /**
     * The file named in error messages.
     *
     * @return the path given to {@link #parse}
     */
    public Path file() {
        return file;
    }

    /**
     * Whether this is a 64-bit ({@code ELFCLASS64}) file.
     *
     * @return true for ELFCLASS64, false for ELFCLASS32
     */
    public boolean is64() {
        return is64;
    }

    /**
     * Whether the file is big-endian ({@code ELFDATA2MSB}).
     *
     * @return true for ELFDATA2MSB, false for ELFDATA2LSB
     */
    public boolean bigEndian() {
        return bigEndian;
    }

    /**
     * The byte order of the file's fields.
     *
     * @return {@link ByteOrder#BIG_ENDIAN} or {@link ByteOrder#LITTLE_ENDIAN}
     */
    public ByteOrder order() {
        return buf.order();
    }

    /**
     * The size of an {@code unsigned long} in this file: 8 or 4.
     *
     * @return 8 for a 64-bit file, 4 for a 32-bit one
     */
    public int wordSize() {
        return is64 ? 8 : 4;
    }

    /**
     * {@code e_type} (1 = ET_REL, the type of kernel modules).
     *
     * @return the object file type
     */
    public int type() {
        return type;
    }

    /**
     * {@code e_machine} (e.g. 62 x86-64, 3 i386, 183 AArch64).
     *
     * @return the machine (architecture) number
     */
    public int machine() {
        return machine;
    }

    /**
     * The size of the file in bytes.
     *
     * @return the length of the image, in bytes
     */
    public int length() {
        return buf.capacity();
    }

    /**
     * All section headers, in table order (index 0 is the null section when there is a table).
     *
     * @return the section headers, never null
     */
    public List<ElfSection> sections() {
        return List.copyOf(sections);
    }

    /**
     * The first section called {@code name}.
     *
     * @param name the section name, e.g. {@code .modinfo}
     * @return the section, or empty when the file has none of that name
     */
    public Optional<ElfSection> section(String name) {
        for (ElfSection s : sections) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The section at {@code index}, failing with a message that names {@code referencedFrom}.
     *
     * @param index the section index, e.g. a {@code sh_link} or {@code st_shndx} value
     * @param referencedFrom the byte offset of the field that holds {@code index}
     * @return the section header
     * @throws ModuleFormatException when there is no section at {@code index}
     */
    public ElfSection section(long index, long referencedFrom) throws ModuleFormatException {
        if (index < 0 || index >= sections.size()) {
            throw new ModuleFormatException(file, referencedFrom,
                    "section index " + index + " out of range (" + sections.size() + " sections)");
        }
        return sections.get((int) index);
    }

    /**
     * Checks that the data of {@code s} lies inside the file ({@code SHT_NOBITS} sections have no
     * data and always pass).
     *
     * @param s a section of this file
     * @throws ModuleFormatException when the data of {@code s} reaches past the end of the file
     */
    public void checkData(ElfSection s) throws ModuleFormatException {
        if (s.type() == ElfSection.SHT_NOBITS) {
            return;
        }
        long len = buf.capacity();
        if (s.offset() < 0 || s.size() < 0 || s.offset() > len || s.size() > len - s.offset()) {
            throw new ModuleFormatException(file, s.headerOffset(), "section " + s.index() + " ("
                    + s.name() + ") data at offset " + Long.toUnsignedString(s.offset()) + " size "
                    + Long.toUnsignedString(s.size()) + " extends past end of file (" + len + " bytes)");
        }
    }

    /**
     * A copy of the data of section {@code s} (empty for {@code SHT_NOBITS}).
     *
     * @param s a section of this file
     * @return its bytes
     * @throws ModuleFormatException when the data reaches past the end of the file
     */
    public byte[] bytes(ElfSection s) throws ModuleFormatException {
        checkData(s);
        if (s.type() == ElfSection.SHT_NOBITS) {
            return new byte[0];
        }
        byte[] out = new byte[(int) s.size()];
        buf.get((int) s.offset(), out);
        return out;
    }

    /**
     * The NUL-terminated string at {@code index} inside string table {@code strtab}, decoded as
     * UTF-8; {@code referencedFrom} is the offset named when the index is out of range.
     *
     * @param strtab a string table section of this file
     * @param index the offset of the string inside the table
     * @param referencedFrom the byte offset of the field that holds {@code index}
     * @return the string, without its NUL
     * @throws ModuleFormatException when {@code index} lies outside the table or the string has no
     *     NUL inside it
     */
    public String string(ElfSection strtab, long index, long referencedFrom) throws ModuleFormatException {
        checkData(strtab);
        if (index < 0 || index >= strtab.size() || strtab.type() == ElfSection.SHT_NOBITS) {
            throw new ModuleFormatException(file, referencedFrom, "string offset " + index
                    + " outside " + strtab.name() + " (" + strtab.size() + " bytes)");
        }
        return cString(strtab, index);
    }

    private String cString(ElfSection strtab, long index) throws ModuleFormatException {
        int start = (int) (strtab.offset() + index);
        int end = (int) (strtab.offset() + strtab.size());
        for (int i = start; i < end; i++) {
            if (buf.get(i) == 0) {
                byte[] text = new byte[i - start];
                buf.get(start, text);
                return new String(text, StandardCharsets.UTF_8);
            }
        }
        throw new ModuleFormatException(file, start, "unterminated string in " + strtab.name());
    }

    /**
     * The first symbol table ({@code SHT_SYMTAB}), if any.
     *
     * @return the symbol table, or empty for a stripped file
     */
    public Optional<ElfSection> symbolTable() {
        for (ElfSection s : sections) {
            if (s.type() == ElfSection.SHT_SYMTAB) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The entries of symbol table {@code symtab} with their names from the string table it links
     * to ({@code sh_link}).
     *
     * @param symtab a symbol table section of this file
     * @return the symbols, in table order
     * @throws ModuleFormatException when the table or its string table lies outside the file or is
     *     malformed
     */
    public List<ElfSymbol> symbols(ElfSection symtab) throws ModuleFormatException {
        checkData(symtab);
        ElfSection strtab = section(symtab.link(), symtab.headerOffset());
        checkData(strtab);
        int entSize = is64 ? 24 : 16;
        long count = symtab.type() == ElfSection.SHT_NOBITS ? 0 : symtab.size() / entSize;
        List<ElfSymbol> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long at = symtab.offset() + (long) i * entSize;
            long nameIndex = u32(at);
            long value;
            long size;
            int info;
            int shndx;
            if (is64) {
                info = u8(at + 4);
                shndx = u16(at + 6);
                value = u64(at + 8);
                size = u64(at + 16);
            } else {
                value = u32(at + 4);
                size = u32(at + 8);
                info = u8(at + 12);
                shndx = u16(at + 14);
            }
            String name = nameIndex == 0 ? "" : string(strtab, nameIndex, at);
            out.add(new ElfSymbol(i, name, value, size, info, shndx, at));
        }
        return out;
    }

    /**
     * Reads an unsigned field of {@code width} bytes (1, 2, 4 or 8) at {@code offset} in the file's
     * byte order; {@code what} names the field in the error message when it lies outside the file.
     *
     * @param offset the byte offset of the field
     * @param width the field's width in bytes: 1, 2, 4 or 8
     * @param what the field's name, for the error message
     * @return the field's value, zero-extended
     * @throws ModuleFormatException when the field lies outside the file
     */
    public long read(long offset, int width, String what) throws ModuleFormatException {
        if (offset < 0 || offset > buf.capacity() - width) {
            throw new ModuleFormatException(file, offset, what + " (" + width
                    + " bytes) extends past end of file (" + buf.capacity() + " bytes)");
        }
        switch (width) {
            case 1:
                return u8(offset);
            case 2:
                return u16(offset);
            case 4:
                return u32(offset);
            case 8:
                return u64(offset);
            default:
                throw new IllegalArgumentException("width " + width);
        }
    }

    private int u8(long at) {
        return buf.get((int) at) & 0xff;
    }

    private int u16(long at) {
        return buf.getShort((int) at) & 0xffff;
    }

    private long u32(long at) {
        return buf.getInt((int) at) & 0xffffffffL;
    }

    private long u64(long at) {
        return buf.getLong((int) at);
    }
}
