package io.github.jkmod.core.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.ModuleDependencies;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.config.SoftdepEntry;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.ModuleLoader;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.index.IndexWriter;
import io.github.jkmod.index.ModuleNames;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.ModuleState;
import io.github.jkmod.sysfs.ProcModule;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library side of kmod's own test suite ({@code test-blacklist.c}, {@code test-dependencies.c},
 * {@code test-weakdep.c}, {@code test-multi-softdep.c}, {@code test-initstate.c},
 * {@code test-init.c}, {@code test-new-module.c}, {@code test-remove.c}, {@code test-loaded.c}):
 * each libkmod call of the case made with jkmod's equivalent API on this project's own tree
 * ({@link UpstreamTrees}), asserting the result the case expects. libkmod's functions cannot be
 * called from here, so the oracles are compared through the command line in kmod-cli's
 * {@code UpstreamModprobeCasesTest} (same trees); where the two differ from upstream's
 * expectation (multi_softdep, an expected failure upstream too), the test follows the real tools.
 */
class UpstreamLibraryCasesTest {
    @TempDir
    Path tmp;

    private UpstreamTree tree(String release) {
        return UpstreamTree.at(tmp.resolve("root"), release);
    }

    private static KmodContext context(UpstreamTree t, KmodProfile profile) throws KmodException {
        return KmodContext.builder().root(t.root()).release(t.release())
                .configPaths(List.of(t.configDirectory())).profile(profile).build();
    }

    private static List<String> names(List<KernelModule> modules) {
        List<String> out = new ArrayList<>();
        for (KernelModule m : modules) {
            out.add(m.name());
        }
        return out;
    }

    /** blacklist_1: filtering pcspkr-like names keeps the two that are not blacklisted. */
    @Test
    void blacklist1() throws Exception {
        KmodContext ctx = context(UpstreamTrees.blacklist(tree("4.4.4")).write(), KmodProfile.KMOD_34);
        List<String> kept = new ArrayList<>();
        for (String name : List.of("beeper", "beeper2", "diskette", "fsmod")) {
            if (!ctx.config().isBlacklisted(name)) {
                kept.add(name);
            }
        }
        assertEquals(List.of("beeper2", "fsmod"), kept);
    }

    /** test_dependencies: mod-foo has exactly mod_foo_a, mod_foo_b, mod_foo_c. */
    @Test
    void testDependencies() throws Exception {
        KmodContext ctx = context(UpstreamTrees.dependencies(tree("4.0.20-kmod")).write(), KmodProfile.KMOD_34);
        KernelModule foo = ctx.require("mod-foo").get(0);
        assertEquals("mod_foo", foo.name());
        ModuleDependencies entry = ctx.dependencies(foo.name()).orElseThrow();
        Set<String> deps = new TreeSet<>();
        for (ModuleDependencies.Dependency d : entry.dependencies()) {
            deps.add(d.name());
        }
        assertEquals(Set.of("mod_foo_a", "mod_foo_b", "mod_foo_c"), deps);
        assertEquals(3, entry.dependencies().size());
    }

    /**
     * test_weakdep: the weak dependencies of mod-loop-b (modprobe.d) and mod-weakdep
     * (modules.weakdep), as module names; none under the kmod 30 profile (which has no weakdep).
     */
    @ParameterizedTest
    @ValueSource(strings = {"KMOD_34", "KMOD_30"})
    void testWeakdep(String profile) throws Exception {
        KmodProfile p = KmodProfile.valueOf(profile);
        KmodContext ctx = context(UpstreamTrees.weakdep(tree("4.4.4")).write(), p);
        List<String> loopB = names(ctx.weakdeps(ctx.require("mod-loop-b").get(0)));
        List<String> weak = names(ctx.weakdeps(ctx.require("mod-weakdep").get(0)));
        List<String> loopA = names(ctx.weakdeps(ctx.require("mod-loop-a").get(0)));
        if (p == KmodProfile.KMOD_34) {
            assertEquals(List.of("mod_loop_a", "mod_simple"), loopB);
            assertEquals(List.of("mod_simple"), weak);
        } else {
            assertEquals(List.of(), loopB);
            assertEquals(List.of(), weak);
        }
        assertEquals(List.of(), loopA);
    }

    /**
     * multi_softdep: upstream wants every softdep line of a module merged (pre a, b / post c; pre a /
     * post b, c) and marks its own case as an expected failure (kmod issue 33). kmod 30 and 34.2
     * use only the first line that names the module (their --show-depends and -c, compared in
     * kmod-cli); jkmod does the same.
     */
    @Test
    void multiSoftdep() throws Exception {
        KmodContext ctx = context(UpstreamTrees.multiSoftdep(tree("4.4.4")).write(), KmodProfile.KMOD_34);
        SoftdepEntry a = ctx.config().softdep("mod_softdep_a").orElseThrow();
        assertEquals(List.of("mod-foo-a"), a.pre());
        assertEquals(List.of(), a.post());
        SoftdepEntry b = ctx.config().softdep("mod_softdep_b").orElseThrow();
        assertEquals(List.of("mod-foo-a"), b.pre());
        assertEquals(List.of(), b.post());
        assertEquals(5, ctx.config().softdeps().size());
    }

