package io.github.jkmod.core.config;

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
    /** Copies the list. */
    public WeakdepEntry {
        Objects.requireNonNull(module, "module");
        deps = List.copyOf(deps);
    }

    /** Whether this entry applies to {@code name} (fnmatch of {@link #module()} against it). */
    public boolean matches(String name) {
        return Fnmatch.matches(module, name);
    }
}
