package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a JDK 24+, where an AOT cache loads every class it holds at start, the launcher keeps one
 * cache per group of commands: a modprobe query (here {@code --show-depends}) takes one without
 * JNA, a load takes one with JNA, each prints what jmodprobe prints in process, and each takes its
 * classes from its own cache.
 */
class JmodprobeArchiveGroupsIT {
    private static final String RELEASE = "0.0.0-jkmod-groups-it";
    private static final String FROM_ARCHIVE = "io.github.jkmod.cli.Jmodprobe source: shared objects file";

    @TempDir
    static Path dir;
    private static Path executable;
    private static Path jdk;

    @BeforeAll
    static void locate() throws IOException {
        executable = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath();
        Prerequisites.require(Files.isExecutable(executable), "not built: " + executable);
        Prerequisites.require(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc");
        Optional<Path> aot = JmodprobeCdsIT.jdk(24, null);
        Prerequisites.require(aot.isPresent(), "no JDK 24+ under /usr/lib/jvm");
        jdk = aot.get();
        JmodprobeArchivePerJvmIT.writeTree(dir.resolve("root/lib/modules/" + RELEASE));
    }

    /** The classes the second run of {@code args} loaded, after comparing both runs' output. */
    private static String classesOfSecondRun(Path cache, List<String> args) throws IOException {
        Map<String, String> env = JmodprobeCdsIT.environment(cache);
        env.put("JAVA_HOME", jdk.toString());
        RealModprobe.Outcome want = InProcess.run("jmodprobe", args, Map.of());
        assertEquals(want, RealModprobe.run(executable.toString(), args, env), "first run " + args);
        Path log = dir.resolve("classes.txt");
        Files.deleteIfExists(log);
        env.put("JKMOD_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log);
        assertEquals(want, RealModprobe.run(executable.toString(), args, env), "second run " + args);
        return Files.readString(log);
    }

    @Test
    void aQueryAndALoadEachTakeTheirOwnCache() throws IOException {
        Path cache = dir.resolve("cache");
        String root = dir.resolve("root").toString();
        String query = classesOfSecondRun(cache, List.of("-C", "/dev/null", "-d", root, "-S", RELEASE,
                "--show-depends", "jkmod_top"));
        assertTrue(query.contains(FROM_ARCHIVE), "query: not from its cache");
        assertFalse(query.contains("com.sun.jna."), "query: JNA loaded");
        // A load (of a file that does not exist: it fails at open, through JNA and libc).
        String load = classesOfSecondRun(cache, List.of("-C", "/dev/null", "-d", root, "-S", RELEASE,
                "jkmod_top"));
        assertTrue(load.contains(FROM_ARCHIVE), "load: not from its cache");
        assertTrue(load.contains("com.sun.jna.Native source: shared objects file"), "load: JNA not from its cache");
        // -n is a query too, even among other short options
        String dryRun = classesOfSecondRun(cache, List.of("-C", "/dev/null", "-d", root, "-S", RELEASE,
                "-qn", "jkmod_top"));
        assertFalse(dryRun.contains("com.sun.jna."), "-qn: JNA loaded");

        List<String> names = JmodprobeCdsIT.names(cache);
        Optional<String> queryStamp = names.stream().filter(n -> n.endsWith("-query.ok")).findFirst();
        Optional<String> loadStamp = names.stream().filter(n -> n.endsWith("-modprobe.ok")).findFirst();
        assertTrue(queryStamp.isPresent() && loadStamp.isPresent(), names.toString());
        assertEquals(2, names.stream().filter(n -> n.endsWith(".ok")).count(), names.toString());
        List<String> q = Files.readAllLines(cache.resolve(queryStamp.get()), StandardCharsets.ISO_8859_1);
        List<String> l = Files.readAllLines(cache.resolve(loadStamp.get()), StandardCharsets.ISO_8859_1);
        assertEquals("aot", q.get(1), q.toString());
        assertEquals("aot", l.get(1), l.toString());
        assertNotEquals(q.get(2), l.get(2));
        assertTrue(Files.isRegularFile(Path.of(q.get(2))) && Files.isRegularFile(Path.of(l.get(2))), names.toString());
    }
}
