package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.core.elf.ModuleFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed module files ({@code *-fail.ko} written to a temporary directory): each gives a
 * {@link ModuleFormatException} with the exact message, naming the file and the byte offset, from
 * the accessor that needs the broken part.
 */
class MalformedModuleTest {
    @TempDir
    Path tmp;

    /** A valid 64-bit little-endian module; its layout is fixed, so offsets in messages are too. */
    static byte[] valid() {
        return ElfBuilder.elf64(false).modinfo("name", "m").version(1, "module_layout").export(2, "sym").build();
    }

    /** The same module, 32-bit big-endian. */
    static byte[] valid32be() {
        return ElfBuilder.elf32(true).modinfo("name", "m").version(1, "module_layout").export(2, "sym").build();
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long shoff(byte[] b) {
        return le(b).getLong(0x28);
    }

    /** The file offset of section {@code i}'s header in {@link #valid()}. */
    private static int header(byte[] b, int i) {
        return (int) shoff(b) + 64 * i;
    }

    private static Arguments fail(String name, UnaryOperator<byte[]> change, String accessor, String message) {
        return Arguments.of(name, change, accessor, message);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                fail("empty", b -> new byte[0], "read", "offset 0: not an ELF file (empty)"),
                fail("bad-magic", b -> new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0}, "read",
                        "offset 0: not an ELF file (magic 4d5a9000)"),
                fail("short-magic", b -> new byte[] {0x7f, 'E', 'L'}, "read", "offset 0: not an ELF file (magic 7f454c)"),
                fail("short-ident", b -> Arrays.copyOf(b, 10), "read",
                        "offset 10: truncated ELF header (need 16 bytes, have 10)"),
                fail("bad-class", b -> set(b, 4, 3), "read", "offset 4: bad ELF class 3"),
                fail("bad-data", b -> set(b, 5, 0), "read", "offset 5: bad ELF data encoding 0"),
                fail("short-header", b -> Arrays.copyOf(b, 40), "read",
                        "offset 40: truncated ELF header (need 64 bytes, have 40)"),
                fail("bad-shentsize", b -> { le(b).putShort(0x3a, (short) 12); return b; }, "read",
                        "offset 58: bad section header entry size 12 (need 64)"),
                fail("shoff-past-end", b -> { le(b).putLong(0x28, 1L << 40); return b; }, "read",
                        "offset 1099511627776: section header table extends past end of file (936 bytes)"),
                fail("shoff-negative", b -> { le(b).putLong(0x28, -8L); return b; }, "read",
                        "offset -8: section header table extends past end of file (936 bytes)"),
                fail("shnum-too-big", b -> { le(b).putShort(0x3c, (short) 999); return b; }, "read",
                        "offset 360: section header table (999 entries of 64 bytes) extends past end of file (936 bytes)"),
                fail("truncated", b -> Arrays.copyOf(b, b.length - 100), "read",
                        "offset 360: section header table (9 entries of 64 bytes) extends past end of file (836 bytes)"),
                fail("shstrndx-out-of-range", b -> { le(b).putShort(0x3e, (short) 200); return b; }, "read",
                        "offset 62: section name table index 200 out of range (9 sections)"),
                fail("shstrtab-past-end", b -> { le(b).putLong(header(b, 8) + 0x18, 5000); return b; }, "read",
                        "offset 872: section 8 (section name table) data at offset 5000 size 85 extends past end of file (936 bytes)"),
                fail("section-name-out-of-range", b -> { le(b).putInt(header(b, 3), 4000); return b; }, "read",
                        "offset 552: section 3 name offset 4000 outside the section name table (85 bytes)"),
                fail("modinfo-past-end", b -> { le(b).putLong(header(b, 1) + 0x20, 4000); return b; }, "modinfo",
                        "offset 424: section 1 (.modinfo) data at offset 64 size 4000 extends past end of file (936 bytes)"),
                fail("versions-size", b -> { le(b).putLong(header(b, 2) + 0x20, 63); return b; }, "versions",
                        "offset 488: __versions size 63 is not a multiple of 64"),
                fail("versions-unterminated-name", b -> { Arrays.fill(b, 80, 136, (byte) 'x'); return b; }, "versions",
                        "offset 80: unterminated symbol name in __versions entry 0"),
                fail("symtab-bad-link", b -> { le(b).putInt(header(b, 6) + 0x28, 99); return b; }, "exports",
                        "offset 744: section index 99 out of range (9 sections)"),
                fail("symbol-name-out-of-range", b -> { le(b).putInt(192, 7777); return b; }, "exports",
                        "offset 192: string offset 7777 outside .strtab (25 bytes)"),
                fail("crc-outside-section", b -> { le(b).putLong(200, 400); return b; }, "exports",
                        "offset 192: crc of __crc_sym at 400 lies outside section __kcrctab (4 bytes)"),
                fail("unterminated-strtab", b -> { le(b).putLong(header(b, 7) + 0x20, 24); return b; },
                        "exports", "offset 251: unterminated string in .strtab"),
                fail("32be-shstrndx-out-of-range", b -> set(valid32be(), 0x33, 200), "read",
                        "offset 50: section name table index 200 out of range (9 sections)"));
    }

    private static byte[] set(byte[] b, int at, int value) {
        b[at] = (byte) value;
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedFilesFailWithTheExactMessage(String name, UnaryOperator<byte[]> change, String accessor,
            String message) throws Exception {
        Path file = tmp.resolve(name + "-fail.ko");
        Files.write(file, change.apply(valid()));
        ModuleFormatException e = assertThrows(ModuleFormatException.class, () -> {
            ModuleFile m = ModuleFile.read(file);
            switch (accessor) {
                case "modinfo":
                    m.modinfo();
                    break;
                case "versions":
                    m.versions();
                    break;
                case "exports":
                    m.exports();
                    break;
                default:
                    break;
            }
        });
        assertEquals(file + ": " + message, e.getMessage());
        assertEquals(file, e.file());
    }
}
