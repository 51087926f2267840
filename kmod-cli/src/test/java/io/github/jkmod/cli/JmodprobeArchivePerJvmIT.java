package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.index.IndexWriter;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of jmodprobe and two JVMs, used in turn on one cache directory: every run prints what
 * jmodprobe prints in process, every run (the first included, which prepares it) takes its classes
 * from the archive of its own build and JVM, and none removes the files of another. The builds are
 * {@code target/jmodprobe} (its packaged archive recorded by the build's JDK) and one assembled here
 * by the other JDK (its packaged archive for that JDK). So with a JDK 17 to 23 and a JDK 24+, the
 * runs meet all three kinds: the packaged archive, a dynamic archive (the other build's packaged one
 * being for another JVM) and an AOT cache.
 */
class JmodprobeArchivePerJvmIT {
    private static final String RELEASE = "0.0.0-jkmod-archive-it";
    private static final String FROM_ARCHIVE = "io.github.jkmod.cli.Jmodprobe source: shared objects file";

    @TempDir
    static Path dir;
    private static Path buildA;
    private static Path buildB;
    private static Path jdkA;
    private static Path jdkB;

    @BeforeAll
    static void build() throws IOException {
        buildA = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath();
        Prerequisites.require(Files.isExecutable(buildA), "not built: " + buildA);
        Prerequisites.require(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc");
        jdkA = Path.of(System.getProperty("java.home"));
        Optional<Path> other = JmodprobeCdsIT.otherJdk();
        Prerequisites.require(other.isPresent(), "no second JDK 17+ installed");
        jdkB = other.get();
        // The second build: the same launcher and jar, its archive recorded by the other JDK.
        Path target = buildA.getParent();
        Path module = target.getParent();
        Path jar = null;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(target, "kmod-cli-*-all.jar")) {
            for (Path p : s) {
                jar = p;
            }
        }
        Prerequisites.require(jar != null, "no shaded jar in " + target);
        buildB = dir.resolve("b/jmodprobe");
        RealModprobe.Outcome assembled = RealModprobe.capture(List.of("sh",
                module.resolve("src/build/assemble.sh").toString(),
                module.resolve("src/main/sh/jmodprobe.sh").toString(), jar.toString(),
                jdkB.resolve("bin/java").toString(), dir.resolve("b/work").toString(), buildB.toString()),
                Map.of("PATH", "/sbin:/bin:/usr/sbin:/usr/bin", "HOME", "/"), StandardCharsets.UTF_8,
                Duration.ofMinutes(5));
        assertEquals(0, assembled.status(), assembled.toString());
        assertFalse(assembled.stderr().contains("no CDS archive"), assembled.stderr());
        assertFalse(id(buildA).equals(id(buildB)), "two builds with one id");
        writeTree(dir.resolve("root/lib/modules/" + RELEASE));
    }

    /** The cache name the build wrote into its launcher. */
    private static String id(Path executable) throws IOException {
        String head = new String(Files.readAllBytes(executable), 0, 8192, StandardCharsets.ISO_8859_1);
        for (String line : head.split("\n")) {
            if (line.startsWith("id=")) {
                return line.substring(3).strip();
            }
        }
        throw new IllegalStateException("no id= in " + executable);
    }

    /** modules.dep.bin of jkmod_top, which needs jkmod_leaf, in {@code modules}. */
    static void writeTree(Path modules) throws IOException {
        try {
            Files.createDirectories(modules.resolve("kernel"));
            IndexWriter dep = new IndexWriter();
            dep.add("jkmod_top", "kernel/jkmod_top.ko: kernel/jkmod_leaf.ko", 0);
            dep.add("jkmod_leaf", "kernel/jkmod_leaf.ko:", 1);
            dep.write(modules.resolve("modules.dep.bin"), IndexWriter.Layout.PRE_ORDER);
        } catch (io.github.jkmod.KmodException e) {
            throw new IOException(e);
        }
    }

    private static Map<String, String> environment(Path cache, Path jdk) {
        Map<String, String> env = JmodprobeCdsIT.environment(cache);
        env.put("JAVA_HOME", jdk.toString());
        return env;
    }

    @Test
    void twoBuildsAndTwoJvmsInTurnEachKeepAndUseTheirOwnArchive() throws IOException {
        Path cache = dir.resolve("cache");
        List<List<String>> commands = List.of(
                List.of("-C", "/dev/null", "-d", dir.resolve("root").toString(), "-S", RELEASE,
                        "--show-depends", "jkmod_top"),
                List.of("-V"));
        Map<String, RealModprobe.Outcome> expected = new HashMap<>();
        for (List<String> args : commands) {
            expected.put(args.get(args.size() - 1), InProcess.run("jmodprobe", args, Map.of()));
        }
        assertEquals(0, expected.get("jkmod_top").status(), expected.toString());
        Map<String, Path> builds = new LinkedHashMap<>();
        builds.put("A", buildA);
        builds.put("B", buildB);
        Map<String, Path> jdks = new LinkedHashMap<>();
        jdks.put("JDK " + jdkA, jdkA);
        jdks.put("JDK " + jdkB, jdkB);
        Path log = dir.resolve("classes.txt");
        for (int round = 0; round < 3; round++) {
            for (List<String> args : commands) {
                for (Map.Entry<String, Path> build : builds.entrySet()) {
                    for (Map.Entry<String, Path> jdk : jdks.entrySet()) {
                        String what = "build " + build.getKey() + ", " + jdk.getKey() + ", round " + round
                                + ", " + args;
                        Map<String, String> env = environment(cache, jdk.getValue());
                        env.put("JKMOD_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log);
                        Files.deleteIfExists(log);
                        RealModprobe.Outcome o = RealModprobe.run(build.getValue().toString(), args, env);
                        RealModprobe.Outcome want = expected.get(args.get(args.size() - 1));
                        assertEquals(want, o, what);
                        assertTrue(Files.readString(log).contains(FROM_ARCHIVE), what + ": not from the archive");
                    }
                }
            }
        }
        // Each build's jar, each build and JVM its stamp, nothing half written.
        List<String> names = JmodprobeCdsIT.names(cache);
        for (Path build : builds.values()) {
            String id = id(build);
            assertTrue(names.contains("jmodprobe-" + id + ".jar"), names.toString());
            long stamps = names.stream().filter(n -> n.startsWith("jmodprobe-" + id + "-") && n.endsWith(".ok"))
                    .count();
            assertEquals(2, stamps, names.toString());
            assertFalse(names.stream().anyMatch(n -> n.startsWith("jmodprobe-" + id + "-") && n.endsWith(".no")),
                    names.toString());
        }
        assertFalse(names.stream().anyMatch(n -> n.startsWith(".tmp-")), names.toString());
        for (String n : names) {
            if (n.endsWith(".ok")) {
                List<String> lines = Files.readAllLines(cache.resolve(n), StandardCharsets.ISO_8859_1);
                assertEquals(3, lines.size(), n + ": " + lines);
                assertTrue(Files.isRegularFile(Path.of(lines.get(2))), n + ": " + lines);
            }
        }
    }

    /**
     * First runs at once, as when the kernel starts many helpers: one makes the archive, the others
     * run without it meanwhile; all print the same, and nothing is left half written.
     */
    @Test
    void firstRunsAtOnceAllAnswerAndLeaveOneArchive() throws Exception {
        Path cache = dir.resolve("cache-at-once");
        Map<String, String> env = environment(cache, jdkB);
        RealModprobe.Outcome want = InProcess.run("jmodprobe", List.of("-V"), Map.of());
        List<java.util.concurrent.CompletableFuture<RealModprobe.Outcome>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> RealModprobe.run(buildA.toString(), List.of("-V"), env)));
        }
        for (java.util.concurrent.CompletableFuture<RealModprobe.Outcome> run : runs) {
            assertEquals(want, run.get());
        }
        List<String> names = JmodprobeCdsIT.names(cache);
        assertEquals(1, names.stream().filter(n -> n.endsWith(".ok")).count(), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.startsWith(".tmp-")), names.toString());
        Path log = dir.resolve("classes-at-once.txt");
        env.put("JKMOD_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log);
        assertEquals(want, RealModprobe.run(buildA.toString(), List.of("-V"), env));
        assertTrue(Files.readString(log).contains(FROM_ARCHIVE), "not from the archive");
    }
}
