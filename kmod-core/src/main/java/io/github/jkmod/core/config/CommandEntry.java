package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import java.util.Objects;

/**
 * One {@code install MODULE CMD...} or {@code remove MODULE CMD...} line of the configuration.
 *
 * @param module the module name, normalised; an fnmatch pattern (the first entry whose pattern
 *     matches a module wins)
 * @param command the rest of the line exactly as written after the single blank that ends the
 *     module name (blanks and tabs kept), meant for {@code /bin/sh -c}
 */
public record CommandEntry(String module, String command) {
    /**
     * Checks that both parts are present.
     *
     * @param module the module name pattern, normalised
     * @param command the shell command, as written
     */
    public CommandEntry {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(command, "command");
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
