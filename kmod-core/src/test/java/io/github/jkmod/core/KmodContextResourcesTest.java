package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.core.KmodContext.Resources;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KmodContext#validateResources()} and {@link KmodContext#refreshed()} on a copy of the example tree. */
class KmodContextResourcesTest {
    private static final String RELEASE = "6.1.0-jkmod-example";

    @TempDir
    Path root;

    private Path conf;
    private Path moduleDir;
    private KmodContext ctx;

    @BeforeEach
    void setUp() throws Exception {
        PathUtils.copyDirectory(Path.of("../kmod-cli/src/example/root/lib"), root.resolve("lib"));
        moduleDir = root.resolve("lib/modules/" + RELEASE);
        conf = Files.createDirectories(root.resolve("etc/modprobe.d"));
        Files.writeString(conf.resolve("a.conf"), "alias jk-one demo_crc\n");
        Files.writeString(root.resolve("cmdline"), "");
        ctx = KmodContext.builder().root(root).release(RELEASE).cmdline(root.resolve("cmdline")).build();
    }

    @Test
    void nothingChangedIsOkAndTheSameContext() throws Exception {
        assertEquals(Resources.OK, ctx.validateResources());
        assertSame(ctx, ctx.refreshed());
    }

    @Test
    void aContextThatDoesNotWatchCannotTellAndIsMadeAgain() throws Exception {
        KmodContext unwatched = KmodContext.builder().root(root).release(RELEASE).cmdline(root.resolve("cmdline"))
                .watchResources(false).build();
        assertEquals(Resources.MUST_RECREATE, unwatched.validateResources());
        KmodContext again = unwatched.refreshed();
        assertNotSame(unwatched, again);
        // the settings are kept: the new one does not watch either, and reads the same files
        assertEquals(Resources.MUST_RECREATE, again.validateResources());
        assertEquals(unwatched.lookup("jk-one"), again.lookup("jk-one"));
        assertEquals(ctx.lookup("jk-one"), again.lookup("jk-one"));
    }

    @Test
    void anEditedConfigurationFileMeansRecreate() throws Exception {
        Path a = conf.resolve("a.conf");
        Files.writeString(a, "alias jk-one demo_core\n");
        Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertEquals(Resources.MUST_RECREATE, ctx.validateResources());
        assertEquals(List.of(KernelModule.viaAlias("demo_crc", "jk_one")), ctx.lookup("jk-one"), "the old context is unchanged");
        KmodContext fresh = ctx.refreshed();
        assertNotSame(ctx, fresh);
        assertEquals(List.of(KernelModule.viaAlias("demo_core", "jk_one")), fresh.lookup("jk-one"));
        assertEquals(Resources.OK, fresh.validateResources());
    }

    @Test
    void aNewConfigurationFileOrModulesSoftdepMeansRecreate() throws Exception {
        Files.writeString(conf.resolve("b.conf"), "alias jk-two demo_net\n");
        assertEquals(Resources.MUST_RECREATE, ctx.validateResources());
        assertEquals(List.of(KernelModule.viaAlias("demo_net", "jk_two")), ctx.refreshed().lookup("jk-two"));
        KmodContext fresh = ctx.refreshed();
        Files.writeString(moduleDir.resolve("modules.softdep"), "softdep demo_crc pre: demo_misc\n");
        assertEquals(Resources.MUST_RECREATE, fresh.validateResources());
    }

    @Test
    void anIndexRenamedIntoPlaceAsDepmodDoesMeansReload() throws Exception {
        Path dep = moduleDir.resolve("modules.dep.bin");
        Path tmp = moduleDir.resolve("tmp.modules.dep.bin");
        Files.copy(dep, tmp);
        Files.move(tmp, dep, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(Resources.MUST_RELOAD, ctx.validateResources());
        assertEquals(ctx.dependencies("demo_net"), ctx.refreshed().dependencies("demo_net"));
    }

    @Test
    void modprobeTakesUpANewAliasWithoutBeingMadeAgain() throws Exception {
        FakeKernel kernel = FakeKernel.on(FakeKernelTree.at(root));
        Modprobe modprobe = Modprobe.of(ctx, kernel, (c, e) -> 0);
        assertThrows(ModuleNotFoundException.class, () -> modprobe.insert("jk-new"));
        Files.writeString(conf.resolve("new.conf"), "alias jk-new demo_misc\n");
        modprobe.insert("jk-new");
        assertEquals(Phase.LIVE, kernel.phase("demo_misc"));
        assertNotSame(ctx, modprobe.context());
    }
}
