package io.github.jkmod.core.graph;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One module of a {@link ModuleGraph}.
 *
 * @param name the module name ({@code _}, not {@code -}), or for a {@link NodeMark#NOT_FOUND}
 *     softdep or weakdep the name as the configuration writes it
 * @param mark builtin, loaded, a module file to load, or not found
 * @param file its file from {@code modules.dep}, when it has one
 * @param requested true for the modules the graph was asked for (found by a name or alias given)
 * @param planned true when the load plan of a requested module lists it (false for weakdeps, which
 *     modprobe never loads, and for softdep names that nothing answers)
 */
public record GraphNode(String name, NodeMark mark, Optional<Path> file, boolean requested, boolean planned) {
    /**
     * Checks the components.
     *
     * @param name the module name
     * @param mark what the module is
     * @param file its file, or empty
     * @param requested whether it was asked for
     * @param planned whether a load plan lists it
     */
    public GraphNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(file, "file");
    }
}
