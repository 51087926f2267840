package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IndexFilePages} reads what the same bytes in memory hold, across page boundaries. */
class IndexFilePagesTest {
    private static final int PAGE = 8192;

    @TempDir
    Path dir;

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        // some NULs, sparse, and none at all over the last page and a half
        for (int i = 0; i < size - PAGE - PAGE / 2; i += 997) {
            b[i] = 0;
        }
        for (int i = size - PAGE - PAGE / 2; i < size; i++) {
            if (b[i] == 0) {
                b[i] = 1;
            }
        }
        return b;
    }

    private IndexFilePages pages(byte[] content) throws IOException {
        Path file = dir.resolve("index.bin");
        Files.write(file, content);
        return new IndexFilePages(file, new RandomAccessFile(file.toFile(), "r"), content.length);
    }

    @Test
    void everyReadAgreesWithTheBytesInMemoryAroundEachPageBoundary() throws IOException {
        byte[] content = bytes(3 * PAGE + 123, 7);
        IndexFilePages file = pages(content);
        IndexBytes memory = IndexBytes.of(ByteBuffer.wrap(content));
        assertEquals(content.length, file.size());
        for (int boundary = PAGE; boundary < content.length; boundary += PAGE) {
            for (int at = boundary - 9; at < boundary + 9; at++) {
                assertEquals(memory.get(at), file.get(at), "byte at " + at);
                assertEquals(memory.getInt(at), file.getInt(at), "int at " + at);
                assertEquals(memory.indexOfNul(at), file.indexOfNul(at), "NUL from " + at);
                byte[] a = new byte[PAGE + 20];
                byte[] b = new byte[PAGE + 20];
                int length = Math.min(PAGE + 10, content.length - at);
                memory.get(at, a, 5, length);
                file.get(at, b, 5, length);
                assertArrayEquals(a, b, "range from " + at);
            }
        }
        assertEquals(content[content.length - 1], file.get(content.length - 1));
        assertEquals(memory.getInt(content.length - 4), file.getInt(content.length - 4));
        // no NUL in the tail: none found, as in memory
        assertEquals(-1, file.indexOfNul(content.length - PAGE));
        assertEquals(memory.indexOfNul(content.length - PAGE), file.indexOfNul(content.length - PAGE));
    }

    @Test
    void aFileCutShorterAfterOpeningIsAnErrorNamingFileAndOffset() throws IOException {
        byte[] content = bytes(2 * PAGE + 100, 11);
        IndexFilePages file = pages(content);
        assertEquals(content[0], file.get(0));
        try (RandomAccessFile cut = new RandomAccessFile(dir.resolve("index.bin").toFile(), "rw")) {
            cut.setLength(PAGE + 10);
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> file.get(2 * PAGE + 50));
        assertTrue(e.getMessage().contains("index.bin") && e.getMessage().contains("offset " + 2 * PAGE),
                e.getMessage());
    }
}
