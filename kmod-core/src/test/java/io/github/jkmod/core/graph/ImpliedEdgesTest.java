package io.github.jkmod.core.graph;

import static io.github.jkmod.testsupport.Prerequisites.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.testsupport.DotReader;
import io.github.jkmod.core.testsupport.GraphFixture;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Prerequisites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ModuleGraph#withoutImpliedDependencies()}: on the fixture, and on the real tree against
 * Graphviz's own transitive reduction ({@code tred}) of the same hard edges.
 */
class ImpliedEdgesTest {

    @TempDir
    Path root;

    private static TreeSet<String> edges(ModuleGraph g) {
        TreeSet<String> out = new TreeSet<>();
        for (GraphEdge e : g.edges()) {
            out.add(e.from() + " -> " + e.to() + " " + e.kind() + " " + e.sources());
        }
        return out;
    }

    @Test
    void anEdgeThatAPathImpliesGoesTheRestStays() throws Exception {
        GraphPlanner planner = new GraphPlanner(GraphFixture.write(root).context());
        ModuleGraph load = planner.loadGraph(List.of("ali"));
        TreeSet<String> expected = edges(load);
        expected.remove("a -> c HARD [MODULES_DEP]");
        ModuleGraph reduced = load.withoutImpliedDependencies();
        assertEquals(expected, edges(reduced));
        assertEquals(load.nodes(), reduced.nodes());
        // the reverse graph: a -> c goes (a -> b -> c); b -> c stays (also a holder), so do the holders' edges
        ModuleGraph reverse = planner.reverseGraph(List.of("c"));
        TreeSet<String> expectedReverse = edges(reverse);
        expectedReverse.remove("a -> c HARD [MODULES_DEP]");
        assertEquals(expectedReverse, edges(reverse.withoutImpliedDependencies()));
    }

    @Test
    void aCycleKeepsWhatItReaches() {
        List<GraphNode> nodes = new ArrayList<>();
        for (String n : List.of("a", "b", "c")) {
            nodes.add(new GraphNode(n, NodeMark.MODULE, java.util.Optional.empty(), false, true));
        }
        List<EdgeSource> dep = List.of(EdgeSource.MODULES_DEP);
        ModuleGraph g = new ModuleGraph(GraphDirection.LOAD, List.of("a"), nodes, List.of(
                new GraphEdge("a", "b", EdgeKind.HARD, dep), new GraphEdge("b", "a", EdgeKind.HARD, dep),
                new GraphEdge("a", "c", EdgeKind.HARD, dep), new GraphEdge("b", "c", EdgeKind.HARD, dep)));
        // a -> c goes (a -> b -> c); then b -> c must stay, or c would be lost
        assertEquals(new TreeSet<>(List.of("a -> b HARD [MODULES_DEP]", "b -> a HARD [MODULES_DEP]",
                "b -> c HARD [MODULES_DEP]")), edges(g.withoutImpliedDependencies()));
    }

    @Test
    void theHardEdgesLeftAreThoseTredLeaves() throws Exception {
        FetchedTree tree = FetchedTree.require();
        java.util.Optional<Path> tred = Prerequisites.findTool("tred");
        require(tred.isPresent(), "Graphviz's tred (apt-get install graphviz)");
        KmodContext ctx = KmodContext.builder().moduleRoot(tree.root()).release(tree.release())
                .configPaths(List.of(Path.of("/dev/null"))).logWarnings(false).build();
        GraphPlanner planner = new GraphPlanner(ctx, KernelState.ofRoot(root));
        int compared = 0;
        for (String name : List.of("ext4", "btrfs", "snd-hda-intel", "nf_tables", "xfs")) {
            for (ModuleGraph g : List.of(planner.loadGraph(List.of(name)), planner.reverseGraph(List.of(name)))) {
                StringBuilder dot = new StringBuilder("digraph g {\n");
                for (GraphEdge e : g.edges(EdgeKind.HARD)) {
                    dot.append("  \"").append(e.from()).append("\" -> \"").append(e.to()).append("\";\n");
                }
                dot.append("}\n");
                Path in = root.resolve("hard.dot");
                java.nio.file.Files.writeString(in, dot, StandardCharsets.UTF_8);
                RealModprobe.Outcome out = RealModprobe.capture(List.of(tred.get().toString(), in.toString()),
                        Map.of("PATH", "/usr/bin:/bin"), StandardCharsets.UTF_8, Duration.ofSeconds(60));
                assertEquals(0, out.status(), out.stderr());
                TreeSet<String> byTred = new TreeSet<>();
                for (DotReader.Edge e : DotReader.read(out.stdout()).edges()) {
                    byTred.add(e.from() + " -> " + e.to());
                }
                TreeSet<String> ours = new TreeSet<>();
                for (GraphEdge e : g.withoutImpliedDependencies().edges(EdgeKind.HARD)) {
                    ours.add(e.from() + " -> " + e.to());
                }
                assertEquals(byTred, ours, name + " " + g.direction());
                compared += ours.size();
            }
        }
        assertTrue(compared > 20, compared + " edges");
    }
}
