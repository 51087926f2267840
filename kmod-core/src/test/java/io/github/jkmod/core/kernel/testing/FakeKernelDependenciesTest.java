package io.github.jkmod.core.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FakeKernel#holdingDependencies()} with the example tree's real module files, whose modinfo
 * says {@code demo_core} depends on {@code demo_crc} and {@code demo_net} on both.
 */
class FakeKernelDependenciesTest {
    private static final Path MODULES = Path.of("../kmod-cli/src/example/root/lib/modules/6.1.0-jkmod-example/kernel");
    private static final Path CRC = MODULES.resolve("lib/demo_crc.ko");
    private static final Path CORE = MODULES.resolve("lib/demo_core.ko");
    private static final Path NET = MODULES.resolve("drivers/net/demo_net.ko");

    @TempDir
    Path root;

    private FakeKernel kernel;
    private KernelState state;

    @BeforeEach
    void setUp() {
        FakeKernelTree tree = FakeKernelTree.at(root);
        kernel = FakeKernel.on(tree).holdingDependencies();
        state = tree.kernelState();
    }

    @Test
    void aModuleWhoseDependencyIsNotLiveFailsWithAnUnknownSymbol() throws Exception {
        KernelCallException e = assertThrows(KernelCallException.class, () -> kernel.finitModule("demo_core", CORE, "", 0));
        assertEquals("finit_module 'demo_core': ENOENT (No such file or directory)", e.getMessage());
        assertEquals(Phase.ABSENT, kernel.phase("demo_core"));
        assertFalse(Files.exists(root.resolve("sys/module/demo_core")));
    }

    @Test
    void loadedModulesHoldTheirDependenciesUntilRemoved() throws Exception {
        kernel.finitModule("demo_crc", CRC, "", 0);
        kernel.finitModule("demo_core", CORE, "", 0);
        kernel.initModule("demo_net", Files.readAllBytes(NET), "");
        assertEquals(List.of("demo_core", "demo_net"), state.holders("demo_crc"));
        assertEquals(2, state.refcount("demo_crc").getAsInt());
        assertEquals(List.of("demo_net"), state.holders("demo_core"));
        KernelCallException busy = assertThrows(KernelCallException.class, () -> kernel.deleteModule("demo_core", KernelCalls.DELETE_NONBLOCK));
        assertEquals(Errno.EAGAIN, busy.errno());
        kernel.deleteModule("demo_net", KernelCalls.DELETE_NONBLOCK);
        assertEquals(List.of("demo_core"), state.holders("demo_crc"));
        assertEquals(List.of(), state.holders("demo_core"));
        assertEquals(0, state.refcount("demo_core").getAsInt());
        kernel.deleteModule("demo_core", KernelCalls.DELETE_NONBLOCK);
        kernel.deleteModule("demo_crc", KernelCalls.DELETE_NONBLOCK);
        assertEquals(Phase.ABSENT, kernel.phase("demo_crc"));
    }

    @Test
    void aLoadWaitsForADependencyThatIsBeingLoaded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        kernel.onInit(m -> {
            if (m.equals("demo_crc")) {
                release.await();
            }
        });
        CompletableFuture<Void> crc = CompletableFuture.runAsync(() -> load("demo_crc", CRC));
        while (kernel.phase("demo_crc") != Phase.COMING) {
            Thread.sleep(1);
        }
        CompletableFuture<Void> core = CompletableFuture.runAsync(() -> load("demo_core", CORE));
        Thread.sleep(50);
        assertFalse(core.isDone(), "demo_core must wait for demo_crc");
        assertEquals(Phase.ABSENT, kernel.phase("demo_core"));
        release.countDown();
        crc.get(10, TimeUnit.SECONDS);
        core.get(10, TimeUnit.SECONDS);
        assertEquals(Phase.LIVE, kernel.phase("demo_core"));
        assertEquals(List.of("demo_core"), state.holders("demo_crc"));
    }

    @Test
    void aFailedLoadLetsGoAndAForcedRemovalDropsTheLinks() throws Exception {
        kernel.finitModule("demo_crc", CRC, "", 0);
        kernel.failInit("demo_core", Errno.EPERM);
        assertThrows(KernelCallException.class, () -> kernel.finitModule("demo_core", CORE, "", 0));
        assertEquals(List.of(), state.holders("demo_crc"));
        kernel.finitModule("demo_core", CORE, "", 0);
        kernel.deleteModule("demo_crc", KernelCalls.DELETE_FORCE);
        assertEquals(Phase.ABSENT, kernel.phase("demo_crc"));
        kernel.finitModule("demo_crc", CRC, "", 0);
        assertEquals(List.of(), state.holders("demo_crc"), "the forced removal dropped demo_core's hold");
        kernel.deleteModule("demo_crc", KernelCalls.DELETE_NONBLOCK);
        kernel.deleteModule("demo_core", KernelCalls.DELETE_NONBLOCK);
        assertEquals(Phase.ABSENT, kernel.phase("demo_core"));
    }

    private void load(String module, Path file) {
        try {
            kernel.finitModule(module, file, "", 0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
