package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --remove-holders} on a module whose sysfs directory has no {@code holders/}: libkmod
 * cannot list them, says so at ERROR, and goes on with the removal.
 */
class ModuleRemoverHoldersTest {

    @Test
    void unlistableHoldersAreReportedAndTheRemovalGoesOn(@TempDir Path root) throws IOException, KmodException {
        Files.createDirectories(root.resolve("lib/modules/1.0"));
        Files.createDirectories(root.resolve("sys/module/m"));
        Files.writeString(root.resolve("sys/module/m/initstate"), "live\n", StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("sys/module/m/refcnt"), "0\n", StandardCharsets.US_ASCII);
        Path conf = root.resolve("m.conf");
        Files.writeString(conf, "alias x m\n", StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("cmdline"), "\n", StandardCharsets.US_ASCII);
        KmodContext ctx = KmodContext.builder().root(root).release("1.0").configPaths(List.of(conf))
                .cmdline(root.resolve("cmdline")).profile(KmodProfile.KMOD_30).build();
        KernelModule m = ctx.lookup("x").get(0);
        List<String> heard = new ArrayList<>();
        RemoveListener listener = new RemoveListener() {
            @Override
            public void show(String line) {
                heard.add("show " + line);
            }

            @Override
            public void error(String message) {
                heard.add("error " + message);
            }
        };
        ModuleRemover remover = new ModuleRemover(ctx, FakeKernel.on(FakeKernelTree.at(root)),
                (command, env) -> 0, Map.of());
        RemoveFlags flags = new RemoveFlags(false, false, true, false, true, false, 0);
        assertEquals(0, remover.remove(m, flags, listener));
        assertEquals(List.of("error ../libkmod/libkmod-module.c:1998 kmod_module_get_holders() could not open '"
                + root.resolve("sys/module/m/holders") + "': No such file or directory", "show rmmod m"), heard);
        // kmod 34 (the default profile) names no source location
        heard.clear();
        ModuleRemover kmod34 = new ModuleRemover(KmodContext.builder().root(root).release("1.0").configPaths(List.of(conf))
                .cmdline(root.resolve("cmdline")).build(), FakeKernel.on(FakeKernelTree.at(root)), (command, env) -> 0, Map.of());
        Files.createDirectories(root.resolve("sys/module/m"));
        Files.writeString(root.resolve("sys/module/m/initstate"), "live\n", StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("sys/module/m/refcnt"), "0\n", StandardCharsets.US_ASCII);
        assertEquals(0, kmod34.remove(m, flags, listener));
        assertEquals(List.of("error could not open '" + root.resolve("sys/module/m/holders")
                + "': No such file or directory", "show rmmod m"), heard);

        heard.clear();
        Files.createDirectories(root.resolve("sys/module/m/holders"));
        assertEquals(0, remover.remove(m, flags, listener));
        assertEquals(List.of("show rmmod m"), heard);
    }
}
