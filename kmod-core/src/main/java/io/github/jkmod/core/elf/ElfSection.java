package io.github.jkmod.core.elf;

/**
 * One section header of an ELF file, its fields widened to {@code long} (unsigned values that do
 * not fit are negative and never pass the bounds checks of {@link ElfFile}).
 *
 * @param index the section's index in the header table
 * @param name the section name, from the section name table
 * @param type {@code sh_type} (e.g. 1 PROGBITS, 2 SYMTAB, 3 STRTAB, 8 NOBITS)
 * @param flags {@code sh_flags} (e.g. 2 = SHF_ALLOC)
 * @param offset {@code sh_offset}, where the data starts in the file
 * @param size {@code sh_size} in bytes
 * @param link {@code sh_link}
 * @param info {@code sh_info}
 * @param entrySize {@code sh_entsize}
 * @param headerOffset where this section's header lies in the file
 */
public record ElfSection(int index, String name, long type, long flags, long offset, long size,
        long link, long info, long entrySize, long headerOffset) {

    /** {@code SHT_NOBITS}: a section that occupies no bytes in the file. */
    public static final long SHT_NOBITS = 8;
    /** {@code SHT_SYMTAB}: a symbol table. */
    public static final long SHT_SYMTAB = 2;
    /** {@code SHF_ALLOC}: the section is loaded into memory. */
    public static final long SHF_ALLOC = 2;

    /**
     * Whether {@code SHF_ALLOC} is set.
     *
     * @return true when the section occupies memory once loaded
     */
    public boolean allocated() {
        return (flags & SHF_ALLOC) != 0;
    }
}
