package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.testsupport.Prerequisites;
import io.github.jkmod.KmodException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link KmodContext#runningRelease} under a root: the file, and what it must never do. */
class KernelReleaseTest {
    @TempDir
    Path root;

    private Path osrelease() throws Exception {
        return Files.createDirectories(root.resolve("proc/sys/kernel")).resolve("osrelease");
    }

    @Test
    void theFirstLineTrimmed() throws Exception {
        Files.writeString(osrelease(), "6.1.0-jkmod-test\n");
        assertEquals("6.1.0-jkmod-test", KmodContext.runningRelease(root));
    }

    @Test
    void missingOrEmptyIsAClearError() throws Exception {
        Path file = root.resolve("proc/sys/kernel/osrelease");
        assertEquals(file + ": cannot read the kernel release: no such file",
                assertThrows(KmodException.class, () -> KmodContext.runningRelease(root)).getMessage());
        Files.writeString(osrelease(), "\n");
        assertEquals(file + ": empty kernel release",
                assertThrows(KmodException.class, () -> KmodContext.runningRelease(root)).getMessage());
    }

    @Test
    @Timeout(60)
    void devZeroOrAFifoNeverHangs() throws Exception {
        Path file = osrelease();
        Files.createSymbolicLink(file, Path.of("/dev/zero"));
        assertEquals(file + ": empty kernel release",
                assertThrows(KmodException.class, () -> KmodContext.runningRelease(root)).getMessage());
        Files.delete(file);
        Prerequisites.require(new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0, "mkfifo");
        assertEquals(file + ": empty kernel release",
                assertThrows(KmodException.class, () -> KmodContext.runningRelease(root)).getMessage());
    }
}
