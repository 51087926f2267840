package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.InitstateLogic;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

/** {@link Modprobe} on the example tree (copied under a root) against a fake kernel. */
class ModprobeTest {
    private static final String RELEASE = "6.1.0-jkmod-example";

    @TempDir
    Path root;

    private FakeKernel fake;
    private KernelCalls kernel;
    private final List<String> commands = new ArrayList<>();
    private Modprobe modprobe;

    @BeforeEach
    void setUp() throws Exception {
        PathUtils.copyDirectory(Path.of("../kmod-cli/src/example/root/lib"), root.resolve("lib"));
        FakeKernelTree tree = FakeKernelTree.at(root);
        tree.cmdline("");
        fake = spy(FakeKernel.on(tree).holdingDependencies()); // hooks and errors go to the spy: it has its own fields
        kernel = fake;
        KmodContext context = KmodContext.builder().root(root).release(RELEASE)
                .configPaths(List.of(Path.of("../kmod-cli/src/example/modprobe.d"))).build();
        CommandRunner recorder = (command, environment) -> {
            commands.add(command + " [MODPROBE_MODULE=" + environment.get("MODPROBE_MODULE") + "]");
            return 0;
        };
        modprobe = Modprobe.of(context, kernel, recorder);
        clearInvocations(fake); // Modprobe.of asked the fake for its tree
    }

    private Path ko(String relative) {
        return root.resolve("lib/modules/" + RELEASE + "/kernel/" + relative);
    }

    @Test
    void insertLoadsDependenciesOptionsAndSoftdepsLikeModprobe() throws Exception {
        List<ProbeStep> steps = modprobe.insert("demo-nic", "extra=1");
        assertEquals(List.of("INSERT demo_crc", "INSERT demo_core", "INSERT demo_net debug=1 mtu=9000 extra=1",
                "RUN_INSTALL demo_misc", "INSERT demofs"), describe(steps));
        InOrder order = inOrder(kernel);
        order.verify(kernel).finitModule(eq("demo_crc"), any(), eq(""), anyInt());
        order.verify(kernel).finitModule(eq("demo_core"), any(), eq(""), anyInt());
        order.verify(kernel).finitModule(eq("demo_net"), any(), eq("debug=1 mtu=9000 extra=1"), anyInt());
        order.verify(kernel).finitModule(eq("demofs"), any(), eq(""), anyInt());
        verifyNoMoreInteractions(kernel);
        assertEquals(List.of("/bin/echo installing demo_misc  [MODPROBE_MODULE=demo_misc]"), commands);
        for (String m : List.of("demo_crc", "demo_core", "demo_net", "demofs")) {
            assertEquals(Phase.LIVE, fake.phase(m), m);
        }
        assertEquals(List.of(), modprobe.insert("demo-nic"), "everything is loaded already");
    }

