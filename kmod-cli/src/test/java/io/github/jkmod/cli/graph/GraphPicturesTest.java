package io.github.jkmod.cli.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.core.testsupport.DotReader;
import io.github.jkmod.core.testsupport.SvgReader;
import io.github.jkmod.testsupport.FetchedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pictures of {@code docs/graph.md} ({@code docs/graph-ext4.svg}, {@code docs/graph-nf_tables.svg},
 * made from the Debian 12 tree, the default oracle's) still show what {@code jkmod graph} gives
 * on that tree with nothing loaded: the same modules and edges.
 */
class GraphPicturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "nf_tables"})
    void thePictureShowsTheGraph(String module, @TempDir Path empty) throws Exception {
        FetchedTree tree = FetchedTree.require();
        Files.createDirectories(empty.resolve("sys/module"));
        ToolHarness.Outcome o = ToolHarness.jkmod(Path.of("/"), Map.of(), "jkmod", List.of("graph", "-C", "/dev/null",
                "-d", tree.root().toString(), "-S", tree.release(), "--sysfs", empty.toString(), module));
        assertEquals(0, o.status(), o.stderr());
        DotReader.Graph dot = DotReader.read(o.stdout());
        SvgReader.Svg svg = SvgReader.read(Files.readAllBytes(Path.of("../docs/graph-" + module + ".svg")));
        TreeSet<String> nodes = new TreeSet<>();
        dot.nodes().forEach(n -> nodes.add(n.id()));
        TreeSet<String> edges = new TreeSet<>();
        dot.edges().forEach(e -> edges.add(e.from() + "->" + e.to()));
        assertEquals(nodes, new TreeSet<>(svg.nodes()), "nodes of docs/graph-" + module + ".svg");
        assertEquals(edges, new TreeSet<>(svg.edges()), "edges of docs/graph-" + module + ".svg");
    }
}
