package io.github.jkmod.core.graph;

import static io.github.jkmod.testsupport.Prerequisites.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.testsupport.GraphFixture;
import io.github.jkmod.core.testsupport.SvgReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SVG from the real Graphviz {@code dot}, opened as XML; and each way running {@code dot} can fail. */
class GraphvizRendererTest {

    @TempDir
    Path root;

    private static GraphvizRenderer realDot() throws GraphvizNotFoundException {
        require(GraphvizRenderer.find(System.getenv()).isPresent(), "Graphviz's dot (apt-get install graphviz)");
        return GraphvizRenderer.onPath(System.getenv());
    }

    @Test
    void svgHasOneNodeGroupPerModuleAndOneEdgeGroupPerEdge() throws Exception {
        GraphvizRenderer dot = realDot();
        for (boolean reverse : new boolean[] {false, true}) {
            GraphPlanner planner = new GraphPlanner(GraphFixture.write(Files.createTempDirectory(root, "t")).context());
            ModuleGraph g = reverse ? planner.reverseGraph(List.of("c")) : planner.loadGraph(List.of("ali"));
            SvgReader.Svg svg = SvgReader.read(dot.svg(DotWriter.write(g)));
            TreeSet<String> names = new TreeSet<>();
            for (GraphNode n : g.nodes()) {
                names.add(n.name().replace("\\", "\\\\"));
            }
            assertEquals(g.nodes().size(), svg.nodes().size());
            assertEquals(names, new TreeSet<>(svg.nodes()));
            TreeSet<String> edges = new TreeSet<>();
            for (GraphEdge e : g.edges()) {
                edges.add(e.from().replace("\\", "\\\\") + "->" + e.to().replace("\\", "\\\\"));
            }
            List<String> svgEdges = new ArrayList<>(svg.edges());
            assertEquals(g.edges().size(), svgEdges.size());
            assertEquals(edges, new TreeSet<>(svgEdges));
        }
    }

    @Test
    void noDotOnPathIsGraphvizNotFound() {
        GraphvizNotFoundException e = assertThrows(GraphvizNotFoundException.class,
                () -> GraphvizRenderer.onPath(Map.of("PATH", root.toString())));
        assertTrue(e.getMessage().contains("apt-get install graphviz"), e.getMessage());
        assertTrue(GraphvizRenderer.find(Map.of()).isEmpty());
    }

    private Path script(String body) throws Exception {
        Path dot = root.resolve("dot");
        Files.writeString(dot, "#!/bin/sh\n" + body + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(dot, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dot;
    }

    @Test
    void aFailingDotReportsItsStatusAndStandardError() throws Exception {
        Path dot = script("cat >/dev/null; echo 'Error: <stdin>: syntax error in line 1' >&2; echo partial; exit 3");
        assertEquals(dot, GraphvizRenderer.onPath(Map.of("PATH", root.toString())).command());
        GraphvizException e = assertThrows(GraphvizException.class,
                () -> new GraphvizRenderer(dot, Duration.ofSeconds(30)).svg("digraph {}"));
        assertEquals(dot + " -Tsvg failed with exit status 3: Error: <stdin>: syntax error in line 1", e.getMessage());
    }

    @Test
    void aDotThatHangsIsKilled() throws Exception {
        Path dot = script("exec sleep 600");
        GraphvizException e = assertThrows(GraphvizException.class,
                () -> new GraphvizRenderer(dot, Duration.ofSeconds(1)).svg("digraph {}"));
        assertEquals(dot + " -Tsvg did not finish within 1 s; it was killed", e.getMessage());
    }

    @Test
    void largeOutputIsReadWhole() throws Exception {
        // 4 MB on stdout, more than any pipe buffer, before the input is read
        Path dot = script("head -c 4000000 /dev/zero | tr '\\0' x; cat >/dev/null");
        byte[] out = new GraphvizRenderer(dot, Duration.ofSeconds(60)).svg("digraph {}\n".repeat(100000));
        assertEquals(4000000, out.length);
    }
}
