package io.github.jkmod.cli.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.core.kernel.testing.FakeKernel.Call;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while {@code jmodprobe demo_net} loads demo_crc, demo_core, demo_net: exact messages and
 * exit statuses, the calls the kernel saw (nothing loaded twice) and what stays loaded.
 */
class FaultHardeningTest {
    @TempDir
    Path root;
    private ExampleSystem system;

    @BeforeEach
    void setUp() throws Exception {
        system = new ExampleSystem(root, "");
    }

    private List<String> loads() {
        return system.kernel.calls().stream().filter(c -> c.call() != Call.DELETE_MODULE)
                .map(c -> c.call() + " " + c.module()).toList();
    }

    private void assertPhases(Phase crc, Phase core, Phase net) {
        assertEquals(List.of(crc, core, net), List.of(system.kernel.phase("demo_crc"),
                system.kernel.phase("demo_core"), system.kernel.phase("demo_net")));
    }

    @Test
    void aDependencyFailingInTheMiddleStopsTheChain() {
        system.kernel.failInit("demo_core", 19 /* ENODEV */);
        assertEquals(new ExampleSystem.Outcome(1, "", "modprobe: ERROR: could not insert 'demo_net': No such device\n"),
                system.run("demo_net"));
        assertEquals(List.of("FINIT_MODULE demo_crc", "FINIT_MODULE demo_core"), loads());
        assertPhases(Phase.LIVE, Phase.ABSENT, Phase.ABSENT);
        // once the fault is gone, a second run loads the rest; demo_crc is not inserted again
        assertEquals(new ExampleSystem.Outcome(0, "", ""), system.run("demo_net"));
        assertEquals(List.of("FINIT_MODULE demo_crc", "FINIT_MODULE demo_core", "FINIT_MODULE demo_core",
                "FINIT_MODULE demo_net"), loads());
        assertPhases(Phase.LIVE, Phase.LIVE, Phase.LIVE);
    }

    @Test
    void theFileVanishesBetweenLookupAndLoad() throws Exception {
        system.kernel.onInit(m -> {
            if (m.equals("demo_crc")) {
                try {
                    Files.delete(system.moduleDir.resolve("kernel/lib/demo_core.ko"));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertEquals(new ExampleSystem.Outcome(1, "",
                "modprobe: ERROR: could not insert 'demo_net': Unknown symbol in module, or unknown parameter"
                        + " (see dmesg)\n"), system.run("demo_net"));
        assertPhases(Phase.LIVE, Phase.ABSENT, Phase.ABSENT);
    }

    @Test
    void eintrAndEagainAreReportedNotRetried() {
        for (int errno : new int[] {Errno.EINTR, Errno.EAGAIN}) {
            system.kernel.failNext(Call.FINIT_MODULE, errno);
            ExampleSystem.Outcome o = system.run("demo_crc");
            assertEquals(1, o.status());
            assertEquals("modprobe: ERROR: could not insert 'demo_crc': " + strerror(errno) + "\n", o.err());
            assertEquals(Phase.ABSENT, system.kernel.phase("demo_crc"));
        }
        assertEquals(List.of("FINIT_MODULE demo_crc", "FINIT_MODULE demo_crc"), loads());
    }

    @Test
    void enosysFallsBackToInitModule() {
        system.kernel.failAlways(Call.FINIT_MODULE, Errno.ENOSYS);
        assertEquals(new ExampleSystem.Outcome(0, "", ""), system.run("demo_net"));
        assertEquals(List.of("FINIT_MODULE demo_crc", "INIT_MODULE demo_crc", "FINIT_MODULE demo_core",
                "INIT_MODULE demo_core", "FINIT_MODULE demo_net", "INIT_MODULE demo_net"), loads());
        assertPhases(Phase.LIVE, Phase.LIVE, Phase.LIVE);
    }

    @Test
    void aKernelThatRefuses() {
        system.kernel.failAlways(Call.FINIT_MODULE, Errno.EPERM);
        assertEquals(new ExampleSystem.Outcome(1, "",
                "modprobe: ERROR: could not insert 'demo_net': Operation not permitted\n"), system.run("demo_net"));
        assertEquals(List.of("FINIT_MODULE demo_crc"), loads());
        assertPhases(Phase.ABSENT, Phase.ABSENT, Phase.ABSENT);
        system.kernel.failAlways(Call.FINIT_MODULE, Errno.ENOSYS).failAlways(Call.INIT_MODULE, Errno.ENOSYS);
        assertEquals(new ExampleSystem.Outcome(1, "",
                "modprobe: ERROR: could not insert 'demo_net': Function not implemented\n"), system.run("demo_net"));
        system.tree.module("demo_crc").live();
        system.kernel.failAlways(Call.DELETE_MODULE, Errno.EPERM);
        ExampleSystem.Outcome o = system.run("-r", "demo_crc");
        assertEquals(1, o.status());
        // the default profile's words (kmod 34 names no libkmod source location)
        assertEquals("modprobe: ERROR: could not remove 'demo_crc': Operation not permitted\n", o.err());
        assertEquals(Phase.LIVE, system.kernel.phase("demo_crc"));
    }

    private static String strerror(int errno) {
        return errno == Errno.EINTR ? "Interrupted system call" : "Resource temporarily unavailable";
    }
}
