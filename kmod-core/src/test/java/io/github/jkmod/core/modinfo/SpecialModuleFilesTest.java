package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.testsupport.Prerequisites;
import io.github.jkmod.core.elf.ModuleFormatException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * Module "files" that are devices or FIFOs, read as kmod 30 reads them (the magic, then the file by
 * its size, 0): as empty, but never endlessly and never waiting for a FIFO's writer.
 */
class SpecialModuleFilesTest {
    private static final Path KO = Path.of("../kmod-cli/src/example/root/lib/modules/6.1.0-jkmod-example/kernel/lib/demo_crc.ko");

    @TempDir
    Path dir;

    /** The message for an empty regular file, with its name replaced by {@code file}'s. */
    private String emptyFileMessage(Path file) throws Exception {
        Path empty = Files.write(dir.resolve("empty.ko"), new byte[0]);
        String m = assertThrows(ModuleFormatException.class, () -> ModuleFile.read(empty)).getMessage();
        return m.replace(empty.toString(), file.toString());
    }

    @Test
    @Timeout(60)
    void devZeroIsAnEmptyFileAtOnce() throws Exception {
        Path zero = Path.of("/dev/zero");
        Prerequisites.require(Files.exists(zero), "the device " + zero);
        ModuleFormatException e = assertThrows(ModuleFormatException.class, () -> ModuleFile.read(zero));
        assertEquals(emptyFileMessage(zero), e.getMessage());
    }

    @Test
    @Timeout(60)
    void aFifoWithoutWriterIsAnEmptyFileInsteadOfAWait() throws Exception {
        Path fifo = fifo("nobody.ko");
        ModuleFormatException e = assertThrows(ModuleFormatException.class, () -> ModuleFile.read(fifo));
        assertEquals(emptyFileMessage(fifo), e.getMessage());
    }

    @Test
    @Timeout(60)
    void aCompressedStreamFromAFifoCountsAsEmptyAsInKmod() throws Exception {
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (OutputStream out = new XZOutputStream(xz, new LZMA2Options(), XZ.CHECK_CRC32)) {
            out.write(Files.readAllBytes(KO));
        }
        Path fifo = fifo("stream.ko.xz");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(xz.toByteArray());
            } catch (Exception ex) {
                // the reader stops after the magic: a broken pipe is expected
            }
        });
        ModuleFormatException e = assertThrows(ModuleFormatException.class, () -> ModuleFile.read(fifo));
        assertEquals(emptyFileMessage(fifo), e.getMessage());
        finish(writer, fifo);
    }

    @Test
    @Timeout(60)
    void anUncompressedStreamFromAFifoCountsAsEmptyAsInKmod() throws Exception {
        Path fifo = fifo("plain.ko");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(Files.readAllBytes(KO));
            } catch (Exception ex) {
                // the reader stops after the magic: a broken pipe is expected
            }
        });
        ModuleFormatException e = assertThrows(ModuleFormatException.class, () -> ModuleFile.read(fifo));
        assertEquals(emptyFileMessage(fifo), e.getMessage());
        finish(writer, fifo);
    }

    /** Lets a writer still waiting in open (the reader may have been quicker) finish, and waits for it. */
    private static void finish(CompletableFuture<Void> writer, Path fifo) throws Exception {
        try (FileChannel reader = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            writer.get(30, TimeUnit.SECONDS);
        }
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Prerequisites.require(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        return fifo;
    }
}
