package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.core.elf.ModuleFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compression by magic bytes, the size limit against bombs, and corrupt compressed streams. */
class CompressionTest {
    private static final long ONE_MIB = 1 << 20;

    @TempDir
    Path tmp;

    @Test
    void detectedByMagicBytesNotByName() {
        assertEquals(Compression.ZSTD, Compression.detect(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0}));
        assertEquals(Compression.XZ, Compression.detect(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0}));
        assertEquals(Compression.GZIP, Compression.detect(new byte[] {0x1f, (byte) 0x8b}));
        assertEquals(Compression.NONE, Compression.detect(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z'}));
        assertEquals(Compression.NONE, Compression.detect(new byte[] {0x7f, 'E', 'L', 'F'}));
        assertEquals(Compression.NONE, Compression.detect(new byte[0]));
    }

    @Test
    void sysfsNames() {
        assertEquals(Optional.of(Compression.ZSTD), Compression.fromSysfsName("zstd\n"));
        assertEquals(Optional.of(Compression.GZIP), Compression.fromSysfsName("gzip"));
        assertEquals(Optional.of(Compression.XZ), Compression.fromSysfsName("xz"));
        assertEquals(Optional.empty(), Compression.fromSysfsName("none"));
        assertEquals(Optional.empty(), Compression.fromSysfsName("lz4"));
        assertEquals("xz", Compression.XZ.sysfsName());
    }

    @Test
    void aCompressedFileNamedKoIsStillDecompressed() throws Exception {
        byte[] elf = ElfBuilder.elf32(true).modinfo("name", "x").build();
        Path file = tmp.resolve("plain-name.ko");
        Files.write(file, CompressedModulesTest.compress(Compression.ZSTD, elf));
        ModuleFile m = ModuleFile.read(file);
        assertEquals(Compression.ZSTD, m.compression());
        assertArrayEquals(elf, m.image());
        assertEquals(elf.length, m.imageSize());
    }

    static Stream<Arguments> bombs() {
        return Stream.of(Arguments.of(Compression.GZIP), Arguments.of(Compression.XZ), Arguments.of(Compression.ZSTD));
    }

    @ParameterizedTest
    @MethodSource("bombs")
    void aBombStopsAtTheLimit(Compression c) throws Exception {
        byte[] zeros = Arrays.copyOf(ElfBuilder.elf64(false).modinfo("name", "bomb").build(), (int) (4 * ONE_MIB));
        Path file = tmp.resolve("bomb-fail.ko." + c.sysfsName());
        Files.write(file, CompressedModulesTest.compress(c, zeros));
        ModuleFormatException e = assertThrows(ModuleFormatException.class, () -> ModuleFile.read(file, ONE_MIB));
        assertEquals(file + ": offset " + e.offset() + ": decompressed " + c.sysfsName()
                + " data exceeds the limit of 1048576 bytes", e.getMessage());
        assertEquals(true, e.offset() > 0 && e.offset() <= Files.size(file), "offset " + e.offset());
        assertEquals(4 * ONE_MIB, ModuleFile.read(file, 4 * ONE_MIB).imageSize(), "exactly the limit is fine");
    }

    @Test
    void aPlainFileOverTheLimit() throws Exception {
        Path file = tmp.resolve("big-fail.ko");
        Files.write(file, Arrays.copyOf(ElfBuilder.elf64(false).build(), (int) ONE_MIB + 1));
        ModuleFormatException e = assertThrows(ModuleFormatException.class, () -> ModuleFile.read(file, ONE_MIB));
        assertEquals(file + ": offset 1048576: file exceeds the limit of 1048576 bytes", e.getMessage());
        assertEquals(IllegalArgumentException.class,
                assertThrows(IllegalArgumentException.class, () -> ModuleFile.read(file, 0)).getClass());
    }

    static Stream<Arguments> corrupt() throws Exception {
        byte[] elf = ElfBuilder.elf64(false).modinfo("name", "x").modinfo("description", "y".repeat(3000)).build();
        byte[] gz = CompressedModulesTest.compress(Compression.GZIP, elf);
        byte[] xz = CompressedModulesTest.compress(Compression.XZ, elf);
        byte[] zst = CompressedModulesTest.compress(Compression.ZSTD, elf);
        return Stream.of(
                Arguments.of("gzip-truncated", Arrays.copyOf(gz, gz.length / 2),
                        "offset 86: corrupt gzip data (Unexpected end of ZLIB input stream)"),
                Arguments.of("gzip-garbage", flip(gz, 12),
                        "offset 172: corrupt gzip data (invalid distance too far back)"),
                Arguments.of("gzip-header-only", Arrays.copyOf(gz, 2),
                        "offset 2: corrupt gzip data (EOFException)"),
                Arguments.of("xz-truncated", Arrays.copyOf(xz, xz.length / 2),
                        "offset 102: corrupt xz data (EOFException)"),
                Arguments.of("xz-garbage", flip(xz, 40),
                        "offset 175: corrupt xz data (Compressed data is corrupt)"),
                Arguments.of("xz-header-only", Arrays.copyOf(xz, 6),
                        "offset 6: corrupt xz data (EOFException)"),
                Arguments.of("zstd-truncated", Arrays.copyOf(zst, zst.length / 2),
                        "offset 91: corrupt zstd data (Not enough input bytes)"),
                Arguments.of("zstd-garbage", flip(zst, 8),
                        "offset 182: corrupt zstd data (Not enough input bytes)"),
                Arguments.of("zstd-header-only", Arrays.copyOf(zst, 4),
                        "offset 4: corrupt zstd data (Not enough input bytes)"),
                Arguments.of("zstd-2TiB-window", zstdHugeWindow(),
                        "offset 14: corrupt zstd data (Invalid magic prefix: 0: offset=25)"));
    }

    private static byte[] flip(byte[] data, int from) {
        byte[] out = data.clone();
        for (int i = from; i < Math.min(out.length, from + 8); i++) {
            out[i] ^= (byte) 0xa5;
        }
        return out;
    }

    /** A zstd frame header asking for a 2 TiB window, then a truncated block: no allocation follows the window size. */
    private static byte[] zstdHugeWindow() {
        return new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x00, (byte) 0xf8, 1, 0, 0, 0, 0, 0, 0, 0};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corrupt")
    void corruptStreamsFailWithTheExactMessage(String name, byte[] data, String message) throws Exception {
        Path file = tmp.resolve(name + "-fail.ko");
        Files.write(file, data);
        ModuleFormatException e = assertThrows(ModuleFormatException.class, () -> ModuleFile.read(file));
        assertEquals(file + ": " + message, e.getMessage());
    }
}
