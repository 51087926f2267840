package io.github.jkmod.cli.multicall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged multi-call executable {@code target/jkmod} (the same file as {@code target/jmodprobe}):
 * invoked through links named like the tools, and as {@code jkmod TOOL}, it is each tool.
 */
class JkmodExecutableIT {
    private static Path jkmod;

    @TempDir
    Path bin;

    @BeforeAll
    static void locate() {
        Path jmodprobe = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath();
        jkmod = jmodprobe.resolveSibling("jkmod");
        Prerequisites.require(Files.isExecutable(jkmod), "not built: " + jkmod);
    }

    private static Map<String, String> env(String profile) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", "/");
        env.put("PATH", "/sbin:/bin:/usr/sbin:/usr/bin");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        if (profile != null) {
            env.put(KmodProfile.ENVIRONMENT_VARIABLE, profile);
        }
        return env;
    }

    private Path link(String name) throws Exception {
        Path link = bin.resolve(name);
        Files.createSymbolicLink(link, jkmod);
        return link;
    }

    @Test
    void theSameFileAsJmodprobe() throws Exception {
        assertTrue(Files.isSameFile(jkmod, jkmod.resolveSibling("jmodprobe")));
    }

    @Test
    void eachToolByItsLinkAndThroughJkmod() throws Exception {
        String v34 = ToolAccess.versionText(KmodProfile.KMOD_34);
        RealModprobe.Outcome lsmodV = RealModprobe.run(link("lsmod").toString(), List.of("-V"), env(null));
        assertEquals(new RealModprobe.Outcome(v34, "", 0), lsmodV);
        assertEquals(lsmodV, RealModprobe.run(jkmod.toString(), List.of("lsmod", "--version"), env(null)));
        assertEquals(lsmodV, RealModprobe.run(link("modprobe").toString(), List.of("-V"), env(null)));
        RealModprobe.Outcome kmodHelp = RealModprobe.run(link("kmod").toString(), List.of("-h"), env("kmod30"));
        assertEquals(0, kmodHelp.status());
        assertTrue(kmodHelp.stdout().contains("\tkmod [options] command [command_options]\n"), kmodHelp.stdout());
        assertEquals(new RealModprobe.Outcome("", "Usage: " + bin.resolve("lsmod") + "\n", 1),
                RealModprobe.run(bin.resolve("lsmod").toString(), List.of("-V"), env("kmod30")));
        RealModprobe.Outcome modinfoHelp = RealModprobe.run(link("modinfo").toString(), List.of("-h"), env(null));
        assertEquals(0, modinfoHelp.status());
        assertTrue(modinfoHelp.stdout().startsWith("Usage:\n\tmodinfo [options] <modulename|filename> [args]\n"),
                modinfoHelp.stdout());
        assertEquals(new RealModprobe.Outcome("", "modinfo: ERROR: missing module or filename.\n", 1),
                RealModprobe.run(jkmod.toString(), List.of("modinfo"), env(null)));
    }

    @Test
    void lsmodWithoutProcModulesAsTheProfileSays() throws Exception {
        if (Files.exists(Path.of("/proc/modules"))) {
            return; // this kernel has modules: the list itself is compared by LsmodConformanceTest
        }
        assertEquals(new RealModprobe.Outcome("", "lsmod: ERROR: could not open /proc/modules: No such file or directory\n"
                + "lsmod: ERROR: could not get list of modules: No such file or directory\n", 1),
                RealModprobe.run(link("lsmod").toString(), List.of(), env(null)));
    }
}
