package io.github.jkmod.core.config;

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
    /** Copies the lists. */
    public SoftdepEntry {
        Objects.requireNonNull(module, "module");
        pre = List.copyOf(pre);
        post = List.copyOf(post);
    }

    /** Whether this entry applies to {@code name} (fnmatch of {@link #module()} against it). */
    public boolean matches(String name) {
        return Fnmatch.matches(module, name);
    }
}
