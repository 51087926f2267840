package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.testsupport.Prerequisites;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.index.IndexWriter;
import io.github.jkmod.testsupport.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive inside {@code target/jmodprobe}: copied out once to the cache
 * directory ({@code JKMOD_CACHE_DIR} here), used from then on, checked again when the JVM changes,
 * and never a reason for the output to differ or for anything to be printed. Skipped when the
 * executable was built without an archive (no {@code /proc} at build time).
 */
class JmodprobeCdsIT {
    private static final String RELEASE = "0.0.0-jkmod-cds-it";
    private static Path executable;

    @BeforeAll
    static void locate() throws IOException {
        executable = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath();
        Prerequisites.require(Files.isExecutable(executable), "not built: " + executable);
        Prerequisites.require(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc");
        Prerequisites.require(headerField("jsa") > 0, "built without a CDS archive");
    }

    /** A number the build wrote into the launcher ({@code NAME=VALUE} at the start of a line). */
    private static long headerField(String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(executable)) {
            head = in.readNBytes(16384);
        }
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\n")) {
            if (line.startsWith(name + "=")) {
                return Long.parseLong(line.substring(name.length() + 1).strip());
            }
        }
        throw new IllegalStateException("no " + name + "= in " + executable);
    }

    static Map<String, String> environment(Path cache) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", "/");
        env.put("PATH", "/sbin:/bin:/usr/sbin:/usr/bin");
        // the behaviour profile of the chosen oracle, as InProcess.run gives it
        env.put(Oracle.PROFILE_VARIABLE, Oracle.current().profile());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JKMOD_CACHE_DIR", cache.toString());
        return env;
    }

    static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    names.add(p.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static Optional<String> named(Path dir, String suffix) throws IOException {
        for (String n : names(dir)) {
            if (n.startsWith("jmodprobe-") && n.endsWith(suffix)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    @Test
    void copiedOutOnceThenEveryClassComesFromTheArchive(@TempDir Path dir) throws IOException {
        Path cache = dir.resolve("cache");
        Map<String, String> env = environment(cache);
        RealModprobe.Outcome first = RealModprobe.run(executable.toString(), List.of("-V"), env);
        assertEquals(new RealModprobe.Outcome(VersionText.render(io.github.jkmod.core.testsupport.ConformanceProfile.profile()), "", 0), first);
        String jar = named(cache, ".jar").orElseThrow();
        String jsa = named(cache, ".jsa").orElseThrow();
        assertTrue(named(cache, ".ok").isPresent(), names(cache).toString());
        assertEquals(headerField("jar"), Files.size(cache.resolve(jar)));
        assertEquals(headerField("jsa"), Files.size(cache.resolve(jsa)));
        // The time the archive was recorded against: 2000-01-01 00:00:00 UTC.
        assertEquals(FileTime.fromMillis(946_684_800_000L), Files.getLastModifiedTime(cache.resolve(jar)));
        assertTrue(Files.getPosixFilePermissions(cache).stream().noneMatch(p -> p.name().startsWith("GROUP")
                || p.name().startsWith("OTHERS")), "cache directory private to its owner");

        Path log = dir.resolve("classes.txt");
        env.put("JKMOD_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log);
        RealModprobe.Outcome second = RealModprobe.run(executable.toString(), List.of("-V"), env);
        assertEquals(first, second);
        String classes = Files.readString(log);
        assertTrue(classes.contains("io.github.jkmod.cli.Jmodprobe source: shared objects file"), classes);
        assertFalse(classes.contains("io.github.jkmod.cli.OptionParser source: file:"), classes);
    }

    @Test
    void aJarWrittenToIsCopiedOutAgain(@TempDir Path dir) throws IOException {
        Path cache = dir.resolve("cache");
        Map<String, String> env = environment(cache);
        RealModprobe.run(executable.toString(), List.of("-V"), env);
        Path jar = cache.resolve(named(cache, ".jar").orElseThrow());
        byte[] original = Files.readAllBytes(jar);
        Files.write(jar, new byte[] {'P', 'K'});
        RealModprobe.Outcome again = RealModprobe.run(executable.toString(), List.of("-V"), env);
        assertEquals(new RealModprobe.Outcome(VersionText.render(io.github.jkmod.core.testsupport.ConformanceProfile.profile()), "", 0), again);
        assertEquals(original.length, Files.size(jar));
        assertEquals(FileTime.fromMillis(946_684_800_000L), Files.getLastModifiedTime(jar));
    }

    @Test
    void anUnusableCacheOnlyMeansAPlainStart(@TempDir Path dir) throws IOException {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        for (List<String> args : List.of(List.of("-V"), List.of("--foo"), List.of("-n", "jkmod_no_such_module"))) {
            Map<String, String> env = environment(notADirectory.resolve("cache"));
            RealModprobe.Outcome packaged = RealModprobe.run(executable.toString(), args, env);
            env.remove("JKMOD_CACHE_DIR");
            RealModprobe.Outcome inProcess = InProcess.run(executable.toString(), args, env);
            assertEquals(inProcess, packaged, args.toString());
        }
        assertEquals("x", Files.readString(notADirectory));
    }

    @Test
    void anotherJvmIsCheckedAgainAndNothingIsPrinted(@TempDir Path dir) throws IOException {
        Path cache = dir.resolve("cache");
        Map<String, String> env = environment(cache);
        RealModprobe.run(executable.toString(), List.of("-V"), env);
        Path ok = cache.resolve(named(cache, ".ok").orElseThrow());
        FileTime java = Files.getLastModifiedTime(Path.of(System.getProperty("java.home"), "bin/java"));
        assertEquals(java, Files.getLastModifiedTime(ok));
        // As if the JVM had been upgraded in place since the stamp was made.
        Files.setLastModifiedTime(ok, FileTime.fromMillis(java.toMillis() - 86_400_000L));
        RealModprobe.Outcome again = RealModprobe.run(executable.toString(), List.of("-V"), env);
        assertEquals(new RealModprobe.Outcome(VersionText.render(io.github.jkmod.core.testsupport.ConformanceProfile.profile()), "", 0), again);
        assertEquals(java, Files.getLastModifiedTime(ok), "checked again and stamped with the JVM's time");
    }

    @Test
    void aDifferentJvmBuildGetsAnArchiveOfItsOwnAndSaysNothing(@TempDir Path dir) throws IOException {
        Optional<Path> other = otherJdk();
        Prerequisites.require(other.isPresent(), "no second JDK 17+ installed");
        Path cache = dir.resolve("cache");
        Map<String, String> env = environment(cache);
        env.put("JAVA_HOME", other.get().toString());
        for (List<String> args : List.of(List.of("-V"), List.of("--foo"))) {
            RealModprobe.Outcome packaged = RealModprobe.run(executable.toString(), args, env);
            RealModprobe.Outcome inProcess = InProcess.run(executable.toString(), args, Map.of());
            assertEquals(inProcess, packaged, args.toString());
        }
        assertFalse(named(cache, ".no").isPresent(), names(cache).toString());
        // stamped with that JVM's path; its archive made here (the packaged one is for the build's JDK)
        List<String> stamp = Files.readAllLines(cache.resolve(named(cache, ".ok").orElseThrow()),
                StandardCharsets.ISO_8859_1);
        assertEquals(other.get().resolve("bin/java").toString(), stamp.get(0));
        assertTrue(stamp.get(2).startsWith(cache.resolve(named(cache, ".ok").orElseThrow()).toString()
                .replaceAll("\\.ok$", ".")), stamp.toString());
    }

    /** A module load goes through JNA; its native library is kept beside the archive. */
    @Test
    void jnaNativeLibraryIsKeptAfterTheFirstLoad(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("root");
        Path modules = root.resolve("lib/modules/" + RELEASE);
        Files.createDirectories(modules.resolve("kernel"));
        // An empty file: whatever the kernel allows, it refuses this (ENOEXEC, EPERM, ENOSYS).
        Files.write(modules.resolve("kernel/jkmod_cds_it.ko"), new byte[0]);
        IndexWriter dep = new IndexWriter();
        dep.add("jkmod_cds_it", "kernel/jkmod_cds_it.ko:", 0);
        dep.write(modules.resolve("modules.dep.bin"), IndexWriter.Layout.PRE_ORDER);
        Path cache = dir.resolve("cache");
        Map<String, String> env = environment(cache);
        List<String> args = List.of("-C", "/dev/null", "-d", root.toString(), "-S", RELEASE, "jkmod_cds_it");
        RealModprobe.Outcome first = RealModprobe.run(executable.toString(), args, env);
        List<String> kept = new ArrayList<>();
        for (String n : names(cache)) {
            if (n.startsWith("libjmodprobe-") && n.endsWith("-jnidispatch.so")) {
                kept.add(n);
            }
        }
        assertEquals(1, kept.size(), names(cache).toString());
        assertTrue(Files.size(cache.resolve(kept.get(0))) > 0);
        RealModprobe.Outcome second = RealModprobe.run(executable.toString(), args, env);
        assertEquals(first, second);
        assertEquals(1, first.status(), first.toString());
        assertTrue(first.stderr().startsWith("jmodprobe: ERROR: could not insert 'jkmod_cds_it': "),
                first.stderr());
        for (String n : names(cache)) {
            assertFalse(n.endsWith(".tmp"), "JNA's unpacked copy left behind: " + names(cache));
        }
    }

    /** A JDK 17 or later other than the one running the tests, from /usr/lib/jvm. */
    static Optional<Path> otherJdk() throws IOException {
        return jdk(17, Path.of(System.getProperty("java.home")).toRealPath());
    }

    /** A JDK of version {@code min} or later under /usr/lib/jvm, other than {@code except} (null: any). */
    static Optional<Path> jdk(int min, Path except) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(jvms)) {
            for (Path home : s) {
                Path release = home.resolve("release");
                if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)
                        || home.toRealPath().equals(except)) {
                    continue;
                }
                for (String line : Files.readAllLines(release, StandardCharsets.ISO_8859_1)) {
                    if (line.startsWith("JAVA_VERSION=\"")) {
                        String v = line.substring("JAVA_VERSION=\"".length());
                        int end = v.indexOf('.') > 0 ? v.indexOf('.') : v.indexOf('"');
                        if (end > 0 && Integer.parseInt(v.substring(0, end)) >= min) {
                            return Optional.of(home);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
