package io.github.jkmod.sysfs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.sysfs.FileSystemKind;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.ModuleState;
import io.github.jkmod.sysfs.ProcModule;
import io.github.jkmod.sysfs.TwoFileSystemsTest;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The files the kit writes, as the kernel would show them, on disk and in Jimfs. */
class FakeKernelTreeTest extends TwoFileSystemsTest {

    private static String read(Path file) throws Exception {
        return Files.readString(file);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void aNewTreeHasAnEmptySysModuleAndAnEmptyProcModules(FileSystemKind kind) throws Exception {
        Path root = newRoot(kind).resolve("not/yet/there");
        FakeKernelTree tree = FakeKernelTree.at(root);
        assertSame(root, tree.root());
        assertEquals(List.of(), names(root.resolve("sys/module")));
        assertEquals("", read(root.resolve("proc/modules")));
        assertEquals(List.of(".fake-kernel-tree", "proc", "sys"), names(root));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void aLiveModuleHasTheKernelsFilesWithNewlines(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("ext4").live().coresize(1003520).parameter("debug", "0").section(".text", 0xffffffffc0a1b000L);
        tree.module("jbd2").live().holder("ext4");
        Path ext4 = tree.root().resolve("sys/module/ext4");
        Path jbd2 = tree.root().resolve("sys/module/jbd2");

        assertEquals(List.of("coresize", "holders", "initstate", "parameters", "refcnt", "sections"), names(ext4));
        assertEquals("live\n", read(ext4.resolve("initstate")));
        assertEquals("0\n", read(ext4.resolve("refcnt")));
        assertEquals("1003520\n", read(ext4.resolve("coresize")));
        assertEquals("0\n", read(ext4.resolve("parameters/debug")));
        assertEquals("0xffffffffc0a1b000\n", read(ext4.resolve("sections/.text")));
        // a holder is a relative link to the holder's directory, and counts as a reference
        Path link = jbd2.resolve("holders/ext4");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(tree.root().getFileSystem().getPath("../../ext4"), Files.readSymbolicLink(link));
        assertEquals(ext4.toRealPath(), link.toRealPath());
        assertEquals("1\n", read(jbd2.resolve("refcnt")));
        assertEquals("jbd2 16384 1 ext4, Live 0x0000000000000000\next4 1003520 0 - Live 0x0000000000000000\n",
                read(tree.root().resolve("proc/modules")));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void eachPhaseShowsWhatTheKernelShows(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        FakeModule m = tree.module("m").parameter("p", "1").section(".text", 1).holder("h");
        Path dir = m.directory();
        assertEquals(FakeModule.Phase.ABSENT, m.phase());
        assertFalse(Files.exists(dir));

        m.inWindow();
        assertEquals(List.of("holders", "parameters"), names(dir));
        assertEquals("m 16384 1 h, Loading 0x0000000000000000\n", read(tree.root().resolve("proc/modules")));
        m.coming();
        assertEquals("coming\n", read(dir.resolve("initstate")));
        assertEquals(List.of("coresize", "holders", "initstate", "parameters", "refcnt", "sections"), names(dir));
        m.going();
        assertEquals("going\n", read(dir.resolve("initstate")));
        assertEquals("m 16384 1 h, Unloading 0x0000000000000000\n", read(tree.root().resolve("proc/modules")));
        m.inWindow(); // backwards too: the attributes go, initstate first
        assertEquals(List.of("holders", "parameters"), names(dir));
        m.builtin();
        assertEquals(List.of("parameters"), names(dir));
        assertEquals("", read(tree.root().resolve("proc/modules")));
        assertTrue(tree.builtinOracle().isBuiltin("m"));
        m.remove();
        assertFalse(Files.exists(dir, LinkOption.NOFOLLOW_LINKS));
        assertFalse(tree.builtinOracle().isBuiltin("m"));
        assertEquals(List.of(), names(tree.root().resolve(".fake-kernel-tree"))); // staging left clean
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void attributesChangeWhileLoadedAndHoldersCanGo(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        FakeModule m = tree.module("m").live().holder("a").holder("b");
        KernelState kernel = tree.kernelState();
        assertEquals(List.of("a", "b"), kernel.holders("m"));
        assertEquals(2, kernel.refcount("m").getAsInt());
        m.removeHolder("a").parameter("p", "x").parameter("p", "y");
        assertEquals(List.of("b"), kernel.holders("m"));
        assertEquals(1, kernel.refcount("m").getAsInt());
        assertEquals("y", kernel.parameters("m").get("p"));
        m.refcount(7);
        assertEquals(7, kernel.refcount("m").getAsInt());
        assertEquals(7, kernel.procModules().get(0).refcount().getAsInt());
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void procModulesCanBeWrittenByHandAndThenFromTheModulesAgain(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("loop").live();
        tree.procModulesLines("nvidia 56463360 3 nvidia_uvm,nvidia_modeset, Live 0xffffffffc0a00000 (POE)");
        tree.module("fuse").live(); // does not touch the lines written by hand
        List<ProcModule> byHand = tree.kernelState().procModules();
        assertEquals(List.of("nvidia"), byHand.stream().map(ProcModule::name).toList());
        assertEquals("POE", byHand.get(0).taints());

        tree.procModulesFromModules();
        assertEquals(List.of("fuse", "loop"),
                tree.kernelState().procModules().stream().map(ProcModule::name).toList());
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void anyFileCanBeWrittenUnderTheRootButNotOutside(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.file("sys/module/odd/initstate", "live");
        assertEquals(ModuleState.LIVE, tree.kernelState().state("odd"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tree.file("/etc/passwd", ""));
        assertEquals("path must be relative to the root: '/etc/passwd'", e.getMessage());
    }

    @Test
    void theSameNameGivesTheSameHandleAndBadNamesAreRefused() throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(FileSystemKind.JIMFS));
        assertSame(tree.module("a"), tree.module("a"));
        assertSame(tree, tree.module("a").tree());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tree.module("../a"));
        assertEquals("invalid name '../a'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tree.module("a").holder("x/y"));
    }
}
