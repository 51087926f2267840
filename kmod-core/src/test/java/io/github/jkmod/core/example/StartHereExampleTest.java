package io.github.jkmod.core.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.ModuleDependencies;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.Modprobe;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.ModuleNotFoundException;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbePlan;
import io.github.jkmod.core.ProbeStep;
import io.github.jkmod.core.RemovalStep;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.core.modinfo.ModinfoField;
import io.github.jkmod.core.modinfo.ModuleFile;
import io.github.jkmod.sysfs.LoadedModule;
import io.github.jkmod.sysfs.ModuleState;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of the "start here" overview ({@code io.github.jkmod.core}'s package comment), run on
 * the example tree of {@code kmod-cli/src/example} copied under a fake kernel's root, with what it
 * finds asserted: the overview's names and calls compile and do what the comments next to them say.
 */
class StartHereExampleTest {
    private static final String RELEASE = "6.1.0-jkmod-example";

    @TempDir
    Path root;

    private KmodContext ctx;

    @BeforeEach
    void copyTheExampleTree() throws Exception {
        PathUtils.copyDirectory(Path.of("../kmod-cli/src/example/root/lib"), root.resolve("lib"));
        Files.createDirectories(root.resolve("etc"));
        PathUtils.copyDirectory(Path.of("../kmod-cli/src/example/modprobe.d"), root.resolve("etc/modprobe.d"));
        ctx = KmodContext.builder().root(root).release(RELEASE)
                .configPaths(List.of(root.resolve("etc/modprobe.d"))).build();
    }

    @Test
    void resolvesNamesAliasesAndSymbols() throws Exception {
        List<KernelModule> found = ctx.lookup("pci:v00001234d00005678sv00001234sd00000001bc02sc00i00");
        assertEquals(List.of("demo_net"), found.stream().map(KernelModule::name).toList());
        List<KernelModule> nic = ctx.require("demo-nic");
        assertEquals(List.of(KernelModule.viaAlias("demo_net", "demo_nic")), nic);
        assertEquals(List.of("demo_crc"), ctx.lookup("symbol:demo_crc_calc").stream().map(KernelModule::name).toList());
        assertEquals(List.of(), ctx.lookup("demo_crc_calc"), "a symbol without its prefix finds nothing");
        assertThrows(ModuleNotFoundException.class, () -> ctx.require("no-such-module"));
        Optional<ModuleDependencies> dep = ctx.dependencies("demo_net");
        assertEquals(List.of("demo_crc", "demo_core"),
                dep.orElseThrow().dependencies().stream().map(ModuleDependencies.Dependency::name).toList());
    }

    @Test
    void plansAsShowDependsAndReadsModinfo() throws Exception {
        ProbePlan plan = ctx.planInsert(ctx.require("demo-nic").get(0), ProbeFlags.SHOW_DEPENDS);
        List<String> lines = new ArrayList<>();
        for (ProbeStep step : plan.steps()) {
            lines.add(step.showDependsLine().orElse(""));
        }
        String dir = root.resolve("lib/modules/" + RELEASE) + "/kernel/";
        assertEquals("insmod " + dir + "drivers/net/demo_net.ko debug=1 mtu=9000 ", lines.get(2));
        assertEquals(7, lines.size());

        ModuleFile file = ModuleFile.read(ctx.dependencies("demo_net").orElseThrow().file());
        List<String> keys = file.info().stream().map(ModinfoField::key).toList();
        assertTrue(keys.containsAll(List.of("license", "description", "alias", "depends", "parm")), keys.toString());
        assertEquals(List.of("GPL"), file.modinfo("license"));
    }

    @Test
    void loadsTheNicWithItsDependenciesInTheFakeKernelAndRemovesIt() throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(root);
        FakeKernel kernel = FakeKernel.on(tree).holdingDependencies();
        Modprobe modprobe = Modprobe.of(ctx, kernel, (command, environment) -> 0);

        modprobe.insert("demo-nic");

        assertEquals(FakeModule.Phase.LIVE, kernel.phase("demo_net"));
        assertEquals(List.of("demo_net", "demofs"), ctx.kernelState().holders("demo_core"));
        assertEquals(ModuleState.LIVE, ctx.state("demo_net"));
        Map<String, List<String>> holders = new TreeMap<>();   // lsmod's holders, in directory order: sorted
        for (LoadedModule m : ctx.loaded()) {
            holders.put(m.name(), m.holders().orElse(List.of()).stream().sorted().toList());
        }
        assertEquals(Map.of("demo_crc", List.of("demo_core", "demo_net"), "demo_core", List.of("demo_net", "demofs"),
                "demo_net", List.of(), "demofs", List.of()), holders);

        List<RemovalStep> removed = modprobe.remove("demo-nic");
        assertTrue(removed.contains(RemovalStep.removed("demo_net")), removed.toString());
        assertEquals(FakeModule.Phase.ABSENT, kernel.phase("demo_net"));
        assertEquals(ModuleState.NOT_LOADED, ctx.state("demo_net"));
    }
}
