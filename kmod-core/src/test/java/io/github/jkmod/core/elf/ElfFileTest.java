package io.github.jkmod.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ELF reader on files from {@link ElfBuilder}. */
class ElfFileTest {
    private static final Path NAME = Path.of("t.ko");

    @ParameterizedTest(name = "64-bit {0}, big-endian {1}")
    @CsvSource({"true,false", "true,true", "false,false", "false,true"})
    void sectionsAndSymbols(boolean is64, boolean bigEndian) throws Exception {
        byte[] image = (is64 ? ElfBuilder.elf64(bigEndian) : ElfBuilder.elf32(bigEndian)).modinfo("name", "t")
                .export(9, "sym").build();
        ElfFile elf = ElfFile.parse(NAME, image);
        assertEquals(is64, elf.is64());
        assertEquals(bigEndian, elf.bigEndian());
        assertEquals(is64 ? 8 : 4, elf.wordSize());
        assertEquals(1, elf.type());
        assertEquals(List.of("", ".modinfo", "__kcrctab", "__ksymtab", "__ksymtab_strings", ".symtab", ".strtab",
                ".shstrtab"), elf.sections().stream().map(ElfSection::name).collect(Collectors.toList()));
        ElfSection symtab = elf.symbolTable().orElseThrow();
        List<ElfSymbol> symbols = elf.symbols(symtab);
        assertEquals(List.of("", "__crc_sym", "__ksymtab_sym"),
                symbols.stream().map(ElfSymbol::name).collect(Collectors.toList()));
        assertEquals(2, symbols.get(1).sectionIndex());
        assertEquals("name=t", new String(elf.bytes(elf.section(".modinfo").orElseThrow()), "UTF-8").trim());
        assertEquals(9, elf.read(elf.section("__kcrctab").orElseThrow().offset(), 4, "crc"));
    }

    @Test
    void extendedSectionNumbering() throws Exception {
        byte[] image = ElfBuilder.elf64(false).modinfo("name", "t").build();
        ElfFile plain = ElfFile.parse(NAME, image);
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        int shoff = (int) b.getLong(0x28);
        int count = b.getShort(0x3c);
        int names = b.getShort(0x3e);
        b.putShort(0x3c, (short) 0);
        b.putShort(0x3e, (short) 0xffff);
        b.putLong(shoff + 0x20, count);
        b.putInt(shoff + 0x28, names);
        ElfFile extended = ElfFile.parse(NAME, image);
        assertEquals(plain.sections().stream().map(ElfSection::name).collect(Collectors.toList()),
                extended.sections().stream().map(ElfSection::name).collect(Collectors.toList()));
    }

    @Test
    void readsOutsideTheFileFail() throws Exception {
        ElfFile elf = ElfFile.parse(NAME, ElfBuilder.elf32(false).build());
        ModuleFormatException e = assertThrows(ModuleFormatException.class, () -> elf.read(elf.length() - 2, 4, "crc"));
        assertEquals("t.ko: offset " + (elf.length() - 2) + ": crc (4 bytes) extends past end of file ("
                + elf.length() + " bytes)", e.getMessage());
        assertEquals(elf.length() - 2, e.offset());
    }

    @Test
    void noSectionTable() throws Exception {
        byte[] image = ElfBuilder.elf64(false).build();
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putLong(0x28, 0);
        assertEquals(List.of(), ElfFile.parse(NAME, image).sections());
    }
}