    @Test
    void insertOfAnUnknownNameIsModuleNotFound() {
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class, () -> modprobe.insert("no-such"));
        assertEquals("Module no-such not found in directory " + root.resolve("lib/modules/" + RELEASE), e.getMessage());
    }

    @Test
    void aRefusedDependencyStopsTheLoadWithModprobesMessage() throws Exception {
        fake.failInit("demo_core", Errno.EPERM);
        ProbeFailedException e = assertThrows(ProbeFailedException.class, () -> modprobe.insert("demo_net"));
        assertEquals("could not insert 'demo_net': Operation not permitted", e.getMessage());
        assertEquals(Errno.EPERM, e.errno());
        assertEquals(Phase.LIVE, fake.phase("demo_crc"));
        assertEquals(Phase.ABSENT, fake.phase("demo_core"));
        assertEquals(Phase.ABSENT, fake.phase("demo_net"));
        verify(kernel).finitModule(eq("demo_core"), eq(ko("lib/demo_core.ko")), eq(""), anyInt());
    }

    @Test
    void removeTakesSoftdepsAndUnusedDependenciesAlongAsKmodDoes() throws Exception {
        modprobe.insert("demo_net"); // with demofs, its softdep
        RemoveFailedException inUse = assertThrows(RemoveFailedException.class, () -> modprobe.remove("demo_crc"));
        assertEquals("Module demo_crc is in use.", inUse.getMessage());
        assertEquals(Phase.LIVE, fake.phase("demo_crc"));
        // kmod 30's one pass over demo_net's dependencies in load order: demo_crc is still used by
        // demo_core when its turn comes, so it stays, as it does with the real modprobe
        assertEquals(List.of(RemovalStep.removed("demofs"), RemovalStep.removed("demo_net"), RemovalStep.removed("demo_core")),
                modprobe.remove("demo_net"));
        for (String m : List.of("demofs", "demo_net", "demo_core")) {
            assertEquals(Phase.ABSENT, fake.phase(m), m);
        }
        assertEquals(Phase.LIVE, fake.phase("demo_crc"));
        InOrder order = inOrder(kernel);
        order.verify(kernel).deleteModule("demofs", KernelCalls.DELETE_NONBLOCK);
        order.verify(kernel).deleteModule("demo_net", KernelCalls.DELETE_NONBLOCK);
        order.verify(kernel).deleteModule("demo_core", KernelCalls.DELETE_NONBLOCK);
        assertEquals(List.of(RemovalStep.removed("demo_crc")), modprobe.remove("demo_crc"));
        assertEquals(List.of(), modprobe.remove("demo_net"), "not loaded: nothing to do, no error");
    }

    @Test
    void aKernelThatRefusesARemovalGivesModprobesMessage() throws Exception {
        modprobe.insert("demo_crc");
        fake.failNext(FakeKernel.Call.DELETE_MODULE, Errno.EPERM);
        RemoveFailedException e = assertThrows(RemoveFailedException.class, () -> modprobe.remove("demo_crc"));
        assertEquals("could not remove 'demo_crc': Operation not permitted", e.getMessage());
        assertEquals(Errno.EPERM, e.errno());
        assertEquals(Phase.LIVE, fake.phase("demo_crc"));
    }

    @Test
    void threadsInsertingTheSameModuleAllReturnWithItLive() throws Exception {
        assertEquals(List.of(Phase.LIVE), phasesAtReturn(modprobe, 8).stream().distinct().toList());
    }

    @Test
    void withKmod18LogicThreadsReturnBeforeLive() throws Exception {
        KmodContext kmod18 = KmodContext.builder().root(root).release(RELEASE).configPaths(List.of())
                .initstateLogic(InitstateLogic.KMOD_18).build();
        List<Phase> phases = phasesAtReturn(Modprobe.of(kmod18, kernel, (c, e) -> 0), 8);
        assertEquals(Phase.LIVE, phases.get(0), "the first loader's own load");
        // the others started in the window; kmod-18 logic reads it as builtin and returns at once
        assertTrue(phases.subList(1, phases.size()).contains(Phase.WINDOW), phases.toString());
    }

    /**
     * One thread inserts demo_net, held 300 ms in its window (directory without initstate); the
     * others start inserting it once the window is there. The phase each saw right after its insert
     * returned, the first thread's first.
     */
    private List<Phase> phasesAtReturn(Modprobe m, int threads) throws Exception {
        fake.onWindow(module -> {
            if (module.equals("demo_net")) {
                Thread.sleep(300);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Callable<Phase> insert = () -> {
                m.insert("demo_net");
                return fake.phase("demo_net");
            };
            List<Future<Phase>> futures = new ArrayList<>();
            futures.add(pool.submit(insert));
            while (fake.phase("demo_net") != Phase.WINDOW) {
                Thread.sleep(1);
            }
            for (int i = 1; i < threads; i++) {
                futures.add(pool.submit(insert));
            }
            List<Phase> phases = new ArrayList<>();
            for (Future<Phase> f : futures) {
                phases.add(f.get(1, TimeUnit.MINUTES));
            }
            return phases;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> describe(List<ProbeStep> steps) {
        List<String> out = new ArrayList<>();
        for (ProbeStep s : steps) {
            out.add((s.action() + " " + s.module().name() + " " + s.optionsText()).strip());
        }
        return out;
    }
}
