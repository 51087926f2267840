package io.github.jkmod.index;

import java.util.List;

/**
 * One line of {@code modules.dep}: a module file and the files it needs.
 *
 * @param path the module file, relative to the module directory (or absolute for an external module)
 * @param dependencies the transitive dependencies as listed (load them from the last to the first)
 */
public record DepEntry(String path, List<String> dependencies) {
    /**
     * Copies the list.
     *
     * @param path the module file, relative to the module directory or absolute
     * @param dependencies the module files it depends on, as listed; copied
     */
    public DepEntry {
        if (path == null) {
            throw new NullPointerException("path");
        }
        dependencies = List.copyOf(dependencies);
    }

    /**
     * The module name: the file's base name cut at the first {@code .}, {@code -} as {@code _}.
     *
     * @return the module name of {@link #path()}, e.g. {@code snd_hda_intel} for {@code
     *     .../snd-hda-intel.ko.xz}
     */
    public String module() {
        return ModuleNames.fromPath(path);
    }

    /**
     * The line as depmod writes it and stores it in {@code modules.dep.bin}:
     * {@code path:} followed by {@code " " + dependency} for each dependency.
     *
     * @return the text of the entry in {@code modules.dep} syntax, without the newline
     */
    public String line() {
        StringBuilder line = new StringBuilder(path).append(':');
        for (String dep : dependencies) {
            line.append(' ').append(dep);
        }
        return line.toString();
    }
}
