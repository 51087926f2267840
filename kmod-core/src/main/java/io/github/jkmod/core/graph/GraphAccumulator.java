package io.github.jkmod.core.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The nodes and edges of a graph being built, each kept once, in the order met. Not thread-safe. */
final class GraphAccumulator {
    /** What is known of a node so far. */
    private static final class Node {
        NodeMark mark;
        Optional<Path> file;
        boolean requested;
        boolean planned;
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<List<Object>, Set<EdgeSource>> edges = new LinkedHashMap<>();
    private final Map<List<Object>, Set<String>> via = new LinkedHashMap<>();

    /** Whether the node is there. */
    boolean has(String name) {
        return nodes.containsKey(name);
    }

    /** The names of the nodes so far, in order. */
    List<String> names() {
        return new ArrayList<>(nodes.keySet());
    }

    /**
     * Adds a node (or finds it) and returns whether it is new; {@code marker} is asked only for a
     * new one.
     */
    <E extends Exception> boolean add(String name, Marker<E> marker) throws E {
        if (nodes.containsKey(name)) {
            return false;
        }
        Node n = new Node();
        n.mark = marker.mark(name);
        n.file = marker.file(name);
        nodes.put(name, n);
        return true;
    }

    void requested(String name) {
        nodes.get(name).requested = true;
    }

    boolean isPlanned(String name) {
        return nodes.get(name).planned;
    }

    void planned(String name) {
        nodes.get(name).planned = true;
    }

    void edge(String from, String to, EdgeKind kind, EdgeSource source) {
        edges.computeIfAbsent(List.of(from, to, kind), k -> EnumSet.noneOf(EdgeSource.class)).add(source);
    }

    /** An edge of the configuration to what {@code word} looks up to, the word kept when it is not the name. */
    void edge(String from, String to, EdgeKind kind, String word) {
        edge(from, to, kind, EdgeSource.CONFIG);
        Set<String> words = via.computeIfAbsent(List.of(from, to, kind), k -> new LinkedHashSet<>());
        if (!word.equals(to)) {
            words.add(word);
        }
    }

    ModuleGraph build(GraphDirection direction, List<String> requested) {
        List<GraphNode> outNodes = new ArrayList<>(nodes.size());
        nodes.forEach((name, n) -> outNodes.add(new GraphNode(name, n.mark, n.file, n.requested, n.planned)));
        List<GraphEdge> outEdges = new ArrayList<>(edges.size());
        edges.forEach((k, sources) -> outEdges.add(new GraphEdge((String) k.get(0), (String) k.get(1),
                (EdgeKind) k.get(2), List.copyOf(sources), List.copyOf(via.getOrDefault(k, Set.of())))));
        return new ModuleGraph(direction, requested, outNodes, outEdges);
    }

    /** Tells what a new node is. */
    interface Marker<E extends Exception> {
        NodeMark mark(String name) throws E;

        Optional<Path> file(String name) throws E;
    }
}
