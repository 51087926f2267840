package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.kernel.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The errno libkmod 30 gives each kind of broken module image (observed with the real tool). */
class LibkmodElfCheckTest {

    /**
     * A minimal 64-bit little-endian ELF: header, a 12-byte name table at 64, then the section
     * header table (null section, name table) at 80.
     */
    private static byte[] elf64() {
        ByteBuffer b = ByteBuffer.allocate(80 + 2 * 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putLong(0x28, 80); // e_shoff
        b.putShort(0x3a, (short) 64); // e_shentsize
        b.putShort(0x3c, (short) 2); // e_shnum
        b.putShort(0x3e, (short) 1); // e_shstrndx
        b.position(64);
        b.put("\0.shstrtab\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int sh1 = 80 + 64;
        b.putInt(sh1, 1);
        b.putInt(sh1 + 4, 3); // SHT_STRTAB
        b.putLong(sh1 + 24, 64); // sh_offset
        b.putLong(sh1 + 32, 12); // sh_size
        return b.array();
    }

    private static byte[] with(byte[] image, int at, int value) {
        byte[] copy = image.clone();
        copy[at] = (byte) value;
        return copy;
    }

    @Test
    void aWellFormedImagePasses() {
        assertEquals(0, LibkmodElfCheck.of(elf64()));
    }

    @Test
    void filesShorterThanTheLongestMagicAreInvalid() {
        assertEquals(Errno.EINVAL, LibkmodElfCheck.ofFileSize(0));
        assertEquals(Errno.EINVAL, LibkmodElfCheck.ofFileSize(5));
        assertEquals(0, LibkmodElfCheck.ofFileSize(6));
    }

    @Test
    void noElfMagicOrAtMostSixteenBytesIsNotExecutable() {
        assertEquals(Errno.ENOEXEC, LibkmodElfCheck.of("abcdefghijklmnopq".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(Errno.ENOEXEC, LibkmodElfCheck.of(Arrays.copyOf(elf64(), 16)));
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(Arrays.copyOf(elf64(), 17)));
    }

    @Test
    void headerFieldsLibkmodChecksAreInvalid() {
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(with(elf64(), 4, 7)), "class");
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(with(elf64(), 5, 9)), "data encoding");
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(with(elf64(), 4, 1)), "32-bit header sizes");
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(with(elf64(), 0x3a, 65)), "entry size");
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(with(elf64(), 0x3c, 9)), "too many sections");
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(with(elf64(), 0x3e, 2)), "name table index");
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(with(elf64(), 64 + 11, 'x')), "name table end");
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(with(elf64(), 80 + 64 + 32, 0)), "empty name table");
        assertEquals(Errno.EINVAL, LibkmodElfCheck.of(with(elf64(), 80 + 64 + 24, 200)), "name table past the end");
    }
}
