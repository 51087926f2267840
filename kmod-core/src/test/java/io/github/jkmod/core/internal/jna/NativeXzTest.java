package io.github.jkmod.core.internal.jna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.jkmod.testsupport.Prerequisites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * liblzma as depmod's fast path: what it decodes is exactly the input, and whatever it cannot
 * decode alone it declines (null), leaving the pure-Java decoder to decode or to word the error.
 */
class NativeXzTest {
    private static final byte[] DATA = sample();

    @BeforeEach
    void needLiblzma() {
        System.clearProperty(NativeXz.PROPERTY);
        Prerequisites.require(NativeXz.available(), "liblzma.so.5 (apt-get install liblzma5)");
    }

    private static byte[] sample() {
        Random r = new Random(42);
        byte[] b = new byte[300_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 7 == 0 ? r.nextInt(256) : "modprobe".charAt(i % 8));
        }
        return b;
    }

    private static byte[] xz(byte[] data, int blocks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream x = new XZOutputStream(out, new LZMA2Options(6), XZ.CHECK_CRC32)) {
            int step = data.length / blocks;
            for (int k = 0; k < blocks; k++) {
                int end = k == blocks - 1 ? data.length : (k + 1) * step;
                x.write(data, k * step, end - k * step);
                if (k < blocks - 1) {
                    x.endBlock();
                }
            }
        }
        return out.toByteArray();
    }

    private static ByteBuffer direct(byte[] b) {
        ByteBuffer d = ByteBuffer.allocateDirect(b.length);
        d.put(b).clear();
        return d;
    }

    private static byte[] bytes(NativeXz.Decoded d) {
        ByteBuffer b = d.buffer();
        byte[] out = new byte[b.capacity()];
        b.get(0, out);
        return out;
    }

    @Test
    void decodesOneStreamExactly() throws IOException {
        byte[] packed = xz(DATA, 1);
        assertEquals(DATA.length, NativeXz.uncompressedSize(direct(packed)));
        try (NativeXz.Decoded d = NativeXz.decode(direct(packed), 1L << 30)) {
            assertNotNull(d);
            assertArrayEquals(DATA, bytes(d));
        }
    }

    @Test
    void decodesSeveralBlocks() throws IOException {
        byte[] packed = xz(DATA, 3);
        assertEquals(DATA.length, NativeXz.uncompressedSize(direct(packed)), "the index records are summed");
        try (NativeXz.Decoded d = NativeXz.decode(direct(packed), 1L << 30)) {
            assertArrayEquals(DATA, bytes(d));
        }
    }

    @Test
    void declinesWhatItCannotDecodeAlone() throws IOException {
        byte[] packed = xz(DATA, 1);
        byte[] two = new byte[packed.length * 2];
        System.arraycopy(packed, 0, two, 0, packed.length);
        System.arraycopy(packed, 0, two, packed.length, packed.length);
        assertNull(NativeXz.decode(direct(two), 1L << 30), "two streams");
        assertNull(NativeXz.decode(direct(Arrays.copyOf(packed, packed.length + 4)), 1L << 30), "stream padding");
        assertNull(NativeXz.decode(direct(Arrays.copyOf(packed, packed.length - 1)), 1L << 30), "truncated");
        byte[] damaged = packed.clone();
        damaged[packed.length / 2] ^= 0x55;
        assertNull(NativeXz.decode(direct(damaged), 1L << 30), "damaged data");
        assertNull(NativeXz.decode(ByteBuffer.wrap(packed), 1L << 30), "a heap buffer");
        assertNull(NativeXz.decode(direct(packed), DATA.length - 1), "over the limit");
        assertNull(NativeXz.decode(direct(new byte[40]), 1L << 30), "no footer");
    }

    @Test
    void aBrokenIndexIsNoSize() throws IOException {
        byte[] packed = xz(DATA, 1);
        byte[] badBackward = packed.clone();
        badBackward[packed.length - 8] = (byte) 0xff;
        badBackward[packed.length - 7] = (byte) 0xff;
        assertEquals(-1, NativeXz.uncompressedSize(direct(badBackward)));
        byte[] endless = packed.clone();
        int indexSize = ((packed[packed.length - 8] & 0xff) + 1) * 4;
        Arrays.fill(endless, packed.length - 12 - indexSize + 1, packed.length - 12 - 4, (byte) 0xff);
        assertEquals(-1, NativeXz.uncompressedSize(direct(endless)), "a multibyte integer that never ends");
    }

    @Test
    void thePropertyTurnsItOff() throws IOException {
        System.setProperty(NativeXz.PROPERTY, "java");
        try {
            assertFalse(NativeXz.available());
            assertNull(NativeXz.decode(direct(xz(DATA, 1)), 1L << 30));
        } finally {
            System.clearProperty(NativeXz.PROPERTY);
        }
    }
}
