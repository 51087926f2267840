package io.github.jkmod.cli.graph;

import static io.github.jkmod.testsupport.Prerequisites.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.cli.multicall.Jkmod;
import io.github.jkmod.core.graph.GraphPlanner;
import io.github.jkmod.core.graph.GraphvizRenderer;
import io.github.jkmod.core.graph.ModuleGraph;
import io.github.jkmod.core.testsupport.DotReader;
import io.github.jkmod.core.testsupport.GraphFixture;
import io.github.jkmod.core.testsupport.SvgReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jkmod graph} in-process on the {@link GraphFixture} tree: its options, output and failures. */
class GraphToolTest {

    @TempDir
    Path root;

    private GraphFixture fixture;

    @BeforeEach
    void fixture() throws Exception {
        fixture = GraphFixture.write(root);
    }

    private ToolHarness.Outcome graph(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("graph", "-d", root.toString(), "-S", GraphFixture.RELEASE,
                "-C", fixture.config().toString()));
        all.addAll(List.of(args));
        return ToolHarness.jkmod(root, env, "jkmod", all);
    }

    private ToolHarness.Outcome graph(String... args) {
        return graph(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), args);
    }

    private static void noStackTrace(ToolHarness.Outcome o) {
        assertFalse(o.stderr().contains("Exception") || o.stderr().contains("\tat "), o.stderr());
    }

    @Test
    void graphIsATool() {
        assertEquals(Jkmod.Tool.GRAPH, Jkmod.toolFor("graph"));
    }

    @Test
    void dotOnStandardOutputHasTheLibrarysGraph() throws Exception {
        ToolHarness.Outcome o = graph("ali");
        assertEquals(0, o.status(), o.stderr());
        assertEquals("", o.stderr());
        ModuleGraph g = new GraphPlanner(fixture.context()).loadGraph(List.of("ali"));
        DotReader.Graph dot = DotReader.read(o.stdout());
        assertEquals(g.nodes().size(), dot.nodes().size());
        assertEquals(g.edges().size(), dot.edges().size());
        assertEquals(o.stdout(), graph("--format=dot", "ali").stdout());
    }

    @Test
    void reverseReadsHoldersUnderSysfs() {
        ToolHarness.Outcome o = graph("--reverse", "--sysfs", root.toString(), "c");
        assertEquals(0, o.status(), o.stderr());
        TreeSet<String> edges = new TreeSet<>();
        for (DotReader.Edge e : DotReader.read(o.stdout()).edges()) {
            edges.add(e.from() + "->" + e.to());
        }
        assertEquals(new TreeSet<>(List.of("a->b", "a->c", "b->c", "e->c", "x->c", "y->x")), edges);
        // the sysfs itself, a directory named sys, is taken too
        assertEquals(o.stdout(), graph("--reverse", "--sysfs=" + root.resolve("sys"), "c").stdout());
        // an empty sysfs root: modules.dep alone
        ToolHarness.Outcome bare = graph("--reverse", "--sysfs", root.resolve("lib").toString(), "c");
        assertEquals(1, bare.status());
        assertTrue(bare.stderr().startsWith("graph: ERROR: --sysfs "), bare.stderr());
    }

    @Test
    void reduceLeavesOutTheImpliedDependencies() throws Exception {
        ToolHarness.Outcome o = graph("--reduce", "a");
        assertEquals(0, o.status(), o.stderr());
        ModuleGraph g = new GraphPlanner(fixture.context()).loadGraph(List.of("a")).withoutImpliedDependencies();
        DotReader.Graph dot = DotReader.read(o.stdout());
        assertEquals(g.edges().size(), dot.edges().size());
        assertEquals(DotReader.read(graph("a").stdout()).edges().size() - 1, dot.edges().size());
        // an abbreviation of each long option, as getopt_long takes them
        assertEquals(o.stdout(), graph("--red", "a").stdout());
        assertEquals(graph("--reverse", "c").stdout(), graph("--rev", "c").stdout());
        assertEquals("graph: option '--re' is ambiguous; possibilities: '--reverse' '--reduce'\n",
                graph("--re", "c").stderr());
    }

    @Test
    void outputFileIsWrittenWhole() throws Exception {
        Path out = root.resolve("out/g.dot");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "old content that is longer than nothing\n");
        ToolHarness.Outcome o = graph("-o", out.toString(), "a");
        assertEquals(0, o.status(), o.stderr());
        assertEquals("", o.stdout());
        assertEquals(graph("a").stdout(), Files.readString(out, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
        ToolHarness.Outcome dir = graph("-o", root.toString(), "a");
        assertEquals(1, dir.status());
        assertEquals("graph: ERROR: cannot write " + root + ": Is a directory\n", dir.stderr());
    }

    @Test
    void svgWithTheRealDot() throws Exception {
        require(GraphvizRenderer.find(System.getenv()).isPresent(), "Graphviz's dot (apt-get install graphviz)");
        ToolHarness.Outcome o = graph("--format=svg", "ali");
        assertEquals(0, o.status(), o.stderr());
        SvgReader.Svg svg = SvgReader.read(o.stdout().getBytes(StandardCharsets.ISO_8859_1));
        ModuleGraph g = new GraphPlanner(fixture.context()).loadGraph(List.of("ali"));
        assertEquals(g.nodes().size(), svg.nodes().size());
        assertEquals(g.edges().size(), svg.edges().size());
    }

    @Test
    void svgWithoutDotSaysWhatToInstall() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", root.toString());
        ToolHarness.Outcome o = graph(env, "--format=svg", "ali");
        assertEquals(1, o.status());
        assertEquals("", o.stdout());
        assertTrue(o.stderr().startsWith("graph: ERROR: --format=svg needs Graphviz's dot, which is not in PATH: "
                + "install Graphviz (Debian and Ubuntu: apt-get install graphviz;"), o.stderr());
        assertTrue(o.stderr().endsWith("; --format=dot works without it\n"), o.stderr());
        noStackTrace(o);
    }

    @Test
    void aFailingDotIsReported() throws Exception {
        Path bin = root.resolve("bin");
        Files.createDirectories(bin);
        Path dot = bin.resolve("dot");
        Files.writeString(dot, "#!/bin/sh\ncat >/dev/null\necho 'dot: out of memory' >&2\nexit 2\n");
        dot.toFile().setExecutable(true);
        ToolHarness.Outcome o = graph(Map.of("PATH", bin.toString()), "--format=svg", "-o",
                root.resolve("never.svg").toString(), "ali");
        assertEquals(1, o.status());
        assertEquals("graph: ERROR: " + dot + " -Tsvg failed with exit status 2: dot: out of memory\n", o.stderr());
        assertFalse(Files.exists(root.resolve("never.svg")));
    }

    @Test
    void anUnknownModuleIsNotFoundAsModprobeSaysIt() {
        ToolHarness.Outcome o = graph("a", "zzz");
        assertEquals(1, o.status());
        assertEquals("", o.stdout());
        assertEquals("graph: FATAL: Module zzz not found in directory "
                + root.resolve("lib/modules").resolve(GraphFixture.RELEASE) + "\n", o.stderr());
    }

    @Test
    void usageErrors() {
        ToolHarness.Outcome none = graph();
        assertEquals(1, none.status());
        assertEquals("graph: ERROR: missing module name (see graph -h)\n", none.stderr());
        ToolHarness.Outcome format = graph("--format=png", "a");
        assertEquals(1, format.status());
        assertEquals("graph: ERROR: unknown format 'png' (expected dot or svg)\n", format.stderr());
        ToolHarness.Outcome bad = graph("--bogus", "a");
        assertEquals(1, bad.status());
        assertEquals("graph: unrecognized option '--bogus'\n", bad.stderr());
        ToolHarness.Outcome help = graph("-h");
        assertEquals(0, help.status());
        assertTrue(help.stdout().startsWith("Usage:\n\tgraph [options] <modulename|alias>...\n"), help.stdout());
        ToolHarness.Outcome profile = graph("--profile=kmod99", "a");
        assertEquals(1, profile.status());
        noStackTrace(profile);
    }

    @Test
    void aMissingModuleDirectoryIsAWarningThenNotFound() {
        ToolHarness.Outcome o = ToolHarness.jkmod(root, Map.of(), "jkmod",
                List.of("graph", "-d", root.toString(), "-S", "9.9-none", "-C", "/dev/null", "a"));
        assertEquals(1, o.status());
        assertTrue(o.stderr().startsWith("graph: WARNING: module directory "), o.stderr());
        assertTrue(o.stderr().contains("graph: FATAL: Module a not found in directory "), o.stderr());
    }
}
