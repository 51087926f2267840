package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.index.IndexFormatException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing modules.dep lines: the file, then the dependencies in load order (the line reversed). */
class DepLineTest {

    private static final Path DIR = Path.of("/lib/modules/6.1.0");
    private static final Path INDEX = DIR.resolve("modules.dep.bin");

    private static List<String> names(ModuleDependencies e) {
        return e.dependencies().stream().map(ModuleDependencies.Dependency::name).toList();
    }

    @Test
    void dependenciesAreReversedAndSplitAtRunsOfBlanks() throws Exception {
        ModuleDependencies e = DepLine.parse("ext4", "kernel/fs/ext4/ext4.ko:  kernel/lib/crc16.ko \t"
                + "kernel/fs/mbcache.ko\t\tkernel/fs/jbd2/jbd2.ko  ", DIR, INDEX);
        assertEquals(DIR.resolve("kernel/fs/ext4/ext4.ko"), e.file());
        assertEquals(List.of("jbd2", "mbcache", "crc16"), names(e));
        assertEquals(DIR.resolve("kernel/fs/jbd2/jbd2.ko"), e.dependencies().get(0).file());
    }

    @Test
    void oneDependencyNoneAndAbsolutePaths() throws Exception {
        assertEquals(List.of("snd_pcm"), names(DepLine.parse("a", "a.ko: /x/snd-pcm.ko.xz", DIR, INDEX)));
        assertEquals(Path.of("/x/snd-pcm.ko.xz"),
                DepLine.parse("a", "a.ko: /x/snd-pcm.ko.xz", DIR, INDEX).dependencies().get(0).file());
        assertEquals(List.of(), names(DepLine.parse("a", "a.ko:", DIR, INDEX)));
        assertEquals(List.of(), names(DepLine.parse("a", "a.ko: \t ", DIR, INDEX)));
    }

    @Test
    void aLineWithoutColonIsAnError() {
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> DepLine.parse("a", "a.ko b.ko", DIR, INDEX));
        assertEquals(INDEX + ": offset 0: modules.dep entry of a has no ':': a.ko b.ko", e.getMessage());
    }
}
