package io.github.jkmod.cli.kmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.multicall.Jkmod;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.nodes.StaticNode;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jkmod's {@code kmod static-nodes} against the real one of the chosen oracle ({@link Oracle#current()}),
 * byte for byte (standard output, standard error, exit status, and with {@code -o} the files and
 * directories it leaves, with their permissions): on the {@code modules.devname} of both real
 * Debian trees (12 and 13), on malformed, missing and unreadable ones, with every format, option
 * and usage error. The real kmod is shown each tree as {@code /lib/modules} in a mount namespace
 * ({@link NodesNamespace}); jkmod reads the same tree as its root, in this JVM.
 */
class StaticNodesConformanceTest {
    /** Where {@code -o} writes: the word {@code OUT} in a command is replaced by this area's path. */
    private static final String OUT = "OUT";

    /** The {@code modules.devname} fixtures, by name: what to put in {@code lib/modules}. */
    static final Map<String, Fixture> TREES = new LinkedHashMap<>();

    /** Writes a fixture into {@code lib/modules} of a root for {@code release}. */
    interface Fixture {
        void write(Path modules, String release) throws IOException;
    }

    static {
        TREES.put("debian 12", (m, r) -> copyRealTree(Oracle.KMOD30, m, r));
        TREES.put("debian 13", (m, r) -> copyRealTree(Oracle.KMOD34, m, r));
        TREES.put("malformed lines", (m, r) -> devname(m, r, String.join("\n",
                "# a comment", "fuse fuse c10:229", "", "bad", "  # a blank before the hash", "\tcuse cuse c10:203",
                "x y c 1 :2", "x y c 1: 2", "x y c+1:-1", "x y c99999999999999999999:4294967296 extra fields",
                "x y z1:2", "x y C1:2", "x a/b/c b7:8", "x a//b b7:9", "only two", "x y c", "x y c1", "x y c1:",
                "x y c:1", "x y c-:1", "x\ty\tc3:4", "x y c0x10:4", "crlf crlf c5:6\r", "trailing blank c7:8 ",
                "x y b4294967295:4294967295", "x y c-4294967296:-99999999999999999999", "x y c1:2:3", "#", "x")
                + "\nno_newline_at_end b1:1"));
        TREES.put("odd bytes", (m, r) -> {
            Path file = devnameFile(m, r);
            byte[] head = "nul n\0ul c1:2\nafter_nul after c3:4\n\0x y c1:1\nlatin1 caf\u00e9 c5:6\n\u00ff\u00fe y c1:1\n"
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] vt = "vt\u000by\u000cc9:9\n".getBytes(StandardCharsets.ISO_8859_1);
            Files.write(file, concat(head, vt));
        });
        TREES.put("long lines", (m, r) -> {
            String name4200 = "m".repeat(4200);
            String exact = "x".repeat(4095 - " y c1:1".length()) + " y c1:1";
            devname(m, r, name4200 + " dev c1:2\n" + exact + "\n" + "# " + "z".repeat(4100) + " y c3:4\nok ok c5:6\n");
        });
        TREES.put("empty file", (m, r) -> devname(m, r, ""));
        TREES.put("comments only", (m, r) -> devname(m, r, "# Device nodes to trigger on-demand module loading.\n"));
        TREES.put("missing file", (m, r) -> Files.createDirectories(m.resolve(r)));
        TREES.put("missing release directory", (m, r) -> Files.createDirectories(m));
        TREES.put("release directory is a file", (m, r) -> {
            Files.createDirectories(m);
            Files.writeString(m.resolve(r), "x\n");
        });
        TREES.put("devname is a directory", (m, r) -> Files.createDirectories(m.resolve(r).resolve("modules.devname")));
        TREES.put("dangling symlink", (m, r) -> {
            Files.createDirectories(m.resolve(r));
            Files.createSymbolicLink(m.resolve(r).resolve("modules.devname"), Path.of("nowhere"));
        });
        TREES.put("symlink loop", (m, r) -> {
            Files.createDirectories(m.resolve(r));
            Files.createSymbolicLink(m.resolve(r).resolve("modules.devname"), Path.of("modules.devname"));
        });
    }

    /** The commands run on every tree: every format, and the output file. */
    static final List<List<String>> FORMATS = List.of(
            List.of(), List.of("-f", "human"), List.of("-f", "tmpfiles"), List.of("-f", "devname"),
            List.of("--format=tmpfiles"), List.of("-o", OUT + "/nodes"), List.of("-f", "devname", "-o", OUT + "/nodes"));

    /** Command lines compared on the Debian 12 tree (options, usage errors, getopt). */
    static final List<List<String>> OPTIONS = List.of(
            List.of("-h"), List.of("--help"), List.of("--he"), List.of("-h", "-f", "bogus"), List.of("-f", "bogus"),
            List.of("-f", "bogus", "-h"), List.of("-f", "Human"), List.of("-f", ""), List.of("--format="), List.of("-f"),
            List.of("--format"), List.of("-o"), List.of("--output"), List.of("-x"), List.of("--bogus"),
            List.of("--help=x"), List.of("-fdevname"), List.of("--fo", "devname"), List.of("--form=tmpfiles"),
            List.of("-f", "devname", "-f", "human"), List.of("-f", "tmpfiles", "-f", "bogus"), List.of("x"),
            List.of("x", "-f", "devname"), List.of("--", "-f", "devname"), List.of("-f", "devname", "x", "y"),
            List.of("-hx"), List.of("-xh"), List.of("-"), List.of("--o=" + OUT + "/abbrev"),
            List.of("-o" + OUT + "/glued", "-ftmpfiles"), List.of("-V"), List.of("--version"));

    /** Output paths compared on the Debian 12 tree (the area holds a file {@code afile}, a directory {@code adir}, a file {@code existing}). */
    static final List<List<String>> OUTPUTS = List.of(
            List.of("-o", OUT + "/new/deeper/nodes"), List.of("-o", OUT + "/afile/nodes"),
            List.of("-o", OUT + "/afile/sub/nodes"), List.of("-o", OUT + "/adir"), List.of("-o", OUT + "/newdir/"),
            List.of("-o", OUT + "//double//slashes/nodes"), List.of("-o", OUT + "/existing"),
            List.of("-o", OUT + "/existing", "-f", "devname"), List.of("-o", ""), List.of("-o", "/dev/null"),
            List.of("-o", OUT + "/adir/", "-f", "devname"), List.of("-o", OUT + "/link-to-existing"),
            List.of("-o", OUT + "/dangling-link"));

    @TempDir
    static Path scratch;

    private static String release;

    @BeforeAll
    static void prerequisites() {
        NodesNamespace.require();
        release = NodesNamespace.runningRelease();
    }

    static Stream<Arguments> treesAndFormats() {
        List<Arguments> out = new ArrayList<>();
        for (String tree : TREES.keySet()) {
            for (List<String> command : FORMATS) {
                out.add(Arguments.of(tree, command));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("treesAndFormats")
    void everyTreeInEveryFormat(String tree, List<String> command) {
        compare(tree, command);
    }

    static List<List<String>> options() {
        return OPTIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void optionsAndUsageErrors(List<String> command) {
        compare("debian 12", command);
    }

    static List<List<String>> outputs() {
        return OUTPUTS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void outputFiles(List<String> command) {
        compare("debian 12", command);
    }

    @Test
    void outputFileWhenTheDevnameFileIsMissingOrBroken() {
        compare("missing file", List.of("-o", OUT + "/new/nodes"));
        compare("release directory is a file", List.of("-o", OUT + "/new/nodes"));
        compare("malformed lines", List.of("-o", OUT + "/existing", "-f", "tmpfiles"));
    }

    @Test
    void commandAfterDoubleDashNamesItselfSo() {
        // kmod hands the command its own argv[1]: getopt's messages then start with "--"
        compareKmod("debian 12", List.of("--", "static-nodes", "-x"));
        compareKmod("debian 12", List.of("--", "static-nodes", "-f", "devname"));
    }

    @Test
    void kmod30TruncatesARegularFileAsStandardOutput() throws Exception {
        // docs/kmod30-vs-kmod34.md row 27: kmod 30 writes to the path /dev/stdout, opened with
        // truncation; kmod 34.2 (and jkmod, under both profiles) write to standard output
        Path root = root("debian 12");
        RealModprobe.Outcome plain = real(root, List.of("static-nodes", "-f", "devname"));
        Path file = scratch.resolve("stdout-file");
        Files.deleteIfExists(file);
        RealModprobe.Outcome sh = NodesNamespace.run(root.resolve("lib/modules"), scratch.resolve("ns"),
                Path.of("/bin/sh"), List.of("-c", "f=$1; shift; { echo before; \"$@\"; } > \"$f\"", "sh",
                        file.toString(), Oracle.current().kmod().toString(), "static-nodes", "-f", "devname"));
        assertEquals(0, sh.status(), sh.toString());
        String content = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertEquals(Oracle.current() == Oracle.KMOD30 ? plain.stdout() : "before\n" + plain.stdout(), content);
        assertEquals(plain, jkmod(root, List.of("static-nodes", "-f", "devname")));
    }

    @Test
    void libraryReadsTheRealTreesAsTheRealTool() throws Exception {
        for (String tree : List.of("debian 12", "debian 13")) {
            Path root = root(tree);
            RealModprobe.Outcome real = real(root, List.of("static-nodes", "-f", "devname"));
            KmodContext ctx = KmodContext.builder().root(root).release(release).build();
            StringBuilder lines = new StringBuilder();
            for (StaticNode n : ctx.staticNodes()) {
                NodeFormat.DEVNAME.write(lines, n);
            }
            assertEquals(new RealModprobe.Outcome(lines.toString(), "", 0), real, tree);
            assertFalse(ctx.staticNodes().isEmpty(), tree);
        }
    }

    private static void compare(String tree, List<String> command) {
        List<String> args = new ArrayList<>(List.of("static-nodes"));
        args.addAll(command);
        compareKmod(tree, args);
    }

    /** kmod ARGS on {@code tree}: outputs, status and the output area, real against jkmod. */
    private static void compareKmod(String tree, List<String> kmodArgs) {
        Path root = root(tree);
        Path area = scratch.resolve("out");
        List<String> args = new ArrayList<>();
        for (String a : kmodArgs) {
            args.add(a.replace(OUT, area.toString()));
        }
        String what = "kmod " + args + " on " + tree + " against " + Oracle.current().description();
        prepareArea(area);
        RealModprobe.Outcome real = real(root, args);
        String realArea = snapshot(area);
        prepareArea(area);
        RealModprobe.Outcome jkmod = jkmod(root, args);
        String jkmodArea = snapshot(area);
        if (real.stdout().startsWith("kmod version ")) {
            // the one intended difference: -V names jkmod (LsmodConformanceTest compares the text)
            assertEquals(real.status(), jkmod.status(), what);
            return;
        }
        assertEquals(real, jkmod, what);
        assertEquals(realArea, jkmodArea, what + ": the output area");
    }

    private static RealModprobe.Outcome real(Path root, List<String> args) {
        Path ns = scratch.resolve("ns");
        try {
            Files.createDirectories(ns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return NodesNamespace.run(root.resolve("lib/modules"), ns, Oracle.current().kmod(), args);
    }

    /** jkmod as the real kmod's path, in this JVM, on {@code root}, with the oracle's profile. */
    private static RealModprobe.Outcome jkmod(Path root, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            status = Jkmod.run(Oracle.current().kmod().toString(), args,
                    new ToolRun(o, e, Oracle.current().withProfile(Map.of()), root, SyslogSink.DISCARD));
        }
        return new RealModprobe.Outcome(out.toString(StandardCharsets.ISO_8859_1),
                err.toString(StandardCharsets.ISO_8859_1), status);
    }

    /** The root of {@code tree}: {@code proc/sys/kernel/osrelease} and the fixture's {@code lib/modules}. */
    private static Path root(String name) {
        Path root = scratch.resolve("trees").resolve(name.replace(' ', '_'));
        if (!Files.exists(root)) {
            try {
                Files.createDirectories(root.resolve("proc/sys/kernel"));
                Files.writeString(root.resolve("proc/sys/kernel/osrelease"), release + "\n");
                TREES.get(name).write(root.resolve("lib/modules"), release);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** The output area afresh: a file {@code afile}, a directory {@code adir}, a longer file {@code existing} (0640), links. */
    private static void prepareArea(Path area) {
        try {
            delete(area);
            Files.createDirectories(area.resolve("adir"));
            Files.writeString(area.resolve("afile"), "a file\n");
            Files.writeString(area.resolve("existing"), "old content, longer than any output? no, but kept apart\n".repeat(200));
            Files.setPosixFilePermissions(area.resolve("existing"), PosixFilePermissions.fromString("rw-r-----"));
            Files.createSymbolicLink(area.resolve("link-to-existing"), Path.of("existing"));
            Files.createSymbolicLink(area.resolve("dangling-link"), Path.of("made-through-link"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path under {@code area} with its type, permissions and (for files) content. */
    private static String snapshot(Path area) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> paths = Files.walk(area)) {
            for (Path p : paths.sorted().toList()) {
                b.append(area.relativize(p)).append(' ');
                if (Files.isSymbolicLink(p)) {
                    b.append("link ").append(Files.readSymbolicLink(p)).append('\n');
                    continue;
                }
                b.append(PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    b.append(" file\n").append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
                b.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(p)) {
            for (Path q : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private static void copyRealTree(Oracle oracle, Path modules, String release) throws IOException {
        Path dir = oracle.treeLocation();
        Path releaseFile = dir.resolve("release");
        Prerequisites.require(Files.isRegularFile(releaseFile), "the real Debian tree of " + oracle.description()
                + " in " + dir + " (run " + oracle.fetchScript() + ")");
        String treeRelease = Files.readString(releaseFile, StandardCharsets.UTF_8).strip();
        Path source = dir.resolve("root/lib/modules").resolve(treeRelease).resolve("modules.devname");
        Prerequisites.require(Files.isRegularFile(source), source + " (run " + oracle.fetchScript() + ")");
        Files.createDirectories(modules.resolve(release));
        Files.copy(source, modules.resolve(release).resolve("modules.devname"));
    }

    private static Path devnameFile(Path modules, String release) throws IOException {
        Files.createDirectories(modules.resolve(release));
        return modules.resolve(release).resolve("modules.devname");
    }

    private static void devname(Path modules, String release, String text) throws IOException {
        Files.writeString(devnameFile(modules, release), text, StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
