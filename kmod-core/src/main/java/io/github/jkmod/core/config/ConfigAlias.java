package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import java.util.Objects;

/**
 * One {@code alias PATTERN MODULE} line of the configuration.
 *
 * @param pattern the alias, an fnmatch pattern, normalised ({@code -} to {@code _} outside
 *     {@code [...]})
 * @param module the module name it stands for, normalised the same way
 */
public record ConfigAlias(String pattern, String module) {
    /**
     * Checks that both parts are present.
     *
     * @param pattern the alias pattern, normalised
     * @param module the module name, normalised
     */
    public ConfigAlias {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(module, "module");
    }

    /**
     * Whether {@code name} (already normalised) matches this alias pattern, as glibc fnmatch.
     *
     * @param name the name to test, normalised
     * @return true when the pattern matches all of {@code name}
     */
    public boolean matches(String name) {
        return Fnmatch.matchesLatin1(pattern, name);
    }
}
