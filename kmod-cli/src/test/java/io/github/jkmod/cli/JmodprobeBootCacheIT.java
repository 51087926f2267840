package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.testsupport.Prerequisites;
import io.github.jkmod.core.testsupport.RealModprobe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where root's jmodprobe keeps its class-data-sharing archive early in a boot, when the kernel starts
 * it as its modprobe and {@code /var/cache} cannot be written: {@code /run/jmodprobe}, else
 * {@code /tmp/jmodprobe-root}, never through a link. Each case runs the packaged executable as root
 * in a private mount namespace ({@code unshare -m}) where {@code /var/cache} (and {@code /run}) are
 * read-only, empty file systems; it checks the output, the files written and, from the JVM's class
 * loading log, whether jmodprobe's own classes came from the archive. Skipped unless root with
 * {@code unshare}.
 */
class JmodprobeBootCacheIT {
    private static Path copyDir;
    private static Path executable;

    @BeforeAll
    static void locate() throws IOException, InterruptedException {
        Path built = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath();
        Prerequisites.require(Files.isExecutable(built), "not built: " + built);
        Process probe = new ProcessBuilder("unshare", "-m", "true").start();
        Prerequisites.require(probe.waitFor() == 0, "unshare -m needs root");
        // a copy where the test mounts nothing (the clone itself may live under /tmp)
        copyDir = Files.createTempDirectory(Path.of("/var/tmp"), "jkmod-boot-cache-it");
        executable = Files.copy(built, copyDir.resolve("jmodprobe"));
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (copyDir != null) {
            PathUtils.deleteDirectory(copyDir);
        }
    }

    /** Runs {@code script} (sh) as root in a private mount namespace; {@code $EXE} is jmodprobe. */
    private static RealModprobe.Outcome inNamespace(String script) {
        String all = "set -e; mount --make-rprivate /; " + script;
        return RealModprobe.capture(List.of("unshare", "-m", "sh", "-c", all),
                Map.of("EXE", executable.toString(), "HOME", "/", "PATH", "/sbin:/bin:/usr/sbin:/usr/bin",
                        "JAVA_HOME", System.getProperty("java.home")),
                StandardCharsets.UTF_8, Duration.ofSeconds(120));
    }

    /** Prints -V's output, then whether Jmodprobe came from the archive, then the files of DIR. */
    private static String run(String dir) {
        return "JKMOD_JAVA_OPTIONS=-Xlog:class+load=info:file=/dev/shm/jkmod-cl.txt \"$EXE\" -V; "
                + "grep -c 'io.github.jkmod.cli.Jmodprobe source: shared objects file' /dev/shm/jkmod-cl.txt || true; "
                + "ls " + dir + " | sed 's/-[0-9][0-9-]*[0-9]\\([.-]\\)/-ID\\1/' | sort | tr '\\n' ' '; echo";
    }

    @Test
    void aReadOnlyVarCacheMeansRun() {
        RealModprobe.Outcome o = inNamespace("mount -t tmpfs -o ro tmpfs /var/cache; mount -t tmpfs tmpfs /run; "
                + "mount -t tmpfs tmpfs /dev/shm; " + run("/run/jmodprobe"));
        assertEquals(VersionText.render(io.github.jkmod.core.KmodProfile.DEFAULT) + "1\njmodprobe-ID-query.ok jmodprobe-ID.jar jmodprobe-ID.jsa \n", o.stdout(),
                o.stderr());
        assertEquals(0, o.status(), o.stderr());
    }

    @Test
    void aReadOnlyRunTooMeansTmp() {
        RealModprobe.Outcome o = inNamespace("mount -t tmpfs -o ro tmpfs /var/cache; mount -t tmpfs -o ro tmpfs /run; "
                + "mount -t tmpfs tmpfs /tmp; mount -t tmpfs tmpfs /dev/shm; " + run("/tmp/jmodprobe-root")
                + "; stat -c %a /tmp/jmodprobe-root");
        assertEquals(VersionText.render(io.github.jkmod.core.KmodProfile.DEFAULT) + "1\njmodprobe-ID-query.ok jmodprobe-ID.jar jmodprobe-ID.jsa \n700\n",
                o.stdout(), o.stderr());
    }

    @Test
    void aLinkInTmpIsNotFollowed() {
        RealModprobe.Outcome o = inNamespace("mount -t tmpfs -o ro tmpfs /var/cache; mount -t tmpfs -o ro tmpfs /run; "
                + "mount -t tmpfs tmpfs /tmp; mount -t tmpfs tmpfs /dev/shm; mkdir -m 700 /tmp/elsewhere; "
                + "ln -s /tmp/elsewhere /tmp/jmodprobe-root; " + run("/tmp/elsewhere"));
        // the same output, a plain start (no class from the archive), nothing written through the link
        assertEquals(VersionText.render(io.github.jkmod.core.KmodProfile.DEFAULT) + "0\n\n", o.stdout(), o.stderr());
        assertTrue(o.stderr().isEmpty(), o.stderr());
    }
}
