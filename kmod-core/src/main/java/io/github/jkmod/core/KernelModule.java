package io.github.jkmod.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A kernel module as lookup found it: its name and, when it was found through an alias (a
 * configuration {@code alias} line, {@code modules.alias}, {@code modules.symbols} or
 * {@code modules.builtin.alias}), that alias. Two modules are the same entry of a load plan only
 * when both name and alias are equal, as in the reference implementation.
 *
 * <p>A module given as a file ({@link KmodContext#moduleAtPath}, kmod 34's {@code modprobe ./m.ko})
 * carries that file: it is inserted from there, with the dependencies, options and softdeps of its
 * name.
 *
 * @param name the module name ({@code -} already {@code _})
 * @param alias the alias it was found by, if any
 * @param file the file it was given as, if any (then it has no alias)
 */
public record KernelModule(String name, Optional<String> alias, Optional<Path> file) {

    /**
     * Checks the components.
     *
     * @param name the module name
     * @param alias the alias it was found by, or empty
     * @param file the file it was given as, or empty
     */
    public KernelModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(file, "file");
    }

    /**
     * A module found by its name or through an alias (no file).
     *
     * @param name the module name
     * @param alias the alias it was found by, if any
     */
    public KernelModule(String name, Optional<String> alias) {
        this(name, alias, Optional.empty());
    }

    /**
     * A module found by its own name.
     *
     * @param name the module name
     * @return the module, with no alias and no file
     */
    public static KernelModule named(String name) {
        return new KernelModule(name, Optional.empty());
    }

    /**
     * A module found through {@code alias}.
     *
     * @param name the module name
     * @param alias the alias the module was found by
     * @return the module, with that alias and no file
     */
    public static KernelModule viaAlias(String name, String alias) {
        return new KernelModule(name, Optional.of(alias));
    }

    // equals and hashCode written out: the generated ones link through an invokedynamic bootstrap
    // (ObjectMethods) on first use, which costs milliseconds of start-up for every load plan.
    @Override
    public boolean equals(Object o) {
        return o instanceof KernelModule m && name.equals(m.name) && alias.equals(m.alias) && file.equals(m.file);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + alias.hashCode()) + file.hashCode();
    }

    @Override
    public String toString() {
        return file.isPresent() ? name + " (file " + file.get() + ")"
                : alias.isPresent() ? name + " (alias " + alias.get() + ")" : name;
    }
}
