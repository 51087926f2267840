package io.github.jkmod.core.graph;

import java.util.List;
import java.util.Objects;

/**
 * One edge of a {@link ModuleGraph}: {@code from} needs {@code to} (a dependency, softdep or
 * weakdep of {@code from}; in a reverse graph, {@code from} depends on or holds {@code to}).
 *
 * @param from the module that needs the other one
 * @param to the module it needs
 * @param kind what the need is
 * @param sources where the edge was found, in {@link EdgeSource} order, never empty (a reverse
 *     graph can know one edge both from {@code modules.dep} and from {@code holders/})
 * @param via for a softdep or weakdep, the words of the configuration line that led to {@code to}
 *     when they are not its name (an alias such as {@code crypto-crc32c}); empty otherwise
 */
public record GraphEdge(String from, String to, EdgeKind kind, List<EdgeSource> sources, List<String> via) {
    /**
     * Checks and copies the components.
     *
     * @param from the module that needs the other one
     * @param to the module it needs
     * @param kind what the need is
     * @param sources where the edge was found; copied, must not be empty
     * @param via the configuration words that name {@code to} through an alias; copied
     */
    public GraphEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        sources = List.copyOf(sources);
        via = List.copyOf(via);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an edge needs a source: " + from + " -> " + to);
        }
    }

    /**
     * An edge that names its target directly.
     *
     * @param from the module that needs the other one
     * @param to the module it needs
     * @param kind what the need is
     * @param sources where the edge was found; copied, must not be empty
     */
    public GraphEdge(String from, String to, EdgeKind kind, List<EdgeSource> sources) {
        this(from, to, kind, sources, List.of());
    }

    /**
     * An edge found in one place.
     *
     * @param from the module that needs the other one
     * @param to the module it needs
     * @param kind what the need is
     * @param source where it was found
     * @return the edge
     */
    public static GraphEdge of(String from, String to, EdgeKind kind, EdgeSource source) {
        return new GraphEdge(from, to, kind, List.of(source));
    }
}
