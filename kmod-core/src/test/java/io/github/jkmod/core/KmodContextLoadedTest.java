package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.upstream.UpstreamTree;
import io.github.jkmod.sysfs.LoadedModule;
import io.github.jkmod.sysfs.ProcModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KmodContext#loaded()}: the loaded modules under the context's root, as lsmod lists them. */
class KmodContextLoadedTest {
    @TempDir
    Path tmp;

    @Test
    void listsTheModulesOfTheContextsRoot() throws Exception {
        UpstreamTree t = UpstreamTree.at(tmp.resolve("root"), "4.4.4");
        Path root = t.root();
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/modules"), "mod_a 16384 1 mod_b, Live 0x0\nmod_b 8192 0 - Live 0x0\n");
        Files.createDirectories(root.resolve("sys/module/mod_a/holders"));
        Files.createSymbolicLink(root.resolve("sys/module/mod_a/holders/mod_b"), Path.of("../../mod_b"));
        Files.writeString(root.resolve("sys/module/mod_a/refcnt"), "1\n");
        Files.writeString(root.resolve("sys/module/mod_a/coresize"), "16384\n");
        KmodContext ctx = KmodContext.builder().root(root).release(t.release()).configPaths(List.of()).build();
        assertEquals(List.of(
                new LoadedModule("mod_a", OptionalLong.of(16384), OptionalInt.of(1), Optional.of(List.of("mod_b")),
                        Optional.of(ProcModule.ProcState.LIVE)),
                new LoadedModule("mod_b", OptionalLong.empty(), OptionalInt.empty(), Optional.empty(),
                        Optional.of(ProcModule.ProcState.LIVE))),
                ctx.loaded());
    }
}
