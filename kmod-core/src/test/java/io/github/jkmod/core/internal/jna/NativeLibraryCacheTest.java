package io.github.jkmod.core.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {

    private static Properties asking(String file) {
        Properties p = new Properties();
        p.setProperty(NativeLibraryCache.PROPERTY, file);
        return p;
    }

    @Test
    void aKeptLibraryIsLoadedFromItsDirectoryUnderItsName() {
        Properties p = asking("/var/cache/jmodprobe/libjmodprobe-1-2-jnidispatch.so");
        assertTrue(NativeLibraryCache.prepare(p, true, true));
        assertEquals("/var/cache/jmodprobe", p.getProperty("jna.boot.library.path"));
        assertEquals("jmodprobe-1-2-jnidispatch", p.getProperty("jna.boot.library.name"));
        assertEquals(null, p.getProperty("jna.tmpdir"));
    }

    @Test
    void withoutAKeptLibraryJnaUnpacksIntoTheCacheAndKeepsItsCopy() {
        Properties p = asking("/var/cache/jmodprobe/libx.so");
        assertFalse(NativeLibraryCache.prepare(p, false, true));
        assertEquals("/var/cache/jmodprobe", p.getProperty("jna.tmpdir"));
        assertEquals("true", p.getProperty("jnidispatch.preserve"));
        assertEquals(null, p.getProperty("jna.boot.library.path"));
    }

    @Test
    void anUnwritableCacheOrAnOddNameChangesNothing() {
        Properties unwritable = asking("/var/cache/jmodprobe/libx.so");
        assertFalse(NativeLibraryCache.prepare(unwritable, false, false));
        assertEquals(1, unwritable.size(), unwritable.toString());
        for (String file : new String[] {"relative/libx.so", "/var/cache/jmodprobe/x.so",
            "/var/cache/jmodprobe/libx.jar", "/libx"}) {
            Properties p = asking(file);
            assertFalse(NativeLibraryCache.prepare(p, false, true));
            assertFalse(NativeLibraryCache.prepare(p, true, true));
            assertEquals(1, p.size(), file + ": " + p);
        }
        Properties none = new Properties();
        assertFalse(NativeLibraryCache.prepare(none, true, true));
        assertTrue(none.isEmpty());
    }

    @Test
    void theUnpackedCopyIsRenamedToTheKeptName(@TempDir Path dir) throws Exception {
        Path kept = dir.resolve("libk.so");
        Properties p = asking(kept.toString());
        NativeLibraryCache.prepare(p, false, true);
        Path unpacked = dir.resolve("jna123.tmp");
        Files.writeString(unpacked, "ELF");
        p.setProperty("jnidispatch.path", unpacked.toString());
        NativeLibraryCache.keep(p);
        assertEquals("ELF", Files.readString(kept));
        assertFalse(Files.exists(unpacked));
        // Once only: a later call (nothing unpacked) leaves the kept file alone.
        p.setProperty("jnidispatch.path", kept.toString());
        NativeLibraryCache.keep(p);
        assertEquals("ELF", Files.readString(kept));
    }

    @Test
    void aLibraryLoadedFromElsewhereIsNeitherMovedNorDeleted(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("cache"));
        Path kept = dir.resolve("cache/libk.so");
        Properties p = asking(kept.toString());
        NativeLibraryCache.prepare(p, false, true);
        Path system = dir.resolve("libjnidispatch.so");
        Files.writeString(system, "ELF");
        p.setProperty("jnidispatch.path", system.toString());
        NativeLibraryCache.keep(p);
        assertTrue(Files.exists(system));
        assertFalse(Files.exists(kept));
    }

    @Test
    void nothingIsDoneUnlessPrepareAskedForTheCopy(@TempDir Path dir) throws Exception {
        Path unpacked = dir.resolve("jna1.tmp");
        Files.writeString(unpacked, "ELF");
        Properties p = asking(dir.resolve("libk.so").toString());
        p.setProperty("jnidispatch.path", unpacked.toString());
        NativeLibraryCache.keep(p);
        assertTrue(Files.exists(unpacked));
        assertFalse(Files.exists(dir.resolve("libk.so")));
    }
}
