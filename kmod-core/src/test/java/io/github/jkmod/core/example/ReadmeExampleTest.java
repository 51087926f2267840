package io.github.jkmod.core.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbePlan;
import io.github.jkmod.core.ProbeStep;
import io.github.jkmod.sysfs.ModuleState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The library example of the README, on the example tree, with what it prints asserted. */
class ReadmeExampleTest {

    @Test
    void resolvesAnAliasToItsLoadPlanAndReadsState() throws Exception {
        KmodContext ctx = KmodContext.builder()
                .moduleRoot(Path.of("../kmod-cli/src/example/root"))
                .release("6.1.0-jkmod-example")
                .configPaths(List.of(Path.of("../kmod-cli/src/example/modprobe.d")))
                .cmdline(Path.of("/dev/null"))
                .build();
        List<String> printed = new ArrayList<>();
        List<KernelModule> modules = ctx.require("demo-nic");
        for (KernelModule m : modules) {
            ProbePlan plan = ctx.planInsert(m, ProbeFlags.SHOW_DEPENDS);
            for (ProbeStep step : plan.steps()) {
                printed.add(step.action() + " " + step.module().name() + " " + step.options());
            }
        }
        assertEquals(List.of(KernelModule.viaAlias("demo_net", "demo_nic")), modules);
        assertEquals(List.of(
                "INSERT demo_crc []",
                "INSERT demo_core []",
                "INSERT demo_net [debug=1, mtu=9000]",
                "INSERT demo_crc []",
                "INSERT demo_core []",
                "RUN_INSTALL demo_misc []",
                "INSERT demofs []"), printed);
        assertEquals(Optional.of("install /bin/echo installing demo_misc $CMDLINE_OPTS "),
                ctx.planInsert(KernelModule.named("demofs"), ProbeFlags.SHOW_DEPENDS).steps().get(2)
                        .showDependsLine());
        // This machine has no demo modules loaded: the state under the root "/" says so.
        assertEquals(ModuleState.NOT_LOADED, ctx.state("demo_net"));
    }
}
