package io.github.jkmod.sysfs;

import io.github.jkmod.KmodException;

/**
 * Answers whether a module is compiled into the kernel: {@link #fromIndex} and
 * {@link #runningKernel} answer from {@code modules.builtin.bin}, tests from a set of names. Asked
 * by {@link KernelState#state} before {@code /sys} under both {@linkplain InitstateLogic logics}, as
 * kmod 18 and kmod 20 both did.
 */
@FunctionalInterface
public interface BuiltinOracle {

    /**
     * Whether {@code module} (its kernel name, with underscores) is builtin.
     *
     * @param module the module's kernel name, e.g. {@code printk}
     * @return true when the kernel has the module built in
     * @throws KmodException when the answer cannot be read (e.g. a corrupt index)
     */
    boolean isBuiltin(String module) throws KmodException;

    /**
     * An oracle for which no module is builtin.
     *
     * @return an oracle that answers false for every module and never fails
     */
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
     * The oracle of a module directory: a module is builtin when {@code modules.builtin.bin} (or,
     * without it, the text {@code modules.builtin}) of {@code directory} lists it. A directory
     * without either lists none. The index is opened on the first question.
     *
     * @param directory the module directory, e.g. {@code ModuleDirectory.open(root, release)}
     * @return the oracle
     */
    static BuiltinOracle fromIndex(io.github.jkmod.index.ModuleDirectory directory) {
        return IndexBuiltinOracle.of(directory);
    }

    /**
     * The oracle of the kernel running under {@code root} (the default of {@link KernelState#system()}
     * and {@link KernelState#ofRoot}): its release is read from {@code ROOT/proc/sys/kernel/osrelease}
     * (for the root {@code /}, the JVM's {@code os.version} when that file cannot be read), and its
     * {@code modules.builtin.bin} under {@code ROOT/lib/modules/RELEASE} (else
     * {@code ROOT/usr/lib/modules/RELEASE}) answers, as {@link #fromIndex}. Nothing is read before
     * the first question; with no release or no index, no module is builtin.
     *
     * @param root the root of the system, {@code /} for this machine
     * @return the oracle
     */
    static BuiltinOracle runningKernel(java.nio.file.Path root) {
        return IndexBuiltinOracle.runningKernel(root);
    }

    /**
     * Wraps {@code oracle} so that it is asked at most once per module, even from many threads at
     * once; answers are kept for the life of the returned oracle. A failure is not kept: the next
     * question about that module asks again. Wrapping a caching oracle returns it unchanged.
     *
     * @param oracle the oracle to ask on a cache miss
     * @return the caching oracle, or {@code oracle} itself when it already caches
     */
    static BuiltinOracle caching(BuiltinOracle oracle) {
        if (oracle instanceof CachingBuiltinOracle) {
            return oracle;
        }
        return new CachingBuiltinOracle(oracle);
    }
}
