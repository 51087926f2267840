package io.github.jkmod.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A kernel module as lookup found it: its name and, when it was found through an alias (a
 * configuration {@code alias} line, {@code modules.alias}, {@code modules.symbols} or
 * {@code modules.builtin.alias}), that alias. Two modules are the same entry of a load plan only
 * when both name and alias are equal, as in the reference implementation.
 *
 * @param name the module name ({@code -} already {@code _})
 * @param alias the alias it was found by, if any
 */
public record Module(String name, Optional<String> alias) {

    /** Checks the components. */
    public Module {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
    }

    /** A module found by its own name. */
    public static Module named(String name) {
        return new Module(name, Optional.empty());
    }

    /** A module found through {@code alias}. */
    public static Module viaAlias(String name, String alias) {
        return new Module(name, Optional.of(alias));
    }

    @Override
    public String toString() {
        return alias.map(a -> name + " (alias " + a + ")").orElse(name);
    }
}
