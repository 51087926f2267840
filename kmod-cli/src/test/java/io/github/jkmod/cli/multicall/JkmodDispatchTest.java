package io.github.jkmod.cli.multicall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.core.KmodProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Jkmod}: the tool chosen by the base name of argv[0], or by the first argument of {@code jkmod}. */
class JkmodDispatchTest {
    @TempDir
    Path root;

    private record Run(String out, String err, int status) {
    }

    private Run run(Map<String, String> env, String argv0, String... args) throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/modules"), "mod_a 16384 0 - Live 0x0\n");
        Files.createDirectories(root.resolve("sys/module/mod_a/holders"));
        Files.writeString(root.resolve("sys/module/mod_a/coresize"), "16384\n");
        Files.writeString(root.resolve("sys/module/mod_a/refcnt"), "0\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            status = Jkmod.run(argv0, List.of(args), new ToolRun(o, e, env, root, SyslogSink.DISCARD));
        }
        return new Run(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), status);
    }

    private static final String LIST = "Module                  Size  Used by\n"
            + "mod_a                  16384  0\n";

    @ParameterizedTest
    @CsvSource({
        "modprobe, MODPROBE", "jmodprobe, MODPROBE", "modprobe.jkmod, MODPROBE", "lsmod, LSMOD", "kmod, KMOD",
        "jkmod, JKMOD", "modinfo, MODINFO", "insmod, INSMOD", "rmmod, RMMOD", "depmod, DEPMOD"})
    void theBaseNameChoosesTheTool(String name, Jkmod.Tool tool) {
        assertEquals(tool, Jkmod.toolFor(name));
    }

    @Test
    void lsmodByNameByPathAndThroughJkmod() throws Exception {
        Run expected = new Run(LIST, "", 0);
        assertEquals(expected, run(Map.of(), "lsmod"));
        assertEquals(expected, run(Map.of(), "/usr/local/sbin/lsmod"));
        assertEquals(expected, run(Map.of(), "/usr/local/bin/jkmod", "lsmod"));
        assertEquals(expected, run(Map.of(), "kmod", "list"));
        assertEquals(expected, run(Map.of(), "jkmod", "kmod", "list"));
    }

    @Test
    void modinfoByNameByPathAndThroughJkmod() throws Exception {
        Run help = run(Map.of(), "/usr/local/sbin/modinfo", "-h");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage:\n\tmodinfo [options] <modulename|filename> [args]\n"), help.out());
        assertEquals(help, run(Map.of(), "jkmod", "modinfo", "--help"));
        assertEquals(new Run("", "modinfo: ERROR: missing module or filename.\n", 1), run(Map.of(), "modinfo"));
    }

    @Test
    void kmodStaticNodesIsReachedByEveryName() throws Exception {
        // StaticNodesConformanceTest compares the command with the real kmod; here: the dispatch
        Run direct = run(Map.of(), "/usr/bin/kmod", "static-nodes", "--help");
        assertEquals(0, direct.status());
        assertTrue(direct.out().startsWith("Usage:\n\tkmod static-nodes [options]\n"), direct.out());
        assertEquals(direct, run(Map.of(), "jkmod", "kmod", "static-nodes", "--help"));
        assertEquals(direct, run(Map.of(), "kmod", "--profile=kmod30", "static-nodes", "--help"));
    }

    @Test
    void jkmodWithoutToolOrWithAnUnknownOneIsAUsageError() throws Exception {
        Run none = run(Map.of(), "jkmod");
        assertEquals(1, none.status());
        assertTrue(none.err().startsWith("jkmod: ERROR: missing tool"), none.err());
        assertEquals(1, none.err().split("\n").length);
        Run unknown = run(Map.of(), "jkmod", "frobnicate");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().startsWith("jkmod: ERROR: unknown tool 'frobnicate'"), unknown.err());
        Run help = run(Map.of(), "jkmod", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: jkmod TOOL [ARGS...]\n"), help.out());
    }

    @Test
    void versionFollowsTheProfile() throws Exception {
        String v34 = ToolAccess.versionText(KmodProfile.KMOD_34);
        assertTrue(v34.startsWith("jkmod version ") && v34.contains(" (kmod 34.2)\n"), v34);
        assertEquals(new Run(v34, "", 0), run(Map.of(), "lsmod", "-V"));
        assertEquals(new Run(v34, "", 0), run(Map.of(), "kmod", "--version"));
        assertEquals(new Run(v34, "", 0), run(Map.of(), "jkmod", "-V"));
        Map<String, String> k30 = Map.of(KmodProfile.ENVIRONMENT_VARIABLE, "kmod30");
        // kmod 30's lsmod takes no argument at all
        assertEquals(new Run("", "Usage: lsmod\n", 1), run(k30, "lsmod", "-V"));
        assertEquals(new Run(ToolAccess.versionText(KmodProfile.KMOD_30), "", 0), run(k30, "kmod", "-V"));
        assertEquals(new Run(ToolAccess.versionText(KmodProfile.KMOD_30), "", 0),
                run(Map.of(), "kmod", "--profile=kmod30", "-V"));
        // jkmod's --profile is taken by both profiles' lsmod
        assertEquals(new Run(LIST, "", 0), run(k30, "lsmod", "--profile=kmod30"));
        assertEquals(new Run("", "Usage: lsmod\n", 1), run(Map.of(), "lsmod", "--profile=kmod30", "-V"));
        assertEquals(new Run("", "lsmod: ERROR: unexpected profile value 'kmod99' (expected kmod30 or kmod34).\n", 1),
                run(Map.of(), "lsmod", "--profile=kmod99"));
    }

    @Test
    void lsmodWithSyslogSendsItsErrorsThere() throws Exception {
        List<String> sent = new java.util.ArrayList<>();
        SyslogSink sink = new SyslogSink() {
            @Override
            public void send(int priority, String message) {
                sent.add(priority + " " + message);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            status = Jkmod.run("lsmod", List.of("-s", "x"), new ToolRun(o, e, Map.of(), root, sink));
        }
        assertEquals(1, status);
        assertEquals("", err.toString(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(io.github.jkmod.cli.Log.ERR + " ERROR: too many arguments provided."), sent);
    }

    @Test
    void modprobeNamesRunJmodprobe() throws Exception {
        Run version = run(Map.of(), "/sbin/modprobe", "-V");
        assertEquals(new Run(ToolAccess.versionText(KmodProfile.KMOD_34), "", 0), version);
        assertEquals(version, run(Map.of(), "jkmod", "modprobe", "-V"));
        assertEquals(version, run(Map.of(), "jmodprobe", "-V"));
    }
}
