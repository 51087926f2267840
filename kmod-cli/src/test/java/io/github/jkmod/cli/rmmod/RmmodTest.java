package io.github.jkmod.cli.rmmod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.cli.common.RecordingSyslog;
import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.cli.common.ToolHarness.Outcome;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.core.kernel.testing.FakeKernel.Call;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jkmod's {@code rmmod} on a fake kernel: what reaches the kernel and every message, under both
 * profiles: removals, {@code -f}, kernel refusals, builtin modules (from the running kernel's
 * {@code modules.builtin}), several arguments, {@code -s}. The checks before the removal are compared
 * with the real tools by {@link RmmodConformanceTest}.
 */
class RmmodTest {
    private static final String RELEASE = "9.9.9-jkmod-test";

    @TempDir
    Path dir;

    private FakeKernelTree tree;
    private FakeKernel kernel;

    @BeforeEach
    void setUp() {
        tree = FakeKernelTree.at(dir.resolve("root"));
        kernel = FakeKernel.on(tree);
        tree.module("jkmod_a").live();
        tree.module("jkmod_b").live();
    }

    private Outcome rmmod(KmodProfile profile, SyslogSink syslog, String... args) {
        return ToolHarness.jkmod(run -> Rmmod.run("rmmod", List.of(args), run, kernel), tree.root(),
                Map.of(KmodProfile.ENVIRONMENT_VARIABLE, profile.cliName()), syslog);
    }

    private Outcome rmmod(KmodProfile profile, String... args) {
        return rmmod(profile, SyslogSink.DISCARD, args);
    }

    @ParameterizedTest
    @CsvSource({"kmod30", "kmod34"})
    void removesEachModuleWithoutWaiting(String profile) {
        assertEquals(new Outcome("", "", 0), rmmod(KmodProfile.fromName(profile), "jkmod_a", "jkmod-b"));
        assertEquals(FakeModule.Phase.ABSENT, kernel.phase("jkmod_a"));
        assertEquals(FakeModule.Phase.ABSENT, kernel.phase("jkmod_b"));
        assertEquals(KernelCalls.DELETE_NONBLOCK, kernel.calls().get(0).flags());
        assertEquals("jkmod_b", kernel.calls().get(1).module());
    }

    @Test
    void aFileNamesTheModuleByItsBaseName() throws IOException {
        Path file = Files.writeString(dir.resolve("jkmod-a.ko.xz"), "never read\n");
        assertEquals(new Outcome("", "", 0), rmmod(KmodProfile.KMOD_34, file.toString()));
        assertEquals("jkmod_a", kernel.calls().get(0).module());
    }

    @ParameterizedTest
    @CsvSource({"kmod30", "kmod34"})
    void forceSkipsTheChecksAndAsksTheKernelToForce(String profile) {
        tree.module("jkmod_a").refcount(2).holder("jkmod_b");
        kernel.inUse("jkmod_a", true);
        assertEquals(new Outcome("", "", 0), rmmod(KmodProfile.fromName(profile), "-f", "jkmod_a"));
        assertEquals(KernelCalls.DELETE_NONBLOCK | KernelCalls.DELETE_FORCE, kernel.calls().get(0).flags());
        assertEquals(FakeModule.Phase.ABSENT, kernel.phase("jkmod_a"));
    }

    @Test
    void aKernelRefusalIsLoggedByLibkmodThenByRmmod() {
        kernel.failAlways(Call.DELETE_MODULE, Errno.EAGAIN);
        assertEquals(new Outcome("", "rmmod: ERROR: ../libkmod/libkmod-module.c:856 kmod_module_remove_module() "
                + "could not remove 'jkmod_a': Resource temporarily unavailable\n"
                + "rmmod: ERROR: could not remove module jkmod-a: Resource temporarily unavailable\n", 1),
                rmmod(KmodProfile.KMOD_30, "jkmod-a"));
        assertEquals(new Outcome("", "rmmod: ERROR: could not remove 'jkmod_a': Resource temporarily unavailable\n"
                + "rmmod: ERROR: could not remove module jkmod-a: Resource temporarily unavailable\n", 1),
                rmmod(KmodProfile.KMOD_34, "jkmod-a"));
    }

    @ParameterizedTest
    @CsvSource({"kmod30", "kmod34"})
    void aBuiltinModuleIsNeverRemoved(String profile) {
        tree.file("proc/sys/kernel/osrelease", RELEASE + "\n");
        tree.file("lib/modules/" + RELEASE + "/modules.builtin", "kernel/lib/jkmod-builtin.ko\n");
        tree.module("jkmod_builtin").builtin();
        assertEquals(new Outcome("", "rmmod: ERROR: Module jkmod_builtin is builtin.\n", 1),
                rmmod(KmodProfile.fromName(profile), "jkmod-builtin"));
        assertEquals(List.of(), kernel.calls());
    }

    @ParameterizedTest
    @CsvSource({"kmod30", "kmod34"})
    void everyArgumentIsTriedAndOneFailureFailsTheRun(String profile) {
        tree.module("jkmod_a").refcount(1);
        assertEquals(new Outcome("", "rmmod: ERROR: Module jkmod_a is in use\n"
                + "rmmod: ERROR: Module jkmod_gone is not currently loaded\n", 1),
                rmmod(KmodProfile.fromName(profile), "jkmod_a", "jkmod_gone", "jkmod_b"));
        assertEquals(FakeModule.Phase.LIVE, kernel.phase("jkmod_a"));
        assertEquals(FakeModule.Phase.ABSENT, kernel.phase("jkmod_b"));
    }

    @Test
    void syslogTakesTheMessagesButKmod30PrintsTheHoldersOnStderr() {
        tree.module("jkmod_a").refcount(1).holder("jkmod_b");
        RecordingSyslog syslog = new RecordingSyslog();
        assertEquals(new Outcome("", " jkmod_b\n", 1), rmmod(KmodProfile.KMOD_30, syslog, "-s", "jkmod_a"));
        assertEquals(List.of("3 ERROR: Module jkmod_a is in use by:"), syslog.messages());
        RecordingSyslog syslog34 = new RecordingSyslog();
        assertEquals(new Outcome("", "", 1), rmmod(KmodProfile.KMOD_34, syslog34, "-s", "jkmod_a", "jkmod_gone"));
        assertEquals(List.of("3 ERROR: Module jkmod_a is in use by:", "3 ERROR:  jkmod_b", "3 ERROR: ",
                "3 ERROR: Module jkmod_gone is not currently loaded"), syslog34.messages());
    }

    @Test
    void kmod30sWaitLetterIsInItsOptionStringButHandledByNothing() {
        assertEquals(new Outcome("", "rmmod: ERROR: unexpected getopt_long() value 'w'.\n", 1),
                rmmod(KmodProfile.KMOD_30, "-s", "-w", "jkmod_a"));
        assertEquals(new Outcome("", "rmmod: invalid option -- 'w'\n", 1), rmmod(KmodProfile.KMOD_34, "-w", "jkmod_a"));
        assertEquals(List.of(), kernel.calls());
    }
}
