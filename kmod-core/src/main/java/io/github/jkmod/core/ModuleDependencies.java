package io.github.jkmod.core;

import java.nio.file.Path;
import java.util.List;

/**
 * A module's line of {@code modules.dep}: its file and the files of its dependencies.
 *
 * @param name the module name
 * @param file the module file, resolved against the module directory
 * @param dependencies the dependencies in the order they must be loaded (the reverse of the line:
 *     the last listed is loaded first)
 */
public record ModuleDependencies(String name, Path file, List<Dependency> dependencies) {

    /**
     * Copies the list.
     *
     * @param name the module name
     * @param file the module file
     * @param dependencies the dependencies in load order; copied
     */
    public ModuleDependencies {
        dependencies = List.copyOf(dependencies);
    }

    /**
     * One dependency of a module.
     *
     * @param name the dependency's module name (from its file name)
     * @param file its file, resolved against the module directory
     */
    public record Dependency(String name, Path file) {
    }
}
