package io.github.jkmod.core;

import java.util.Optional;

/** Name handling shared by lookup and planning: adapters over the index layer's rules. */
final class Names {
    private Names() {
    }

    /** The alias-normalised query, or empty when the alias is invalid (unbalanced brackets). */
    static Optional<String> normalizeAlias(String query) {
        return io.github.jkmod.index.Aliases.tryNormalize(query);
    }

    /** glibc fnmatch with flags 0. */
    static boolean fnmatch(String pattern, String string) {
        return io.github.jkmod.index.Fnmatch.matches(pattern, string);
    }

    /** The module name of a file path: basename, cut at the first '.', '-' to '_'. */
    static String fromFile(String path) {
        return io.github.jkmod.index.Aliases.moduleNameFromFile(path);
    }
}
