package io.github.jkmod.core.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.devices.ColdplugResult.Outcome;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.ModuleState;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Coldplug} of the fake host of {@link DeviceHost} into a {@link FakeKernel}. */
class ColdplugTest {
    @TempDir
    Path root;

    private DeviceHost host;
    private FakeKernel kernel;
    private NeededModules needed;

    @BeforeEach
    void setUp() throws Exception {
        host = new DeviceHost(root);
        kernel = FakeKernel.on(host.tree);
        needed = host.host().needed();
    }

    private Coldplug.Builder coldplug() {
        return Coldplug.builder(host.context, kernel).commands((command, env) -> 0);
    }

    private static Map<String, String> outcomes(ColdplugReport report) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ColdplugResult r : report.results()) {
            out.put(r.module(), r.outcome().label() + (r.detail().isEmpty() ? "" : ": " + r.detail()));
        }
        return out;
    }

    private List<String> inserted() {
        return kernel.calls().stream().map(FakeKernel.Invocation::module).toList();
    }

    @Test
    void independentChainsLoadAtTheSameTime() throws Exception {
        // a_base's init waits until b_base's init runs, and the other way round: with one load at a
        // time the first would wait for ever (here: give up after 30 s and fail the test)
        CountDownLatch aIn = new CountDownLatch(1);
        CountDownLatch bIn = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean(true);
        kernel.onInit(module -> {
            if (module.equals("a_base")) {
                aIn.countDown();
                overlapped.compareAndSet(true, bIn.await(30, TimeUnit.SECONDS));
            } else if (module.equals("b_base")) {
                bIn.countDown();
                overlapped.compareAndSet(true, aIn.await(30, TimeUnit.SECONDS));
            }
        });
        ColdplugReport report = coldplug().threads(2).build().run(needed);
        assertTrue(overlapped.get(), "a_base and b_base were not loading at once");
        assertTrue(report.succeeded(), report.toString());
        for (ColdplugResult r : report.results()) {
            assertEquals(Outcome.LOADED, r.outcome(), r.toString());
            assertEquals(ModuleState.LIVE, host.context.state(r.module()), r.module());
        }
    }

    @Test
    void everyModuleIsInsertedAfterItsDependenciesAndSoftPredecessors() throws Exception {
        ColdplugReport report = coldplug().threads(4).build().run(needed);
        assertTrue(report.succeeded(), report.toString());
        List<String> order = inserted();
        assertEquals(7, order.size(), order.toString());
        for (NeededModule m : needed.modules()) {
            for (String before : m.dependencies()) {
                assertTrue(order.indexOf(before) < order.indexOf(m.name()), before + " after " + m.name() + ": " + order);
            }
            for (String before : m.softPredecessors()) {
                assertTrue(order.indexOf(before) < order.indexOf(m.name()), before + " after " + m.name() + ": " + order);
            }
        }
        assertEquals(List.of(List.of("a_base", "b_base", "soft_pre"), List.of("a_mid", "b_disk", "c_snd"),
                List.of("a_nic")), report.waves());
    }

    @Test
    void aFailureSkipsItsDependentsAndNotTheOthers() throws Exception {
        kernel.failInit("a_mid", Errno.EINVAL);
        ColdplugReport report = coldplug().threads(3).build().run(needed);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a_base", "loaded");
        expected.put("a_mid", "failed: Invalid argument");
        expected.put("a_nic", "skipped: dependency a_mid failed");
        expected.put("b_base", "loaded");
        expected.put("b_disk", "loaded");
        expected.put("soft_pre", "loaded");
        expected.put("c_snd", "loaded");
        assertEquals(expected, outcomes(report));
        assertEquals(false, inserted().contains("a_nic"));
        assertEquals(ModuleState.LIVE, host.context.state("b_disk"));
    }

    @Test
    void aFailedSoftdepDoesNotStopTheModuleAsInModprobe() throws Exception {
        kernel.failInit("soft_pre", Errno.EIO);
        Map<String, String> got = outcomes(coldplug().threads(1).build().run(needed));
        assertEquals("failed: Input/output error", got.get("soft_pre"));
        assertEquals("loaded", got.get("c_snd"));
    }

    @Test
    void modulesAlreadyLiveAreLeftAlone() throws Exception {
        host.tree.module("a_base").live();
        host.tree.module("b_disk").live();
        ColdplugReport report = coldplug().threads(2).build().run(needed);
        assertEquals("in-kernel", outcomes(report).get("a_base"));
        assertEquals("in-kernel", outcomes(report).get("b_disk"));
        assertEquals(List.of("a_mid", "a_nic", "b_base", "c_snd", "soft_pre"),
                inserted().stream().sorted().toList());
    }

    @Test
    void dryRunLoadsNothingAndTellsTheWaves() throws Exception {
        host.tree.module("c_snd").live();
        ColdplugReport report = coldplug().dryRun(true).build().run(needed);
        assertEquals(List.of(), kernel.calls());
        Map<String, String> got = outcomes(report);
        assertEquals("would-load", got.get("a_nic"));
        assertEquals("in-kernel", got.get("c_snd"));
        assertEquals(3, report.waves().size());
        assertEquals(ModuleState.NOT_LOADED, host.context.state("a_base"));
    }

    /** a_nic's driver, once live, makes a child device whose modalias needs d_child. */
    private void childAppearsWithANic() {
        kernel.onInit(module -> {
            if (module.equals("a_nic")) {
                host.tree.device(DeviceHost.CHILD_PATH).subsystem("usb").modalias(DeviceHost.CHILD);
            }
        });
    }

    @Test
    void onePassDoesNotSeeTheDevicesThatAppearWhileItLoads() throws Exception {
        childAppearsWithANic();
        ColdplugReport once = coldplug().threads(2).build().run(needed);
        assertEquals(false, outcomes(once).containsKey("d_child"));
        assertEquals(ModuleState.NOT_LOADED, host.context.state("d_child"));
        assertTrue(host.host().needed().modules().stream().anyMatch(m -> m.name().equals("d_child")));
    }

    @Test
    void untilSettledLoadsWhatTheDevicesThatAppearedNeed() throws Exception {
        childAppearsWithANic();
        ColdplugReport settled = coldplug().threads(2).build()
                .runUntilSettled(host.host(), 5, java.time.Duration.ofMillis(200));
        List<ColdplugResult> results = settled.results();
        assertEquals(8, results.size(), results.toString());
        for (ColdplugResult r : results.subList(0, 7)) {
            assertEquals(1, r.round(), r.toString());
            assertEquals(Outcome.LOADED, r.outcome(), r.toString());
        }
        // round 2 waits only for a_base (in the kernel since round 1): its first wave after round 1's 3
        assertEquals(new ColdplugResult("d_child", Outcome.LOADED, 4, "", 2), results.get(7));
        assertEquals(ModuleState.LIVE, host.context.state("d_child"));
    }
}