    /** test_initstate_from_lookup and _from_name: a module of modules.builtin is builtin. */
    @Test
    void initstate() throws Exception {
        KmodContext ctx = context(UpstreamTrees.initstate(tree("4.4.4")).write(), KmodProfile.KMOD_34);
        List<KernelModule> found = ctx.lookup("fake-builtin");
        assertEquals(List.of("fake_builtin"), names(found));
        assertEquals(ModuleState.BUILTIN, ctx.state(found.get(0).name()));
        assertEquals(ModuleState.BUILTIN, ctx.state(ModuleNames.normalize("fake-builtin")));
        assertTrue(ctx.isBuiltin("fake_builtin"));
    }

    /**
     * test_load_resource1/2: the indexes open without a problem without modules.builtin.modinfo,
     * and with an empty modules.builtin.alias.bin; test_initlib: a context with no configuration.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void loadResources(boolean emptyBuiltinAlias) throws Exception {
        UpstreamTree t = UpstreamTrees.initstate(tree("5.6.0")).write();
        if (emptyBuiltinAlias) {
            new IndexWriter().write(t.moduleDirectory().resolve("modules.builtin.alias.bin"),
                    IndexWriter.Layout.PRE_ORDER);
        }
        KmodContext ctx = KmodContext.builder().root(t.root()).release(t.release()).configPaths(List.of()).build();
        assertEquals(List.of(), ctx.moduleDirectory().startupProblems());
        assertEquals(List.of("fake_builtin"), names(ctx.lookup("fake_builtin")));
        assertEquals(KmodContext.Resources.OK, ctx.validateResources());
    }

    /** from_name: module names as libkmod makes them from a name. */
    @Test
    void newModuleFromName() {
        assertEquals("ext4", ModuleNames.normalize("ext4"));
        assertEquals("balbalbalbbalbalbalbalbalbalbal", ModuleNames.normalize("balbalbalbbalbalbalbalbalbalbal"));
        assertEquals("snd_hda_intel", ModuleNames.normalize("snd-hda-intel"));
        assertEquals("snd_timer", ModuleNames.normalize("snd-timer"));
        assertEquals("iTCO_wdt", ModuleNames.normalize("iTCO_wdt"));
    }

    /** from_alias: a configuration alias written as a pattern answers for that very string. */
    @Test
    void newModuleFromAlias() throws Exception {
        UpstreamTree t = tree("4.4.4").depmodLike("kernel/fs/fsx.ko:").conf("a.conf", "alias fsx.* fsx").write();
        assertEquals(List.of("fsx"), names(context(t, KmodProfile.KMOD_34).lookup("fsx.*")));
    }

    /**
     * test-init test_insert, test-remove test_remove, test-init test_remove: a module inserted from
     * its file is live; removed, its /sys/module directory is gone; removing a module that is not
     * loaded answers ENOENT.
     */
    @Test
    void insertAndRemove() throws Exception {
        UpstreamTree t = tree("4.4.4").depmodLike("kernel/mod-simple.ko:").write();
        Path file = UpstreamTree.module(t.root().resolve("mod-simple.ko"));
        FakeKernelTree k = FakeKernelTree.at(t.root());
        FakeKernel kernel = FakeKernel.on(k);
        ModuleLoader loader = new ModuleLoader(kernel, KernelState.ofRoot(t.root()));
        loader.insert("mod_simple", file, "", Set.of());
        assertEquals(Phase.LIVE, kernel.phase("mod_simple"));
        loader.remove("mod_simple", false);
        assertFalse(Files.isDirectory(t.root().resolve("sys/module/mod_simple")));
        KernelCallException e = assertThrows(KernelCallException.class, () -> loader.remove("bla", false));
        assertEquals(Errno.ENOENT, e.errno());
    }

    /** loaded_1: the loaded modules with size, use count and holders, from /proc/modules. */
    @Test
    void loaded1() throws Exception {
        FakeKernelTree k = FakeKernelTree.at(tmp);
        k.procModulesLines("demo_bt 11216 0 - Live 0xffffffffa014a000");
        List<ProcModule> mods = KernelState.ofRoot(tmp).procModules();
        assertEquals(1, mods.size());
        ProcModule m = mods.get(0);
        assertEquals("demo_bt", m.name());
        assertEquals(11216, m.size());
        assertEquals(OptionalInt.of(0), m.refcount());
        assertEquals(List.of(), m.holders());
    }
}
