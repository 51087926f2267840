package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory discovery and the text-only files (no index is opened here). */
class ModuleDirectoryTest {
    @TempDir
    Path root;

    @Test
    void libModulesWinsOverUsrLibModules() throws Exception {
        Files.createDirectories(root.resolve("lib/modules/6.1.0"));
        Files.createDirectories(root.resolve("usr/lib/modules/6.1.0"));
        assertEquals(root.resolve("lib/modules/6.1.0"), ModuleDirectory.open(root, "6.1.0").path());
    }

    @Test
    void usrLibModulesWhenLibModulesIsAbsent() throws Exception {
        Files.createDirectories(root.resolve("lib/modules/other"));
        Files.createDirectories(root.resolve("usr/lib/modules/6.1.0"));
        ModuleDirectory dir = ModuleDirectory.open(root, "6.1.0");
        assertEquals(root.resolve("usr/lib/modules/6.1.0"), dir.path());
        assertTrue(dir.exists());
    }

    @Test
    void neitherGivesTheLibModulesPathWithNothingInIt() throws Exception {
        ModuleDirectory dir = ModuleDirectory.open(root, "6.1.0");
        assertEquals(root.resolve("lib/modules/6.1.0"), dir.path());
        assertFalse(dir.exists());
        for (IndexKind kind : IndexKind.values()) {
            assertEquals(Optional.empty(), dir.index(kind));
        }
        assertEquals(Optional.empty(), dir.dep());
        assertEquals(Optional.empty(), dir.alias());
        assertEquals(Optional.empty(), dir.symbols());
        assertEquals(Optional.empty(), dir.builtin());
        assertEquals(Optional.empty(), dir.builtinAlias());
        assertEquals(List.of(), dir.order());
        assertEquals(List.of(), dir.devname());
        assertEquals(List.of(), dir.builtinModinfo());
        assertEquals(Optional.empty(), dir.softdepFile());
        assertEquals(Optional.empty(), dir.weakdepFile());
    }

    @Test
    void absoluteLookingReleaseStaysUnderTheRoot() {
        assertEquals(root.resolve("lib/modules/abs"), ModuleDirectory.open(root, "/abs").path());
    }

    @Test
    void textOnlyFilesAreReadOnceAndShared() throws Exception {
        Path path = Fixtures.copy("depmod-small", Fixtures.DEPMOD_SMALL, root.resolve("lib/modules/9.9.9"));
        ModuleDirectory dir = ModuleDirectory.of(path);
        assertEquals(path, dir.path());
        assertEquals(List.of(new DevnameEntry("fuse", "fuse", 'c', 10, 229)), dir.devname());
        assertEquals(5, dir.order().size());
        assertEquals("kernel/absent/a.ko", dir.order().get(0));
        assertEquals(13, dir.builtinModinfo().size());
        assertEquals(new ModinfoRecord("md5", "alias", "crypto-md5", 0), dir.builtinModinfo().get(0));
        assertSame(dir.builtinModinfo(), dir.builtinModinfo());
        assertSame(dir.order(), dir.order());
        assertEquals(Optional.of(path.resolve("modules.softdep")), dir.softdepFile());
        assertEquals(Optional.empty(), dir.weakdepFile());
    }

    @Test
    void malformedTextFileIsReportedAndRetried() throws Exception {
        Path path = Files.createDirectories(root.resolve("lib/modules/1"));
        Files.writeString(path.resolve("modules.devname"), "fuse fuse\n");
        ModuleDirectory dir = ModuleDirectory.of(path);
        IndexFormatException e = assertThrows(IndexFormatException.class, dir::devname);
        assertEquals(path.resolve("modules.devname")
                + ":1: expected 'MODULE DEVNAME TYPEMAJOR:MINOR', found 2 fields", e.getMessage());
        Files.writeString(path.resolve("modules.devname"), "fuse fuse c10:229\n");
        assertEquals(1, dir.devname().size());
    }
}
