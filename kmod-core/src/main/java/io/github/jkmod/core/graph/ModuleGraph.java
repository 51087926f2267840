package io.github.jkmod.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Modules and what links them: the load plan of some modules ({@link GraphDirection#LOAD}) or the
 * modules that need them ({@link GraphDirection#REVERSE}), built by {@link GraphPlanner} and
 * drawn by {@link DotWriter}. Each module is one node; each (from, to, kind) one edge.
 *
 * @param direction which way the graph was walked
 * @param requested the names and aliases the graph was asked for, as given
 * @param nodes the modules, in the order they were met (load order for a load graph)
 * @param edges the edges, in the order they were met
 */
public record ModuleGraph(GraphDirection direction, List<String> requested, List<GraphNode> nodes,
        List<GraphEdge> edges) {
    /**
     * Checks and copies the components.
     *
     * @param direction which way the graph was walked
     * @param requested the names asked for; copied
     * @param nodes the modules; copied
     * @param edges the edges; copied
     */
    public ModuleGraph {
        Objects.requireNonNull(direction, "direction");
        requested = List.copyOf(requested);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * The node of a module.
     *
     * @param name the module name
     * @return its node, or empty when the graph does not have it
     */
    public Optional<GraphNode> node(String name) {
        for (GraphNode n : nodes) {
            if (n.name().equals(name)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /**
     * This graph without the {@code modules.dep} edges that its other hard edges imply.
     * {@code modules.dep} lists every module a module needs, directly or not ({@code ext4}'s line
     * names {@code jbd2} and also what {@code jbd2} needs); this keeps an edge {@code A -> C} only
     * when no other path of hard edges leads from {@code A} to {@code C}, so that a picture shows
     * the structure. What each module needs, transitively, is unchanged; softdeps, weakdeps and
     * edges known from {@code holders/} are kept, and so are the nodes.
     *
     * @return the lighter graph (this one is unchanged)
     */
    public ModuleGraph withoutImpliedDependencies() {
        return ImpliedEdges.drop(this);
    }

    /**
     * The edges of one kind.
     *
     * @param kind the kind
     * @return the edges of that kind, in graph order
     */
    public List<GraphEdge> edges(EdgeKind kind) {
        List<GraphEdge> out = new ArrayList<>();
        for (GraphEdge e : edges) {
            if (e.kind() == kind) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }
}
