package io.github.jkmod.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KernelState#loaded()}: lsmod's view of the loaded modules, read as libkmod reads it. */
class LoadedModulesTest {
    @TempDir
    Path root;

    private Path write(String relative, String content) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.ISO_8859_1);
    }

    @Test
    void namesSizesUseCountsHoldersAndStates() throws Exception {
        write("proc/modules", "snd 126976 2 snd_hda,snd_pcm, Live 0x0 (E)\n"
                + "old 4096 0 - Loading 0x0\n"
                + "gone-ish 77 0 - Unloading 0x0\n");
        write("sys/module/snd/coresize", "126977\n");
        write("sys/module/snd/refcnt", "2\n");
        Files.createDirectories(root.resolve("sys/module/snd/holders"));
        Files.createSymbolicLink(root.resolve("sys/module/snd/holders/snd_hda"), Path.of("../../snd_hda"));
        Files.createDirectories(root.resolve("sys/module/old/holders"));
        List<LoadedModule> loaded = KernelState.ofRoot(root).loaded();
        assertEquals(3, loaded.size());
        assertEquals(new LoadedModule("snd", OptionalLong.of(126977), OptionalInt.of(2),
                Optional.of(List.of("snd_hda")), Optional.of(ProcModule.ProcState.LIVE)), loaded.get(0));
        // no coresize (before Linux 3.3): the size column; no refcnt: no use count
        assertEquals(new LoadedModule("old", OptionalLong.of(4096), OptionalInt.empty(),
                Optional.of(List.of()), Optional.of(ProcModule.ProcState.LOADING)), loaded.get(1));
        // dashes made underscores; nothing in sysfs: no size, no count, holders not listable
        assertEquals(new LoadedModule("gone_ish", OptionalLong.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.of(ProcModule.ProcState.UNLOADING)), loaded.get(2));
    }

    @Test
    void anEmptyFileIsNoModules() throws Exception {
        write("proc/modules", "");
        assertEquals(List.of(), KernelState.ofRoot(root).loaded());
    }

    @Test
    void aMissingFileIsAnError() {
        SysfsException e = assertThrows(SysfsException.class, () -> KernelState.ofRoot(root).loaded());
        assertInstanceOf(NoSuchFileException.class, e.getCause());
    }

    @Test
    void aFileOverTheProcLimitIsAnErrorNotAnEndlessRead() throws Exception {
        Path file = write("proc/modules", "");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(KernelFiles.MAX_PROC_BYTES + 1L); // sparse: no 16 MiB written
        }
        SysfsException e = assertThrows(SysfsException.class, () -> KernelState.ofRoot(root).loaded());
        assertEquals(file + ": larger than " + KernelFiles.MAX_PROC_BYTES + " bytes", e.getMessage());
    }

    @Test
    void aNameThePathsCannotHoldIsReadAsAbsent() throws Exception {
        // NUL is never in a Unix path: the name is listed, nothing of sysfs is read for it
        write("proc/modules", "nul\u0000name 5 0 - Live 0x0\n");
        assertEquals(List.of(new LoadedModule("nul\u0000name", OptionalLong.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.of(ProcModule.ProcState.LIVE))), KernelState.ofRoot(root).loaded());
    }

    @Test
    void namesAreCutAtTheFirstDot() {
        assertEquals("a_b", KernelState.normalizeLoadedName("a-b.ko"));
        assertEquals("", KernelState.normalizeLoadedName(".x"));
    }
}
