package io.github.jkmod.core.elf;

/**
 * One entry of an ELF symbol table.
 *
 * @param index the entry's index in its table
 * @param name the symbol name, from the linked string table
 * @param value {@code st_value} (in a relocatable file: the offset in its section)
 * @param size {@code st_size}
 * @param info {@code st_info} (binding in the high nibble, type in the low one)
 * @param sectionIndex {@code st_shndx} (0 undefined, 0xfff1 absolute, 0xfff2 common)
 * @param entryOffset where the entry lies in the file
 */
public record ElfSymbol(int index, String name, long value, long size, int info, int sectionIndex,
        long entryOffset) {

    /** {@code SHN_UNDEF}. */
    public static final int SHN_UNDEF = 0;
    /** {@code SHN_ABS}: the value is absolute, not in a section. */
    public static final int SHN_ABS = 0xfff1;
    /** {@code SHN_LORESERVE}: indexes from here on are special. */
    public static final int SHN_LORESERVE = 0xff00;
}
