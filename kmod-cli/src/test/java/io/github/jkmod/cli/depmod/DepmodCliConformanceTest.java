package io.github.jkmod.cli.depmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.multicall.Jkmod;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.depmod.OracleDepmod;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.RequiresOracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jkmod depmod} against the oracle's real depmod ({@code jkmod.oracle}), in this JVM: the
 * command line (help, bad options and their glibc messages, a bad version, {@code -P}), {@code -n}
 * on the fetched tree, whole runs writing every file, {@code -A}, module files as arguments.
 */
class DepmodCliConformanceTest {
    private static Path scratch;
    private static FetchedTree tree;
    private static Path real;
    private static Path config;

    /** What a run printed and returned. */
    record Outcome(String stdout, String stderr, int status) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        tree = FetchedTree.require();
        real = Oracle.current().depmod();
        RealModprobe.require();
        scratch = OracleDepmod.scratch();
        config = Files.createDirectories(scratch.resolve("depmod.d"));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        OracleDepmod.delete(scratch);
    }

    static Outcome real(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(real.toString());
        cmd.addAll(args);
        RealModprobe.Outcome o = RealModprobe.capture(cmd, Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C"),
                StandardCharsets.ISO_8859_1, RealModprobe.TIMEOUT);
        String stdout = o.stdout();
        if (stdout.startsWith("kmod version ")) {
            stdout = ToolAccess.versionText(KmodProfile.fromName(Oracle.current().profile()));
        }
        return new Outcome(stdout, o.stderr(), o.status());
    }

    static Outcome jkmod(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            status = Jkmod.run(real.toString(), args, new ToolRun(o, e, Oracle.current().withProfile(Map.of()),
                    Path.of("/"), SyslogSink.DISCARD));
        }
        return new Outcome(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), status);
    }

    static Stream<List<String>> commandLines() {
        String root = scratch.resolve("no-such-root").toString();
        return Stream.of(List.of("-h"), List.of("--help"), List.of("-V"), List.of("--vers"), List.of("-X"),
                List.of("--foo=bar"), List.of("--s"), List.of("-b"), List.of("--basedir"), List.of("--all=yes"),
                List.of("-P", "ab", "-b", root), List.of("-b", root, "not-a-version"), List.of("-b", root, "-n", "1.2"),
                List.of("-A", "-n", "-b", root, "1.2"), List.of("-b", root, "-C", config.toString(), "1.2"),
                List.of("-b", root, "1.2", "relative.ko"), List.of("-b", root, "1.2", "/no/such/module.ko"),
                List.of("-e", "-n", "-b", root, "1.2"), List.of("-E", "/no/such/Module.symvers", "-b", root, "1.2"),
                List.of("-F", "/no/such/System.map", "-b", root, "1.2"), List.of("-q", "-r", "--map", "-h"),
                List.of("-m", "x", "-h"), List.of("--moduledir=x", "-o", "y", "-h"), List.of("-hV"), List.of("-Vh"));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void commandLine(List<String> args) {
        assertEquals(real(args), jkmod(args), String.join(" ", args));
    }

    private static Path image(String name) throws IOException {
        Path root = scratch.resolve(name);
        OracleDepmod.imageOf(tree, root);
        return root;
    }

    @Test
    void dryRunOnTheRealTree() throws IOException {
        Path root = image("dry-run");
        List<String> args = List.of("-n", "-C", config.toString(), "-b", root.toString(), tree.release());
        Outcome expected = real(args);
        assertEquals(0, expected.status(), expected.stderr());
        assertEquals(expected, jkmod(args));
        assertEquals(List.of(), OracleDepmod.outputs(root.resolve("lib/modules").resolve(tree.release()))
                .keySet().stream().toList(), "-n writes no file");
        // -v: each dependency found, on standard output (-vv adds libkmod lines with pointers)
        List<String> verbose = List.of("-v", "-n", "-C", config.toString(), "-b", root.toString(), tree.release());
        Outcome loud = real(verbose);
        assertTrue(loud.stdout().contains(" needs \""), "the oracle shows dependencies with -v");
        assertEquals(loud, jkmod(verbose));
    }

    @Test
    void wholeRunThenQuickRun() throws IOException {
        Path rootReal = image("real");
        Path rootOurs = image("ours");
        Path dirReal = rootReal.resolve("lib/modules").resolve(tree.release());
        Path dirOurs = rootOurs.resolve("lib/modules").resolve(tree.release());
        Outcome expected = real(List.of("-a", "-C", config.toString(), "-b", rootReal.toString(), tree.release()));
        Outcome actual = jkmod(List.of("-a", "-C", config.toString(), "-b", rootOurs.toString(), tree.release()));
        assertEquals(expected, actual);
        Map<String, byte[]> want = OracleDepmod.outputs(dirReal);
        Map<String, byte[]> got = OracleDepmod.outputs(dirOurs);
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
            assertTrue(Arrays.equals(want.get(name), got.get(name)), name);
        }
        List<String> leftovers = new ArrayList<>();
        try (Stream<Path> s = Files.list(dirOurs)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches("modules\\..*\\.[0-9]+.*")).forEach(leftovers::add);
        }
        assertEquals(List.of(), leftovers, "no temporary file left");
        // -A with nothing changed: nothing rewritten, by either
        FileTime stamp = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
        Files.setLastModifiedTime(dirReal.resolve("modules.dep"), stamp);
        Files.setLastModifiedTime(dirOurs.resolve("modules.dep"), stamp);
        Files.delete(dirReal.resolve("modules.alias"));
        Files.delete(dirOurs.resolve("modules.alias"));
        List<String> quick = List.of("-A", "-C", config.toString(), "-b", "ROOT", tree.release());
        assertEquals(real(with(quick, rootReal)), jkmod(with(quick, rootOurs)));
        assertTrue(!Files.exists(dirReal.resolve("modules.alias")) && !Files.exists(dirOurs.resolve("modules.alias")),
                "-A did not run");
        // a module newer than modules.dep: -A runs
        Path newer = dirOurs.resolve("updates/newer.ko");
        Files.createDirectories(newer.getParent());
        Files.copy(tree.moduleFile(Files.readAllLines(dirOurs.resolve("modules.order")).get(0)), newer);
        Files.setLastModifiedTime(dirOurs.resolve("modules.dep"), FileTime.fromMillis(0));
        assertEquals(new Outcome("", "", 0), jkmod(with(quick, rootOurs)));
        assertTrue(Files.exists(dirOurs.resolve("modules.alias")), "-A ran");
        assertNotEquals(FileTime.fromMillis(0), Files.getLastModifiedTime(dirOurs.resolve("modules.dep")));
    }

    private static List<String> with(List<String> args, Path root) {
        List<String> out = new ArrayList<>(args);
        out.set(out.indexOf("ROOT"), root.toString());
        return out;
    }

    @Test
    void moduleFilesAsArguments() throws IOException {
        Path root = image("files");
        Path dir = root.resolve("lib/modules").resolve(tree.release());
        List<String> order = Files.readAllLines(dir.resolve("modules.order"));
        List<String> args = new ArrayList<>(List.of("-n", "-b", root.toString(), tree.release()));
        for (String line : order.subList(0, 30)) {
            args.add(tree.moduleFile(line).toString());
        }
        args.add(dir.resolve(tree.moduleDir().relativize(tree.moduleFile(order.get(31)))).toString());
        Outcome expected = real(args);
        assertEquals(expected, jkmod(args));
        assertTrue(expected.stdout().contains(":"), expected.stdout());
    }

    /** kmod 34.2's -o (output root) and -m (module directory); kmod 30 has neither. */
    @Test
    @RequiresOracle(value = Oracle.KMOD34, reason = "-o and -m are kmod 34's options (kmod 30 reads -m as deprecated)")
    void outputRootAndModuleDirectory() throws IOException {
        Path root = scratch.resolve("moved");
        OracleDepmod.imageOf(tree.moduleDir(), tree.release(), root.resolve("usr"));
        List<String> args = List.of("-C", config.toString(), "-b", root.toString(), "-m", "/usr/lib/modules", "-o",
                "OUT", tree.release());
        Outcome expected = real(with(args, scratch.resolve("out-real"), "OUT"));
        Outcome actual = jkmod(with(args, scratch.resolve("out-ours"), "OUT"));
        assertEquals(expected, actual);
        Map<String, byte[]> want = OracleDepmod.outputs(scratch.resolve("out-real/usr/lib/modules").resolve(tree.release()));
        Map<String, byte[]> got = OracleDepmod.outputs(scratch.resolve("out-ours/usr/lib/modules").resolve(tree.release()));
        assertEquals(want.keySet(), got.keySet());
        assertTrue(want.size() >= 10, want.keySet().toString());
        for (String name : want.keySet()) {
            assertTrue(Arrays.equals(want.get(name), got.get(name)), name);
        }
    }

    private static List<String> with(List<String> args, Path value, String placeholder) {
        List<String> out = new ArrayList<>(args);
        out.set(out.indexOf(placeholder), value.toString());
        return out;
    }
}
