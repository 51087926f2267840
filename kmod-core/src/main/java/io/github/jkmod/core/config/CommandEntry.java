package io.github.jkmod.core.config;

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
    /** Checks that both parts are present. */
    public CommandEntry {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(command, "command");
    }

    /** Whether this entry applies to {@code name} (fnmatch of {@link #module()} against it). */
    public boolean matches(String name) {
        return Fnmatch.matches(module, name);
    }
}
