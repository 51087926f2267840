package io.github.jkmod.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the {@code modules.dep} edges that other hard edges imply: {@code A -> C} goes when
 * {@code C} can still be reached from {@code A} along other hard edges. Edges are looked at in
 * graph order and each is judged on the graph as it is after the ones before it (so every
 * reachability of hard edges is kept, cycles included). Softdeps, weakdeps and edges known from
 * {@code holders/} always stay.
 */
final class ImpliedEdges {
    private ImpliedEdges() {
    }

    static ModuleGraph drop(ModuleGraph graph) {
        Map<String, List<String>> hard = new LinkedHashMap<>();
        for (GraphEdge e : graph.edges()) {
            if (e.kind() == EdgeKind.HARD) {
                hard.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            }
        }
        List<GraphEdge> kept = new ArrayList<>(graph.edges().size());
        for (GraphEdge e : graph.edges()) {
            boolean onlyModulesDep = e.kind() == EdgeKind.HARD && e.sources().equals(List.of(EdgeSource.MODULES_DEP));
            if (onlyModulesDep && reachableWithout(hard, e.from(), e.to())) {
                hard.get(e.from()).remove(e.to());
            } else {
                kept.add(e);
            }
        }
        return new ModuleGraph(graph.direction(), graph.requested(), graph.nodes(), kept);
    }

    /** Whether {@code to} is reached from {@code from} by hard edges other than {@code from -> to} itself. */
    private static boolean reachableWithout(Map<String, List<String>> hard, String from, String to) {
        Set<String> seen = new HashSet<>();
        // never through from again: that path would end with the very edge in question
        seen.add(from);
        Deque<String> stack = new ArrayDeque<>();
        for (String next : hard.getOrDefault(from, List.of())) {
            if (!next.equals(to) && seen.add(next)) {
                stack.push(next);
            }
        }
        while (!stack.isEmpty()) {
            String n = stack.pop();
            for (String next : hard.getOrDefault(n, List.of())) {
                if (next.equals(to)) {
                    return true;
                }
                if (seen.add(next)) {
                    stack.push(next);
                }
            }
        }
        return false;
    }
}
