package io.github.jkmod.core.depmod;

import java.util.ArrayList;
import java.util.List;

/** One module of a depmod run: where it is, what its file says, and its place in the graph. */
final class ModuleRecord {
    final String name;
    /** The full path, as depmod builds it (directory + "/" + relative names). */
    final String path;
    /** The path relative to the module directory, or null for a module outside it. */
    final String relpath;
    /** The relative path cut after the module name plus {@code .ko}, the key of modules.order. */
    final String uncrelpath;
    /** Index of the last '/' of {@link #path}. */
    final int baselen;
    int sortIdx;
    int idx;
    int depSortIdx = Integer.MAX_VALUE;
    int users;
    boolean visited;
    ModuleContents contents = ModuleContents.EMPTY;
    /** Direct dependencies, unique, in the order their symbols were met (then sorted). */
    final List<ModuleRecord> deps = new ArrayList<>(4);

    ModuleRecord(String name, String path, String dirname) {
        this.name = name;
        this.path = path;
        this.baselen = path.lastIndexOf('/');
        if (path.startsWith(dirname) && path.length() > dirname.length() && path.charAt(dirname.length()) == '/') {
            relpath = path.substring(dirname.length() + 1);
            int end = baselen - dirname.length() - 1 + 1 + name.length() + 3;
            uncrelpath = relpath.substring(0, Math.min(end, relpath.length()));
        } else {
            relpath = null;
            uncrelpath = null;
        }
    }

    /** The path written in modules.dep: relative when inside the module directory. */
    String outputPath() {
        return relpath != null ? relpath : path;
    }
}
