package io.github.jkmod.cli.depmod;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.depmod.OracleDepmod;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code jkmod depmod} on {@code .ko.xz} modules of the Debian 13 tree decodes them
 * with the system's liblzma, with the one {@code -Djkmod.liblzma} names (here Debian 13's own, which
 * kmod 34.2 uses: it is opened, as strace shows), with the pure-Java decoder when that file does not
 * exist, and with the pure-Java decoder when asked ({@code -Djkmod.xz=java}): the same index files
 * every time.
 */
class LiblzmaChoiceIT {
    private static final List<String> FILES = List.of("modules.dep", "modules.dep.bin", "modules.alias",
            "modules.alias.bin", "modules.symbols", "modules.symbols.bin", "modules.softdep", "modules.devname");
    private Path jkmod;
    private Path scratch;
    private Path debian13Liblzma;
    private String release;

    @BeforeEach
    void setUp() throws IOException {
        jkmod = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath()
                .resolveSibling("jkmod");
        Prerequisites.require(Files.isExecutable(jkmod), "not built: " + jkmod);
        Path tree = Oracle.KMOD34.treeLocation();
        Prerequisites.require(Files.isRegularFile(tree.resolve("release")), "no Debian 13 tree in " + tree
                + " (run .ci/fetch-trixie)");
        debian13Liblzma = Oracle.trixieChroot().resolve("usr/lib/x86_64-linux-gnu/liblzma.so.5");
        Prerequisites.require(Files.exists(debian13Liblzma), "no Debian 13 liblzma: " + debian13Liblzma);
        Prerequisites.require(Files.isExecutable(Path.of("/usr/bin/strace")), "no strace (apt-get install strace)");
        release = Files.readString(tree.resolve("release"), StandardCharsets.UTF_8).strip();
        Path from = tree.resolve("root/lib/modules").resolve(release).resolve("kernel/net");
        scratch = OracleDepmod.scratch();
        Path kernel = Files.createDirectories(scratch.resolve("lib/modules").resolve(release).resolve("kernel"));
        List<Path> picked;
        try (Stream<Path> s = Files.walk(from)) {
            picked = s.filter(p -> p.getFileName().toString().endsWith(".ko.xz")).sorted().limit(60).toList();
        }
        assertEquals(60, picked.size(), "modules under " + from);
        StringBuilder order = new StringBuilder();
        for (Path p : picked) {
            Path to = kernel.resolve(from.relativize(p));
            Files.createDirectories(to.getParent());
            Files.copy(p, to);
            String name = kernel.getParent().relativize(to).toString();
            order.append(name, 0, name.length() - ".xz".length()).append('\n');
        }
        Files.writeString(kernel.resolveSibling("modules.order"), order, StandardCharsets.UTF_8);
        Path dir = tree.resolve("root/lib/modules").resolve(release);
        for (String f : List.of("modules.builtin", "modules.builtin.modinfo")) {
            Files.copy(dir.resolve(f), kernel.resolveSibling(f));
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (scratch != null) {
            OracleDepmod.delete(scratch);
        }
    }

    /** Runs depmod with {@code options} in JKMOD_JAVA_OPTIONS (under strace when asked); its files. */
    private Map<String, byte[]> depmod(String options, Path strace) throws IOException {
        Path out = scratch.resolve("lib/modules").resolve(release);
        for (String f : FILES) {
            Files.deleteIfExists(out.resolve(f));
        }
        List<String> cmd = new ArrayList<>();
        if (strace != null) {
            cmd.addAll(List.of("strace", "-f", "-qq", "-e", "trace=openat", "-o", strace.toString()));
        }
        cmd.addAll(List.of(jkmod.toString(), "depmod", "-C", "/dev/null", "-b", scratch.toString(), release));
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/sbin:/bin:/usr/sbin:/usr/bin", "HOME", "/",
                "JAVA_HOME", System.getProperty("java.home"), "JKMOD_JAVA_OPTIONS", options));
        RealModprobe.Outcome o = RealModprobe.capture(cmd, env, StandardCharsets.UTF_8, Duration.ofMinutes(3));
        assertEquals(0, o.status(), options + ": " + o);
        assertEquals("", o.stderr(), options);
        Map<String, byte[]> files = new HashMap<>();
        for (String f : FILES) {
            files.put(f, Files.readAllBytes(out.resolve(f)));
        }
        assertTrue(new String(files.get("modules.dep"), StandardCharsets.ISO_8859_1).contains(".ko.xz:"),
                "modules.dep lists the modules");
        return files;
    }

    @Test
    void everyDecoderGivesTheSameFiles() throws IOException {
        Map<String, byte[]> system = depmod("", null);
        Path trace = scratch.resolve("strace.txt");
        Map<String, byte[]> debian13 = depmod("-Djkmod.liblzma=" + debian13Liblzma, trace);
        String opened = Files.readString(trace, StandardCharsets.ISO_8859_1);
        assertTrue(opened.contains("\"" + debian13Liblzma + "\""), "the named liblzma was not opened");
        Map<String, byte[]> missing = depmod("-Djkmod.liblzma=" + scratch.resolve("no-such-liblzma.so.5"), null);
        Map<String, byte[]> java = depmod("-Djkmod.xz=java", null);
        for (String f : FILES) {
            assertArrayEquals(system.get(f), debian13.get(f), f + ": Debian 13's liblzma");
            assertArrayEquals(system.get(f), missing.get(f), f + ": no such liblzma (pure Java)");
            assertArrayEquals(system.get(f), java.get(f), f + ": pure Java");
        }
    }
}
