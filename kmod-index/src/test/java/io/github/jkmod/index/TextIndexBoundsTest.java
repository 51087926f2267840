package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.testsupport.Prerequisites;
import io.github.jkmod.KmodException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Text index files are read within {@link TextIndexFiles#MAX_FILE_SIZE}, and only when regular. */
class TextIndexBoundsTest {
    @TempDir
    Path dir;

    @Test
    void aFileOverTheLimitIsRefusedWithoutReadingItAll() throws Exception {
        Path big = dir.resolve("modules.dep");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(TextIndexFiles.MAX_FILE_SIZE + 1L); // sparse
        }
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> TextIndexFiles.readDep(big));
        assertEquals(big + ": offset 67108864: file larger than the limit of 67108864 bytes", e.getMessage());
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws Exception {
        Path edge = dir.resolve("modules.dep");
        byte[] data = new byte[TextIndexFiles.MAX_FILE_SIZE];
        java.util.Arrays.fill(data, (byte) '\n');
        byte[] line = "kernel/a.ko:\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(line, 0, data, 0, line.length);
        Files.write(edge, data);
        assertEquals(1, TextIndexFiles.readDep(edge).size());
    }

    @Test
    @Timeout(60)
    void aFifoOrADeviceIsNotRead() throws Exception {
        Path fifo = dir.resolve("modules.alias");
        Prerequisites.require(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        KmodException e = assertThrows(KmodException.class, () -> TextIndexFiles.readAliases(fifo));
        assertEquals(fifo + ": cannot read: not a regular file", e.getMessage());
        Path zero = Path.of("/dev/zero");
        Prerequisites.require(Files.exists(zero), "the device " + zero);
        assertEquals("/dev/zero: cannot read: not a regular file",
                assertThrows(KmodException.class, () -> TextIndexFiles.readBuiltin(zero)).getMessage());
    }
}
