package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.index.IndexHeaderCheck.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index headers as kmod 30 and 34.2 take them (checked with both real modprobes: an empty, short or
 * absent file is no index, silently; a wrong magic or major version is reported, then no index; a
 * wrong minor version is read), and the start-up order and stop rule of their reports.
 */
class IndexHeaderCheckTest {
    @TempDir
    Path dir;

    private Path copyOfVector(String name) throws Exception {
        return Files.copy(TestVectors.file("kmod34", name), dir.resolve(name));
    }

    private static void patch(Path file, int at, int... bytes) throws Exception {
        byte[] data = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            data[at + i] = (byte) bytes[i];
        }
        Files.write(file, data);
    }

    @Test
    void verdictsAndMessages() throws Exception {
        Path f = copyOfVector("modules.dep.bin");
        assertEquals(Verdict.USABLE, IndexHeaderCheck.of(f).verdict());
        patch(f, 6, 0, 7);
        assertEquals(Verdict.USABLE, IndexHeaderCheck.of(f).verdict(), "a wrong minor version is read");
        patch(f, 4, 0, 3);
        IndexHeaderCheck major = IndexHeaderCheck.of(f);
        assertEquals(Verdict.BAD_MAJOR, major.verdict());
        assertEquals("major version check fail: 3 instead of 2", major.kmodMessage());
        assertEquals("../libkmod/libkmod-index.c:797", major.kmod30Location());
        patch(f, 0, 0, 0, 0, 1);
        IndexHeaderCheck magic = IndexHeaderCheck.of(f);
        assertEquals("magic check fail: 1 instead of b007f457", magic.kmodMessage());
        assertEquals("../libkmod/libkmod-index.c:790", magic.kmod30Location());
        assertTrue(magic.reported());
        byte[] head = Arrays.copyOf(Files.readAllBytes(copyOfVector("modules.alias.bin")), 8);
        for (byte[] content : List.of(new byte[0], head, "abcdefghijk".getBytes())) {
            Files.write(f, content);
            assertEquals(Verdict.ABSENT, IndexHeaderCheck.of(f).verdict(), content.length + " bytes");
            assertFalse(IndexHeaderCheck.of(f).reported());
        }
        assertEquals(Verdict.ABSENT, IndexHeaderCheck.of(dir.resolve("nosuch.bin")).verdict());
        assertEquals(Verdict.ABSENT, IndexHeaderCheck.of(dir).verdict(), "a directory");
    }

    @Test
    void aBadBinIsNoIndexAndIsNotReplacedByItsTextTwin() throws Exception {
        Path bin = copyOfVector("modules.builtin.bin");
        Files.copy(TestVectors.file("text", "modules.builtin"), dir.resolve("modules.builtin"));
        ModuleDirectory md = ModuleDirectory.of(dir);
        assertTrue(md.builtin().orElseThrow().lookup("unix").isPresent());
        Files.write(bin, new byte[0]);
        assertTrue(ModuleDirectory.of(dir).builtin().isEmpty(), "0 bytes: absent, as kmod reads it");
        Files.delete(bin);
        assertTrue(ModuleDirectory.of(dir).builtin().orElseThrow().lookup("unix").isPresent(),
                "no .bin at all: built from the text twin (jkmod's own convenience)");
    }

    @Test
    void startupReportsFollowKmodsOrderAndStopRule() throws Exception {
        for (String name : List.of("modules.dep.bin", "modules.alias.bin", "modules.symbols.bin",
                "modules.builtin.alias.bin", "modules.builtin.bin")) {
            copyOfVector(name);
        }
        ModuleDirectory md = ModuleDirectory.of(dir);
        assertEquals(List.of(), md.startupProblems());
        patch(dir.resolve("modules.symbols.bin"), 0, 0xde, 0xad, 0xbe, 0xef);
        patch(dir.resolve("modules.builtin.bin"), 0, 0xde, 0xad, 0xbe, 0xef);
        assertEquals(List.of("magic check fail: deadbeef instead of b007f457"),
                md.startupProblems().stream().map(IndexHeaderCheck::kmodMessage).toList(),
                "kmod stops at the first bad file");
        Files.write(dir.resolve("modules.dep.bin"), new byte[0]);
        assertEquals(List.of(), md.startupProblems(), "an empty first file stops it silently");
        copyOfVector2("modules.dep.bin");
        copyOfVector2("modules.symbols.bin");
        patch(dir.resolve("modules.builtin.alias.bin"), 4, 0, 3);
        assertEquals(List.of("major version check fail: 3 instead of 2", "magic check fail: deadbeef instead of b007f457"),
                md.startupProblems().stream().map(IndexHeaderCheck::kmodMessage).toList(),
                "after modules.builtin.alias.bin it still opens modules.builtin.bin");
    }

    private void copyOfVector2(String name) throws Exception {
        Files.copy(TestVectors.file("kmod34", name), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
