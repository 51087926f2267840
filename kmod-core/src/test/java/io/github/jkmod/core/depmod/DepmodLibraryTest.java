package io.github.jkmod.core.depmod;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.elf.ElfBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Depmod} as a Java program uses it, without any real kmod: index modules it installs, then
 * resolve them with a {@link KmodContext} over the files written.
 */
class DepmodLibraryTest {
    private static final String RELEASE = "4.2-jkmod-library";

    @TempDir
    Path root;

    private Path tree() throws IOException {
        Path dir = Files.createDirectories(root.resolve("lib/modules").resolve(RELEASE).resolve("extra"));
        ElfBuilder.module("base", "v").export(1, "base_fn").write(dir.resolve("base.ko"));
        ElfBuilder.module("mid", "v").export(2, "mid_fn").version(1, "base_fn").write(dir.resolve("mid.ko"));
        ElfBuilder.module("top", "v").version(2, "mid_fn").alias("pci:v00001234d*").modinfo("softdep", "pre: base")
                .write(dir.resolve("top.ko"));
        return dir.getParent();
    }

    @Test
    void writtenIndexesResolve() throws Exception {
        Path dir = tree();
        List<DepmodMessage> messages = new ArrayList<>();
        DepmodResult result = Depmod.builder().root(root).release(RELEASE).configPaths(List.of())
                .listener(messages::add).build().write();
        assertEquals("extra/top.ko: extra/mid.ko extra/base.ko\n",
                new String(result.files().get("modules.dep"), StandardCharsets.ISO_8859_1).lines()
                        .filter(l -> l.startsWith("extra/top.ko")).findFirst().orElseThrow() + "\n");
        for (Map.Entry<String, byte[]> f : result.files().entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(dir.resolve(f.getKey())), f.getKey());
        }
        KmodContext ctx = KmodContext.builder().moduleRoot(root).release(RELEASE).configPaths(List.of()).build();
        assertEquals("top", ctx.require("pci:v00001234d00005678").get(0).name());
        assertEquals(List.of("base", "mid"), ctx.dependencies("top").orElseThrow().dependencies().stream()
                .map(d -> d.name()).toList(), "in load order");
        assertTrue(messages.stream().allMatch(m -> m.level() == DepmodMessage.Level.WARNING
                || m.level() == DepmodMessage.Level.SHOW), messages.toString());
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().matches(".*\\.[0-9]+\\.[0-9]+\\.[0-9]+")),
                    "no temporary file left");
        }
    }

    @Test
    void inMemoryRunWritesNothingAndProfilesDiffer() throws Exception {
        Path dir = tree();
        DepmodResult kmod34 = Depmod.builder().root(root).release(RELEASE).configPaths(List.of())
                .listener(m -> { }).build().run();
        DepmodResult kmod30 = Depmod.builder().root(root).release(RELEASE).configPaths(List.of())
                .profile(KmodProfile.KMOD_30).listener(m -> { }).build().run();
        assertTrue(kmod34.files().containsKey("modules.weakdep") && !kmod30.files().containsKey("modules.weakdep"));
        assertArrayEquals(kmod34.files().get("modules.dep"), kmod30.files().get("modules.dep"));
        assertEquals(kmod34.files().get("modules.dep.bin").length, kmod30.files().get("modules.dep.bin").length);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("extra"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aCycleFailsAndWritesNothing() throws Exception {
        Path dir = Files.createDirectories(root.resolve("lib/modules").resolve(RELEASE));
        ElfBuilder.module("a", "v").export(1, "a_fn").version(2, "b_fn").write(dir.resolve("a.ko"));
        ElfBuilder.module("b", "v").export(2, "b_fn").version(1, "a_fn").write(dir.resolve("b.ko"));
        Files.writeString(dir.resolve("modules.dep"), "old\n");
        List<String> messages = new ArrayList<>();
        Depmod depmod = Depmod.builder().root(root).release(RELEASE).configPaths(List.of())
                .listener(m -> messages.add(m.line("depmod"))).build();
        assertThrows(DependencyCycleException.class, depmod::write);
        assertEquals("old\n", Files.readString(dir.resolve("modules.dep")));
        assertTrue(messages.contains("depmod: ERROR: Found 2 modules in dependency cycles!"), messages.toString());
    }

    @Test
    void aNonAsciiAliasIsReportedAndLeftOutOfTheTrie() throws Exception {
        Path dir = Files.createDirectories(root.resolve("lib/modules").resolve(RELEASE));
        ElfBuilder.module("odd", "v").alias("caf\u00e9").alias("plain").write(dir.resolve("odd.ko"));
        List<DepmodMessage> messages = new ArrayList<>();
        DepmodResult r = Depmod.builder().root(root).release(RELEASE).configPaths(List.of()).listener(messages::add)
                .build().run();
        assertTrue(new String(r.files().get("modules.alias"), StandardCharsets.ISO_8859_1)
                .contains("alias caf\u00c3\u00a9 odd\n"), "the text file keeps the bytes");
        assertTrue(messages.stream().anyMatch(m -> m.level() == DepmodMessage.Level.FATAL
                && m.text().startsWith("Module index: bad character")), messages.toString());
        KmodContext ctx = KmodContext.builder().moduleRoot(root).release(RELEASE).configPaths(List.of())
                .logWarnings(false).build();
        assertTrue(ctx.lookup("plain").isEmpty(), "nothing written by run()");
        Depmod.builder().root(root).release(RELEASE).configPaths(List.of()).listener(m -> { }).build().write();
        assertEquals("odd", KmodContext.builder().moduleRoot(root).release(RELEASE).configPaths(List.of()).build()
                .require("plain").get(0).name());
    }

    @Test
    void xzModulesGiveTheSameFilesWithEitherDecoder() throws Exception {
        Path dir = tree();
        for (String name : List.of("base", "mid", "top")) {
            Path ko = dir.resolve("extra").resolve(name + ".ko");
            byte[] raw = Files.readAllBytes(ko);
            java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
            try (org.tukaani.xz.XZOutputStream x = new org.tukaani.xz.XZOutputStream(packed,
                    new org.tukaani.xz.LZMA2Options(), org.tukaani.xz.XZ.CHECK_CRC32)) {
                x.write(raw);
            }
            Files.write(dir.resolve("extra").resolve(name + ".ko.xz"), packed.toByteArray());
            Files.delete(ko);
        }
        Files.write(dir.resolve("extra/broken.ko.xz"), new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 1, 2, 3});
        Map<String, byte[]> withNative = new java.util.TreeMap<>();
        List<String> nativeMessages = new ArrayList<>();
        Depmod.builder().root(root).release(RELEASE).configPaths(List.of()).listener(m -> nativeMessages.add(m.text()))
                .build().run().files().forEach(withNative::put);
        Map<String, byte[]> withJava = new java.util.TreeMap<>();
        List<String> javaMessages = new ArrayList<>();
        System.setProperty(io.github.jkmod.core.internal.jna.NativeXz.PROPERTY, "java");
        try {
            Depmod.builder().root(root).release(RELEASE).configPaths(List.of()).listener(m -> javaMessages.add(m.text()))
                    .build().run().files().forEach(withJava::put);
        } finally {
            System.clearProperty(io.github.jkmod.core.internal.jna.NativeXz.PROPERTY);
        }
        assertEquals(withJava.keySet(), withNative.keySet());
        withJava.forEach((name, bytes) -> assertArrayEquals(bytes, withNative.get(name), name));
        assertEquals(javaMessages, nativeMessages, "the broken file is reported in the same words");
        assertTrue(nativeMessages.contains("failed to load symbols from " + dir.resolve("extra/broken.ko.xz")
                + ": Invalid argument"), nativeMessages.toString());
        assertTrue(new String(withNative.get("modules.dep"), StandardCharsets.ISO_8859_1)
                .contains("extra/top.ko.xz: extra/mid.ko.xz extra/base.ko.xz"));
    }
}
