package io.github.jkmod.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.core.*;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.ModuleState;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a user tests code that loads modules: jkmod's fake kernel over a temporary tree. */
class FakeKernelTest {
    /** jkmod's example directory (the system property set by run.sh, or the path in the repository). */
    private static final Path EXAMPLE = Path.of(System.getProperty("jkmod.example", "../../../../kmod-cli/src/example"));

    @TempDir
    Path root;

    private FakeKernel kernel;
    private KmodContext ctx;

    @BeforeEach
    void setUp() throws Exception {
        EverydayJobs.class.getName(); // the sample's own classes are on the path too
        Files.createDirectories(root.resolve("lib/modules"));
        copy(EXAMPLE.resolve("root/lib/modules/" + EverydayJobs.RELEASE), root.resolve("lib/modules/" + EverydayJobs.RELEASE));
        FakeKernelTree tree = FakeKernelTree.at(root);
        tree.cmdline("");
        kernel = FakeKernel.on(tree).holdingDependencies();
        ctx = KmodContext.builder().root(root).release(EverydayJobs.RELEASE)
                .configPaths(List.of(EXAMPLE.resolve("modprobe.d"))).build();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void loadsAnAliasWithItsDependenciesAndRemovesIt() throws Exception {
        Modprobe modprobe = Modprobe.of(ctx, kernel, (command, environment) -> 0);
        modprobe.insert("demo-nic");
        assertEquals(FakeModule.Phase.LIVE, kernel.phase("demo_net"));
        assertEquals(ModuleState.LIVE, ctx.state("demo_core"));
        assertEquals(List.of(RemovalStep.removed("demofs"), RemovalStep.removed("demo_net"),
                RemovalStep.removed("demo_core")), modprobe.remove("demo_net"));
        assertEquals(ModuleState.NOT_LOADED, ctx.state("demo_net"));
    }

    @Test
    void aKernelThatRefusesIsAnExceptionInModprobesWords() {
        kernel.failInit("demo_core", Errno.EPERM);
        Modprobe modprobe = Modprobe.of(ctx, kernel, (command, environment) -> 0);
        ProbeFailedException e = assertThrows(ProbeFailedException.class, () -> modprobe.insert("demo_net"));
        assertEquals("could not insert 'demo_net': Operation not permitted", e.getMessage());
    }
}
