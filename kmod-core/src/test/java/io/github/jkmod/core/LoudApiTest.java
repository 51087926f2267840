package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.Force;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each trap a library user met (issue #16) and its loud behaviour now: a missing root, module
 * directory or configuration path; an explicit empty configuration; nulls at the boundary; a
 * mutable lookup result; a fake kernel on another tree; flags and structured results.
 */
class LoudApiTest {
    private static final String RELEASE = "6.1.0-jkmod-example";
    private static final CommandRunner NO_COMMANDS = (command, environment) -> 0;

    @TempDir
    Path root;

    @BeforeEach
    void copyExampleTree() throws Exception {
        PathUtils.copyDirectory(Path.of("../kmod-cli/src/example/root/lib"), root.resolve("lib"));
        FakeKernelTree.at(root).cmdline("");
    }

    private KmodContext.Builder example() {
        return KmodContext.builder().root(root).release(RELEASE)
                .configPaths(List.of(Path.of("../kmod-cli/src/example/modprobe.d")));
    }

    @Test
    void aRootThatDoesNotExistIsAnErrorNotAnEmptySystem() throws Exception {
        Path missing = root.resolve("no-such-root");
        KmodException e = assertThrows(KmodException.class, () -> KmodContext.builder().root(missing).build());
        assertEquals("root " + missing + " does not exist", e.getMessage());
        Path file = Files.writeString(root.resolve("a-file"), "x");
        e = assertThrows(KmodException.class, () -> KmodContext.builder().root(file).build());
        assertEquals("root " + file + " is not a directory", e.getMessage());
    }

    @Test
    void aMissingModuleDirectoryIsAWarningNamingIt() throws Exception {
        KmodContext ctx = example().release("9.9.9-nosuch").logWarnings(false).build();
        Path dir = root.resolve("lib/modules/9.9.9-nosuch");
        assertEquals(List.of(new ContextWarning(dir, "module directory " + dir
                + " does not exist: no module will be found (is the release 9.9.9-nosuch right?)")), ctx.warnings());
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class, () -> ctx.require("demo_net"));
        assertEquals("Module demo_net not found in directory " + dir, e.getMessage());
    }

    @Test
    void aModuleDirectoryWithoutModulesDepIsAWarning() throws Exception {
        Path dir = root.resolve("lib/modules/" + RELEASE);
        Files.delete(dir.resolve("modules.dep"));
        Files.deleteIfExists(dir.resolve("modules.dep.bin"));
        KmodContext ctx = example().logWarnings(false).build();
        assertEquals(List.of(new ContextWarning(dir, "module directory " + dir + " has no modules.dep (has depmod run?)")),
                ctx.warnings());
    }

    @Test
    void aConfigurationPathThatDoesNotExistIsAWarningNamingIt() throws Exception {
        Path missing = root.resolve("etc/nosuch.conf");
        KmodContext ctx = example().configPaths(List.of(missing)).logWarnings(false).build();
        assertEquals(List.of(new ContextWarning(missing, "configuration path " + missing + " does not exist")),
                ctx.warnings());
        assertEquals(List.of(), example().build().warnings(), "the example tree and configuration are complete");
    }

    @Test
    void warningsAreLoggedAtWarningLevelUnlessTurnedOff() throws Exception {
        Logger logger = Logger.getLogger(KmodContext.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        boolean parents = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        try {
            Path missing = root.resolve("nosuch.conf");
            example().configPaths(List.of(missing)).build();
            assertEquals(1, records.size());
            assertEquals(Level.WARNING, records.get(0).getLevel());
            assertEquals("configuration path " + missing + " does not exist", records.get(0).getMessage());
            example().configPaths(List.of(missing)).logWarnings(false).build();
            assertEquals(1, records.size(), "logWarnings(false) logs nothing");
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parents);
        }
    }

    @Test
    void anEmptyConfigurationListReadsNoConfigurationAndTheDefaultIsTheRootsDirectories() throws Exception {
        Files.createDirectories(root.resolve("etc/modprobe.d"));
        Files.writeString(root.resolve("etc/modprobe.d/x.conf"), "alias my-alias demo_crc\n");
        KmodContext defaults = KmodContext.builder().root(root).release(RELEASE).build();
        assertEquals(List.of(KernelModule.viaAlias("demo_crc", "my_alias")), defaults.lookup("my-alias"));
        KmodContext none = KmodContext.builder().root(root).release(RELEASE).configPaths(List.of()).build();
        assertEquals(List.of(), none.lookup("my-alias"), "configPaths(List.of()) is no configuration, not the host's");
        KmodContext back = KmodContext.builder().root(root).release(RELEASE).configPaths(List.of())
                .defaultConfigPaths().build();
        assertEquals(defaults.lookup("my-alias"), back.lookup("my-alias"));
    }

    @Test
    void lookupResultsCannotBeChanged() throws Exception {
        List<KernelModule> found = example().build().lookup("demo-nic");
        assertEquals(1, found.size());
        assertThrows(UnsupportedOperationException.class, () -> found.add(KernelModule.named("x")));
        assertThrows(UnsupportedOperationException.class, () -> example().build().lookup("nothing").add(KernelModule.named("x")));
    }

    @Test
    void nullsAreRejectedAtTheBoundaryWithTheirName() throws Exception {
        KmodContext ctx = example().build();
        KernelModule m = ctx.require("demo_net").get(0);
        assertEquals("name", assertThrows(NullPointerException.class, () -> ctx.lookup(null)).getMessage());
        assertEquals("name", assertThrows(NullPointerException.class, () -> ctx.require(null)).getMessage());
        assertEquals("extraOptions", assertThrows(NullPointerException.class,
                () -> ctx.planInsert(m, ProbeFlags.DEFAULT, null)).getMessage());
        assertEquals("flags", assertThrows(NullPointerException.class, () -> ctx.planInsert(m, null)).getMessage());
        Modprobe modprobe = Modprobe.of(ctx, FakeKernel.on(FakeKernelTree.at(root)), NO_COMMANDS);
        assertEquals("name", assertThrows(NullPointerException.class, () -> modprobe.insert(null)).getMessage());
        assertEquals("name", assertThrows(NullPointerException.class, () -> modprobe.remove(null)).getMessage());
        assertEquals("a parameter is null", assertThrows(NullPointerException.class,
                () -> modprobe.insert("demo_net", "a=1", null)).getMessage());
        assertEquals("paths", assertThrows(NullPointerException.class,
                () -> KmodContext.builder().configPaths(null)).getMessage());
    }

    @Test
    void aFakeKernelOnAnotherTreeIsRefused() throws Exception {
        Path other = Files.createDirectories(root.resolve("other"));
        FakeKernel kernel = FakeKernel.on(FakeKernelTree.at(other));
        KmodContext ctx = example().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Modprobe.of(ctx, kernel, NO_COMMANDS));
        assertEquals("the fake kernel's tree " + other + " is not the context's root " + root
                + ": build the context with KmodContext.builder().root(tree.root())", e.getMessage());
        Modprobe.of(ctx, FakeKernel.on(FakeKernelTree.at(root)), NO_COMMANDS); // the same tree is fine
    }

    @Test
    void stepsGiveOptionsOneByOneAndTheTextFormStaysForTheTool() throws Exception {
        KmodContext ctx = example().build();
        ProbeStep target = ctx.planInsert(ctx.require("demo-nic").get(0), ProbeFlags.SHOW_DEPENDS, "extra=\"a b\"")
                .steps().stream().filter(s -> s.module().name().equals("demo_net")).findFirst().orElseThrow();
        assertEquals(List.of("debug=1", "mtu=9000", "extra=\"a b\""), target.options());
        assertEquals("debug=1 mtu=9000 extra=\"a b\"", target.optionsText());
        ProbeStep crc = ctx.planInsert(ctx.require("demo_crc").get(0), ProbeFlags.SHOW_DEPENDS).steps().get(0);
        assertEquals(List.of(), crc.options());
        assertEquals(List.of("a", "b=\"x  y\"", "c"), ModuleParameters.split("  a\tb=\"x  y\"   c "));
    }

    @Test
    void insertTakesFlagsADryRunCallsNothingAndFirstTimeFailsWhenLoaded() throws Exception {
        FakeKernel kernel = FakeKernel.on(FakeKernelTree.at(root));
        Modprobe modprobe = Modprobe.of(example().build(), kernel, NO_COMMANDS);
        List<ProbeStep> planned = modprobe.insert("demo_net", ProbeFlags.DEFAULT.withDryRun(true));
        // as modprobe -n: nothing gets loaded, so the softdep demofs plans demo_crc and demo_core again
        assertEquals(List.of("demo_crc", "demo_core", "demo_net", "demo_crc", "demo_core", "demofs"),
                planned.stream().filter(s -> s.action() == ProbeStep.Action.INSERT).map(s -> s.module().name()).toList());
        assertEquals(List.of(), kernel.calls(), "a dry run makes no system call");
        assertEquals(Phase.ABSENT, kernel.phase("demo_net"));
        modprobe.insert("demo_net");
        assertEquals(Phase.LIVE, kernel.phase("demo_net"));
        assertEquals(List.of(), modprobe.insert("demo_net"), "loaded already: nothing to do");
        ProbeFailedException e = assertThrows(ProbeFailedException.class,
                () -> modprobe.insert("demo_net", ProbeFlags.DEFAULT.withFirstTime(true)));
        assertTrue(e.getMessage().contains("demo_net"), e.getMessage());
    }

    @Test
    void forceReachesTheKernelCall() throws Exception {
        FakeKernel kernel = FakeKernel.on(FakeKernelTree.at(root));
        Modprobe modprobe = Modprobe.of(example().build(), kernel, NO_COMMANDS);
        modprobe.insert("demo_crc", ProbeFlags.DEFAULT.withForce(Force.MODVERSION, Force.VERMAGIC));
        FakeKernel.Invocation call = kernel.calls().get(0);
        assertEquals("demo_crc", call.module());
        assertEquals(KernelCalls.FINIT_IGNORE_MODVERSIONS | KernelCalls.FINIT_IGNORE_VERMAGIC, call.flags());
        assertEquals(Set.of(), ProbeFlags.DEFAULT.withForce(Force.VERMAGIC).withForce().force());
    }

    @Test
    void removeReturnsStructuredStepsAndTakesFlags() throws Exception {
        FakeKernel kernel = FakeKernel.on(FakeKernelTree.at(root)).holdingDependencies();
        Modprobe modprobe = Modprobe.of(example().build(), kernel, NO_COMMANDS);
        modprobe.insert("demo_net");
        // as modprobe -r -n: demo_net stays loaded, so demo_core, which it uses, is not removed
        assertEquals(List.of(RemovalStep.removed("demofs"), RemovalStep.removed("demo_net")),
                modprobe.remove("demo_net", RemoveFlags.DEFAULT.withDryRun(true)));
        assertEquals(Phase.LIVE, kernel.phase("demo_net"), "a dry run removes nothing");
        assertEquals(List.of(RemovalStep.removed("demofs"), RemovalStep.removed("demo_net"),
                RemovalStep.removed("demo_core")), modprobe.remove("demo_net", RemoveFlags.DEFAULT.withWait(Duration.ofMillis(10))));
        assertEquals(Phase.ABSENT, kernel.phase("demo_net"));
        RemoveFailedException notLoaded = assertThrows(RemoveFailedException.class,
                () -> modprobe.remove("demo_net", RemoveFlags.DEFAULT.withFirstTime(true)));
        assertEquals("Module demo_net is not in kernel.", notLoaded.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RemoveFlags.DEFAULT.withWait(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RemovalStep("m", RemovalStep.Action.REMOVE, java.util.Optional.of("cmd")));
    }
}
