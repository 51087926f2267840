package io.github.jkmod.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.testsupport.DotReader;
import io.github.jkmod.core.testsupport.GraphFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DOT text read back by an independent reader ({@link DotReader}): every node and edge, once, styled by kind. */
class DotWriterTest {

    @TempDir
    Path root;

    @Test
    void everyNodeAndEdgeReadsBackWithItsStyle() throws Exception {
        ModuleGraph g = new GraphPlanner(GraphFixture.write(root).context()).loadGraph(List.of("ali"));
        DotReader.Graph dot = DotReader.read(DotWriter.write(g));
        assertEquals(g.nodes().size(), dot.nodes().size());
        assertEquals(g.edges().size(), dot.edges().size());
        Map<String, Map<String, String>> nodes = new TreeMap<>();
        for (DotReader.Node n : dot.nodes()) {
            nodes.put(n.id(), n.attributes());
        }
        // the backslash doubled in the id, the quote escaped and read back
        assertTrue(nodes.containsKey("we\"ird\\\\name"), nodes.keySet().toString());
        assertEquals("we\"ird\\\\name\\nnot found", nodes.get("we\"ird\\\\name").get("label"));
        assertEquals("dashed", nodes.get("nothere").get("style"));
        assertEquals("filled", nodes.get("bi").get("style"));
        assertEquals("bi\\nbuiltin", nodes.get("bi").get("label"));
        assertEquals("c\\nloaded", nodes.get("c").get("label"));
        assertEquals("2", nodes.get("a").get("peripheries"));
        assertEquals(null, nodes.get("d").get("peripheries"));
        Map<String, String> styles = new TreeMap<>();
        for (DotReader.Edge e : dot.edges()) {
            styles.put(e.from() + "->" + e.to(), e.attributes().getOrDefault("style", "solid")
                    + (e.attributes().containsKey("color") ? " " + e.attributes().get("color") : ""));
        }
        assertEquals("solid", styles.get("a->b"));
        assertEquals("dashed", styles.get("a->d"));
        for (DotReader.Edge e : dot.edges()) {
            if (e.from().equals("a") && (e.to().equals("d") || e.to().equals("bi"))) {
                assertEquals(e.to().equals("d") ? "pre: dee" : "pre", e.attributes().get("label"));
            }
        }
        assertEquals("dotted", styles.get("a->nothere"));
        assertEquals("solid " + DotWriter.WEAKDEP_COLOUR, styles.get("a->w"));
    }

    @Test
    void reverseEdgesAreColouredBySource() throws Exception {
        ModuleGraph g = new GraphPlanner(GraphFixture.write(root).context()).reverseGraph(List.of("c"));
        DotReader.Graph dot = DotReader.read(DotWriter.write(g));
        Map<String, String> colours = new TreeMap<>();
        for (DotReader.Edge e : dot.edges()) {
            colours.put(e.from() + "->" + e.to(), e.attributes().getOrDefault("color", "black"));
        }
        assertEquals(Map.of("a->b", "black", "a->c", "black", "b->c", "black:" + DotWriter.HOLDERS_COLOUR,
                "e->c", "black", "x->c", DotWriter.HOLDERS_COLOUR, "y->x", "black:" + DotWriter.HOLDERS_COLOUR),
                colours);
    }

    @Test
    void theSameGraphInAnyOrderGivesTheSameText() throws Exception {
        ModuleGraph g = new GraphPlanner(GraphFixture.write(root).context()).loadGraph(List.of("ali"));
        List<GraphNode> nodes = new ArrayList<>(g.nodes());
        List<GraphEdge> edges = new ArrayList<>(g.edges());
        Collections.reverse(nodes);
        Collections.reverse(edges);
        ModuleGraph shuffled = new ModuleGraph(g.direction(), g.requested(), nodes, edges);
        assertEquals(DotWriter.write(g), DotWriter.write(shuffled));
        List<String> ids = new ArrayList<>();
        for (DotReader.Node n : DotReader.read(DotWriter.write(shuffled)).nodes()) {
            ids.add(n.id());
        }
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        assertEquals(sorted, ids);
    }

    @Test
    void anEmptyGraphIsStillADigraph() {
        DotReader.Graph dot = DotReader.read(DotWriter.write(
                new ModuleGraph(GraphDirection.LOAD, List.of(), List.of(), List.of())));
        assertEquals(0, dot.nodes().size());
        assertEquals(0, dot.edges().size());
    }
}
