package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import java.util.List;
import java.util.Objects;

/**
 * One {@code softdep MODULE pre: A B post: C} line of the configuration (or of
 * {@code modules.softdep}).
 *
 * @param module the module name, normalised; an fnmatch pattern (the first entry whose pattern
 *     matches a module wins, even when its lists are empty)
 * @param pre the modules to load before, in the order written, NOT normalised (they are looked up
 *     like any name given to modprobe)
 * @param post the modules to load after, in the order written, not normalised
 */
public record SoftdepEntry(String module, List<String> pre, List<String> post) {
    /**
     * Copies the lists.
     *
     * @param module the module name pattern, normalised
     * @param pre the modules to load before; copied
     * @param post the modules to load after; copied
     */
    public SoftdepEntry {
        Objects.requireNonNull(module, "module");
        pre = List.copyOf(pre);
        post = List.copyOf(post);
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
