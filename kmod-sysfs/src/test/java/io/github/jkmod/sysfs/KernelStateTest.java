package io.github.jkmod.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What {@link KernelState} reads from a well-formed fake tree, on disk and in Jimfs. */
class KernelStateTest extends TwoFileSystemsTest {

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void readsEveryAttributeOfALiveModule(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("ext4").live().refcount(2).holder("zz_user").holder("aa_user")
                .parameter("debug", "0").parameter("name", "")
                .section(".text", 0xffffffffc0a1b000L).section(".data", 0xffffffffc0a3c000L)
                .coresize(1003520);
        KernelState kernel = KernelState.ofRoot(tree.root());

        assertEquals(ModuleState.LIVE, kernel.state("ext4"));
        assertEquals(OptionalInt.of(2), kernel.refcount("ext4"));
        assertEquals(List.of("aa_user", "zz_user"), kernel.holders("ext4"));
        assertEquals(OptionalLong.of(1003520), kernel.coreSize("ext4"));
        assertEquals(Map.of(".data", 0xffffffffc0a3c000L, ".text", 0xffffffffc0a1b000L), kernel.sections("ext4"));
        assertEquals(List.of(".data", ".text"), List.copyOf(kernel.sections("ext4").keySet()));
        assertEquals(Map.of("debug", "0", "name", ""), kernel.parameters("ext4"));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void aModuleThatIsNotThereIsNotLoadedAndHasNothing(FileSystemKind kind) throws Exception {
        KernelState kernel = FakeKernelTree.at(newRoot(kind)).kernelState();

        for (InitstateLogic logic : InitstateLogic.values()) {
            assertEquals(ModuleState.NOT_LOADED, kernel.withLogic(logic).state("nope"));
        }
        assertEquals(OptionalInt.empty(), kernel.refcount("nope"));
        assertEquals(List.of(), kernel.holders("nope"));
        assertEquals(OptionalLong.empty(), kernel.coreSize("nope"));
        assertEquals(Map.of(), kernel.sections("nope"));
        assertEquals(Map.of(), kernel.parameters("nope"));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void anEmptyRootHasNoModulesNoCompressionAndAnEmptyCommandLine(FileSystemKind kind) throws Exception {
        KernelState kernel = KernelState.ofRoot(newRoot(kind));

        assertEquals(List.of(), kernel.procModules());
        assertEquals(Optional.empty(), kernel.compression());
        assertEquals("", kernel.cmdline());
        assertEquals(ModuleState.NOT_LOADED, kernel.state("ext4"));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void readsCompressionAndCommandLine(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind)).compression("zstd")
                .cmdline("BOOT_IMAGE=/vmlinuz root=UUID=1234 ro quiet modprobe.blacklist=nouveau");
        KernelState kernel = tree.kernelState();

        assertEquals(Optional.of("zstd"), kernel.compression());
        assertEquals("BOOT_IMAGE=/vmlinuz root=UUID=1234 ro quiet modprobe.blacklist=nouveau", kernel.cmdline());
        // compression is a file, not a module: asking for a module of that name is "not loaded"
        assertEquals(ModuleState.NOT_LOADED, kernel.state("compression"));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void bothLogicsAskTheOracleFirstAndDifferOnlyInTheWindow(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("printk").builtin().parameter("time", "Y");
        KernelState kmod20 = tree.kernelState();
        KernelState kmod18 = kmod20.withLogic(InitstateLogic.KMOD_18);
        KernelState blind = KernelState.ofRoot(tree.root()).withBuiltinOracle(m -> m.equals("ext4"));

        assertEquals(ModuleState.BUILTIN, kmod20.state("printk"));
        assertEquals(ModuleState.BUILTIN, kmod18.state("printk"));
        assertEquals(Map.of("time", "Y"), kmod20.parameters("printk"));
        assertEquals(OptionalInt.empty(), kmod20.refcount("printk"));
        // the oracle says builtin, sysfs has nothing: kmod 20 and kmod 18 both trust the index
        assertEquals(ModuleState.BUILTIN, blind.state("ext4"));
        assertEquals(ModuleState.BUILTIN, blind.withLogic(InitstateLogic.KMOD_18).state("ext4"));
        // without the oracle, a builtin module's directory looks like a module in its window:
        // that window is where the two logics differ
        assertEquals(ModuleState.COMING, blind.state("printk"));
        assertEquals(ModuleState.BUILTIN, blind.withLogic(InitstateLogic.KMOD_18).state("printk"));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void procModulesFollowsTheModulesPhasesMostRecentFirst(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("crc16").live().holder("ext4").coresize(16384);
        tree.module("ext4").live().coresize(1003520).address(0xffffffffc0a1b000L);
        tree.module("fuse").inWindow();
        tree.module("loop").going().refcount(0);
        tree.module("printk").builtin();
        KernelState kernel = tree.kernelState();

        assertEquals(List.of(
                        ProcModule.of("loop", 16384, 0, List.of(), ProcModule.ProcState.UNLOADING, 0),
                        ProcModule.of("fuse", 16384, 0, List.of(), ProcModule.ProcState.LOADING, 0),
                        ProcModule.of("ext4", 1003520, 0, List.of(), ProcModule.ProcState.LIVE, 0xffffffffc0a1b000L),
                        ProcModule.of("crc16", 16384, 1, List.of("ext4"), ProcModule.ProcState.LIVE, 0)),
                kernel.procModules());

        tree.module("fuse").live();
        tree.module("loop").remove();
        assertEquals(List.of("fuse", "ext4", "crc16"),
                kernel.procModules().stream().map(ProcModule::name).toList());
        assertEquals(ProcModule.ProcState.LIVE, kernel.procModules().get(0).state());
    }

    @Test
    void rejectsModuleNamesThatWouldLeaveSysModule() throws Exception {
        KernelState kernel = KernelState.ofRoot(tempDir);
        for (String bad : List.of("", ".", "..", "../../etc", "a/b")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernel.state(bad));
            assertEquals("invalid module name '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void theSystemKernelStateIsRootedAtSlashWithTheDefaultLogic() {
        KernelState system = KernelState.system();
        assertEquals(Path.of("/"), system.root());
        assertEquals(InitstateLogic.KMOD_20, system.logic());
        assertEquals(Path.of("/sys/module/ext4"), system.sysfsDirectory("ext4"));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void ofRootTakesBuiltinsFromTheIndexOfTheKernelRunningThere(FileSystemKind kind) throws Exception {
        Path root = newRoot(kind);
        FakeKernelTree tree = FakeKernelTree.at(root);
        tree.module("printk").builtin().parameter("time", "Y");
        tree.module("fuse").inWindow();
        // no release to find an index by: the builtin directory looks like a window
        assertEquals(ModuleState.COMING, KernelState.ofRoot(root).state("printk"));

        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "6.1.0-jkmod-test\n");
        Path moduleDir = Files.createDirectories(root.resolve("usr/lib/modules/6.1.0-jkmod-test"));
        Files.writeString(moduleDir.resolve("modules.builtin"), "kernel/kernel/printk/printk.ko\n");
        for (InitstateLogic logic : InitstateLogic.values()) {
            KernelState kernel = KernelState.ofRoot(root).withLogic(logic);
            assertEquals(ModuleState.BUILTIN, kernel.state("printk"), logic.cliName());
            assertEquals(logic == InitstateLogic.KMOD_18 ? ModuleState.BUILTIN : ModuleState.COMING,
                    kernel.state("fuse"), logic.cliName());
            assertEquals(ModuleState.NOT_LOADED, kernel.state("ext4"), logic.cliName());
        }
    }

    @Test
    void parsesThisMachinesProcModulesWhenThereIsOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/modules")),
                "this kernel has no /proc/modules (no module support)");
        List<ProcModule> modules = KernelState.system().procModules();
        List<String> lines = Files.readAllLines(Path.of("/proc/modules"));
        assertEquals(lines.size(), modules.size());
        for (int i = 0; i < modules.size(); i++) {
            assertEquals(lines.get(i).strip(), modules.get(i).toLine());
        }
        assertTrue(modules.stream().allMatch(m -> !m.name().isEmpty()));
    }
}
