package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two profiles: names, environment, what differs, and contexts built with each. */
class KmodProfileTest {
    private static final Path EXAMPLE = Path.of("../kmod-cli/src/example/root");
    private static final String RELEASE = "6.1.0-jkmod-example";

    @Test
    void namesAndEnvironment() {
        assertEquals(KmodProfile.KMOD_34, KmodProfile.DEFAULT);
        assertEquals(KmodProfile.KMOD_30, KmodProfile.fromName("kmod30"));
        assertEquals(KmodProfile.KMOD_34, KmodProfile.fromName(" KMOD_34 "));
        assertEquals(KmodProfile.DEFAULT, KmodProfile.fromEnvironment(Map.of()));
        assertEquals(KmodProfile.DEFAULT, KmodProfile.fromEnvironment(Map.of("JKMOD_PROFILE", " ")));
        assertEquals(KmodProfile.KMOD_30, KmodProfile.fromEnvironment(Map.of("JKMOD_PROFILE", "kmod30")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KmodProfile.fromEnvironment(Map.of("JKMOD_PROFILE", "kmod33")));
        assertEquals("JKMOD_PROFILE: unknown profile 'kmod33' (expected kmod30 or kmod34)", e.getMessage());
        assertEquals("30", KmodProfile.KMOD_30.kmodVersion());
        assertEquals("34.2", KmodProfile.KMOD_34.kmodVersion());
    }

    @Test
    void whatDiffers() {
        assertEquals(ConfigLoader.KMOD30_DIRECTORIES, KmodProfile.KMOD_30.configDirectories());
        assertTrue(KmodProfile.KMOD_34.configDirectories().contains("usr/lib/modprobe.d"));
        assertFalse(KmodProfile.KMOD_30.configDirectories().contains("usr/lib/modprobe.d"));
        assertFalse(KmodProfile.KMOD_30.weakdeps());
        assertTrue(KmodProfile.KMOD_34.weakdeps());
        assertFalse(KmodProfile.KMOD_30.modulePaths());
        assertTrue(KmodProfile.KMOD_34.modulePaths());
        String origin = "../libkmod/libkmod-config.c:712 kmod_config_parse";
        assertEquals("libkmod: ERROR ../libkmod/libkmod-config.c:712 kmod_config_parse: x line 1: m",
                KmodProfile.KMOD_30.libkmodLine(origin, "x line 1: m"));
        assertEquals("libkmod: ERROR: kmod_config_parse: x line 1: m", KmodProfile.KMOD_34.libkmodLine(origin, "x line 1: m"));
        assertEquals("../libkmod/libkmod.c:334 kmod_unref() ", KmodProfile.KMOD_30.logPrefix("../libkmod/libkmod.c:334", "kmod_unref"));
        assertEquals("", KmodProfile.KMOD_34.logPrefix("../libkmod/libkmod.c:334", "kmod_unref"));
    }

    @Test
    void weakdepsFromConfigurationAndModulesWeakdepUnderKmod34Only(@TempDir Path tmp) throws Exception {
        Path conf = Files.writeString(tmp.resolve("w.conf"), "weakdep demo-net demofs crypto-democrc nosuch\n");
        for (KmodProfile profile : KmodProfile.values()) {
            KmodContext ctx = KmodContext.builder().moduleRoot(EXAMPLE).release(RELEASE)
                    .configPaths(List.of(conf)).cmdline(Path.of("/dev/null")).profile(profile).build();
            assertEquals(profile, ctx.profile());
            List<KernelModule> weak = ctx.weakdeps(KernelModule.named("demo_net"));
            if (profile == KmodProfile.KMOD_30) {
                assertEquals(List.of(), weak);
                assertEquals(1, ctx.config().warnings().size(), ctx.config().warnings().toString());
            } else {
                // each name looked up: a module, an alias of modules.alias, nothing
                assertEquals(List.of(KernelModule.named("demofs"), KernelModule.viaAlias("demo_crc", "crypto_democrc")), weak);
                assertEquals(List.of(), ctx.config().warnings());
            }
            assertEquals(List.of(), ctx.weakdeps(KernelModule.named("demofs")));
        }
    }

    @Test
    void aModuleGivenAsAFileKeepsItsFileAndTheDependenciesOfItsName(@TempDir Path tmp) throws Exception {
        KmodContext ctx = KmodContext.builder().moduleRoot(EXAMPLE).release(RELEASE)
                .configPaths(List.of(Path.of("/dev/null"))).cmdline(Path.of("/dev/null")).build();
        Path file = Files.writeString(tmp.resolve("demo-net.ko.xz"), "not read while planning");
        KernelModule m = ctx.moduleAtPath(file);
        assertEquals(new KernelModule("demo_net", Optional.empty(), Optional.of(file)), m);
        List<ProbeStep> steps = ctx.planInsert(m, ProbeFlags.SHOW_DEPENDS, "x=1").steps();
        assertEquals(List.of("demo_crc", "demo_core", "demo_net"), steps.stream().map(s -> s.module().name()).toList());
        assertEquals(Optional.of(file), steps.get(2).file());
        assertEquals("x=1", steps.get(2).optionsText().strip());
        assertThrows(ModuleNotFoundException.class, () -> ctx.moduleAtPath(tmp.resolve("nosuch.ko")));
        assertThrows(ModuleNotFoundException.class, () -> ctx.moduleAtPath(tmp.resolve(".hidden.ko")));
    }

    /** Found with both real modprobes ({@code docs/kmod30-vs-kmod34.md}, row 18). */
    @Test
    void aBrokenLinkInAConfigurationDirectory(@TempDir Path tmp) throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.createSymbolicLink(etc.resolve("dangling.conf"), tmp.resolve("nonexistent"));
        Files.writeString(lib.resolve("dangling.conf"), "alias zz demofs\n");
        for (KmodProfile profile : KmodProfile.values()) {
            KmodContext ctx = KmodContext.builder().moduleRoot(EXAMPLE).release(RELEASE)
                    .configPaths(List.of(etc, lib)).cmdline(Path.of("/dev/null")).profile(profile).build();
            if (profile == KmodProfile.KMOD_30) {
                // listed silently: it hides lib's file of the same name
                assertEquals(List.of(), ctx.config().warnings());
                assertEquals(List.of(), ctx.lookup("zz"));
            } else {
                assertEquals(List.of("libkmod: ERROR: conf_files_filter_out: Cannot stat directory entry: "
                        + etc.resolve("dangling.conf")),
                        ctx.config().warnings().stream().map(w -> w.stderrLine(profile)).toList());
                assertEquals(List.of(KernelModule.viaAlias("demofs", "zz")), ctx.lookup("zz"));
            }
        }
    }
}
