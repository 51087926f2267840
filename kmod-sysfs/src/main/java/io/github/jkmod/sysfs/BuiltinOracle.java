package io.github.jkmod.sysfs;

import io.github.jkmod.KmodException;

/**
 * Answers whether a module is compiled into the kernel. {@code kmod-core} answers it from
 * {@code modules.builtin.bin}; tests answer it from a set of names. Used by
 * {@link InitstateLogic#KMOD_20} only.
 */
@FunctionalInterface
public interface BuiltinOracle {

    /**
     * Whether {@code module} (its kernel name, with underscores) is builtin.
     *
     * @throws KmodException when the answer cannot be read (e.g. a corrupt index)
     */
    boolean isBuiltin(String module) throws KmodException;

    /** An oracle for which no module is builtin (the default of a {@link KernelState}). */
    static BuiltinOracle none() {
        // A class, not a lambda: every KernelState starts with this one, and linking a lambda
        // costs start-up time.
        return new BuiltinOracle() {
            @Override
            public boolean isBuiltin(String module) {
                return false;
            }
        };
    }

    /**
     * Wraps {@code oracle} so that it is asked at most once per module, even from many threads at
     * once; answers are kept for the life of the returned oracle. A failure is not kept: the next
     * question about that module asks again. Wrapping a caching oracle returns it unchanged.
     */
    static BuiltinOracle caching(BuiltinOracle oracle) {
        if (oracle instanceof CachingBuiltinOracle) {
            return oracle;
        }
        return new CachingBuiltinOracle(oracle);
    }
}
