package io.github.jkmod.core;

import io.github.jkmod.index.Aliases;
import io.github.jkmod.index.Fnmatch;
import io.github.jkmod.index.InvalidAliasException;
import io.github.jkmod.index.ModuleNames;
import java.util.Optional;

/** Name handling shared by lookup and planning: adapters over the index layer's rules. */
final class Names {
    private Names() {
    }

    /**
     * The alias-normalised query, or empty when the alias is invalid (unbalanced brackets): the
     * reference then finds nothing and reports the module as not found.
     */
    static Optional<String> normalizeAlias(String query) {
        try {
            return Optional.of(Aliases.normalize(query));
        } catch (InvalidAliasException e) {
            return Optional.empty();
        }
    }

    /** glibc fnmatch with flags 0. */
    static boolean fnmatch(String pattern, String string) {
        return Fnmatch.matchesLatin1(pattern, string);
    }

    /**
     * Whether {@code name} can name a directory under {@code sys/module}: not empty, not {@code .}
     * or {@code ..}, no {@code /} and no NUL. The kernel never gives a module such a name; one
     * that comes from the configuration (e.g. {@code alias x ../y}) names no loaded module, and
     * jkmod never resolves it against {@code sys/module}.
     */
    static boolean isDirectoryName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
    }

    /** The module name of a file path: basename, cut at the first '.', '-' to '_'. */
    static String fromFile(String path) {
        return ModuleNames.fromPath(path);
    }
}
