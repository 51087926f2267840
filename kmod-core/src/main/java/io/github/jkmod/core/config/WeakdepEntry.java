package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import java.util.List;
import java.util.Objects;

/**
 * One {@code weakdep MODULE A B...} line (kmod 33 and later; kmod 30 rejects the command, see
 * {@link ConfigLoader.Builder#weakdeps(boolean)}).
 *
 * @param module the module name, normalised
 * @param deps the weak dependencies in the order written, not normalised
 */
public record WeakdepEntry(String module, List<String> deps) {
    /**
     * Copies the list.
     *
     * @param module the module name pattern, normalised
     * @param deps the weak dependencies; copied
     */
    public WeakdepEntry {
        Objects.requireNonNull(module, "module");
        deps = List.copyOf(deps);
    }

    /**
     * Whether this entry applies to {@code name} (fnmatch of {@link #module()} against it).
     *
     * @param name the module name to test, normalised
     * @return true when this entry's pattern matches all of {@code name}
     */
    public boolean matches(String name) {
        return Fnmatch.matchesLatin1(module, name);
    }
}
