package io.github.jkmod.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines of {@code /proc/modules} as kernels print them. */
class ProcModuleTest {

    private static final Path FILE = Path.of("/proc/modules");

    @Test
    void parsesEveryShapeTheKernelPrints() throws Exception {
        List<ProcModule> modules = ProcModulesParser.parse(FILE, String.join("\n",
                "ext4 1003520 1 - Live 0xffffffffc0a1b000",
                "mbcache 16384 1 ext4, Live 0x0000000000000000",
                "nvidia 56463360 3 nvidia_uvm,nvidia_modeset, Live 0x0000000000000000 (POE)",
                "perm 16384 0 [permanent], Loading 0x0000000000000000",
                "nounload 4096 - - Unloading 0x0000000000000000") + "\n");

        assertEquals(List.of(
                new ProcModule("ext4", 1003520, OptionalInt.of(1), List.of(), List.of(), ProcModule.ProcState.LIVE,
                        0xffffffffc0a1b000L, ""),
                new ProcModule("mbcache", 16384, OptionalInt.of(1), List.of("ext4"), List.of(), ProcModule.ProcState.LIVE,
                        0, ""),
                new ProcModule("nvidia", 56463360, OptionalInt.of(3), List.of("nvidia_uvm", "nvidia_modeset"),
                        List.of(), ProcModule.ProcState.LIVE, 0, "POE"),
                new ProcModule("perm", 16384, OptionalInt.of(0), List.of(), List.of("permanent"),
                        ProcModule.ProcState.LOADING, 0, ""),
                new ProcModule("nounload", 4096, OptionalInt.empty(), List.of(), List.of(), ProcModule.ProcState.UNLOADING,
                        0, "")), modules);
        assertEquals(ModuleState.COMING, modules.get(3).state().moduleState());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ext4 1003520 1 - Live 0xffffffffc0a1b000",
        "nvidia 56463360 3 nvidia_uvm,nvidia_modeset, Live 0x0000000000000000 (POE)",
        "perm 16384 2 a,[permanent], Loading 0x0000000000000000",
        "nounload 4096 - - Unloading 0x0000000000000000"})
    void printsALineBackAsTheKernelDoes(String line) throws Exception {
        assertEquals(line, ProcModulesParser.parseLine(FILE, 1, line).toLine());
    }

    @Test
    void theStateColumnMapsToModuleStates() {
        assertEquals(ProcModule.ProcState.LOADING, ProcModule.ProcState.of(ModuleState.COMING).orElseThrow());
        assertEquals(ProcModule.ProcState.UNLOADING, ProcModule.ProcState.fromProcName("Unloading").orElseThrow());
        assertEquals(java.util.Optional.empty(), ProcModule.ProcState.of(ModuleState.BUILTIN));
        assertEquals(java.util.Optional.empty(), ProcModule.ProcState.fromProcName("live"));
    }
}
