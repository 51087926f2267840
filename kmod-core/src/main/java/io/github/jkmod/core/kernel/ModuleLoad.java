package io.github.jkmod.core.kernel;

import io.github.jkmod.KmodException;
import io.github.jkmod.sysfs.InitstateLogic;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.ModuleState;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The per-module step of a probe: insert a module unless it is already in the kernel
 * (docs/semantics.md). Thread-safe; many loaders may run it for the same module at once.
 *
 * <p>"In the kernel" means {@link ModuleState#LIVE} or {@link ModuleState#BUILTIN} as the state's
 * {@link InitstateLogic} reads them. With {@link InitstateLogic#KMOD_20} (the default) a module whose
 * directory exists without {@code initstate} is {@code COMING}, not in the kernel: the insertion is
 * made, the kernel makes it wait for the first load, then answers {@code EEXIST}, which counts as
 * success; so success means "live". With {@link InitstateLogic#KMOD_18} that window reads as
 * {@code BUILTIN} and the step returns at once, possibly before the module is live: the race kept
 * to show it.
 */
public final class ModuleLoad {

    /** How the step ended (all are success). */
    public enum Outcome {
        /** The state said the module was live or builtin: nothing was called. */
        IN_KERNEL,
        /** This call inserted it. */
        INSERTED,
        /** The kernel answered {@code EEXIST}: another load got there first (and, if it was still running, finished). */
        ALREADY_LOADED
    }

    private final ModuleLoader loader;
    private final KernelState state;

    /**
     * A step that reads module states with the loader's state (and its logic).
     *
     * @param loader the loader that makes the system calls and whose state is read
     */
    public ModuleLoad(ModuleLoader loader) {
        this(loader, loader.state().logic());
    }

    /**
     * A step that reads module states with {@code logic}.
     *
     * @param loader the loader that makes the system calls
     * @param logic how to read module states
     */
    public ModuleLoad(ModuleLoader loader, InitstateLogic logic) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.state = loader.state().withLogic(Objects.requireNonNull(logic, "logic"));
    }

    /**
     * The logic module states are read with.
     *
     * @return the logic in use
     */
    public InitstateLogic logic() {
        return state.logic();
    }

    /**
     * Loads {@code module} from {@code file} unless it is in the kernel.
     *
     * @param ignoreLoaded insert without asking the state first
     * @param module the module's name
     * @param file the module file, compressed or not
     * @param options the module parameters, {@code ""} for none
     * @param force the version checks to skip; empty for none
     * @return how it ended; never {@code null}
     * @throws KernelCallException when the insertion fails with anything but {@code EEXIST}
     * @throws KmodException when the state cannot be read or no system call can be made
     */
    public Outcome loadIfNeeded(String module, Path file, String options, Set<Force> force, boolean ignoreLoaded)
            throws KmodException {
        if (!ignoreLoaded && isInKernel(state.state(module))) {
            return Outcome.IN_KERNEL;
        }
        try {
            loader.insert(module, file, options, force);
            return Outcome.INSERTED;
        } catch (KernelCallException e) {
            if (e.errno() == Errno.EEXIST) {
                return Outcome.ALREADY_LOADED;
            }
            throw e;
        }
    }

    /**
     * Loads {@code module} from {@code file} unless it is in the kernel, with no force and asking
     * the state.
     *
     * @param module the module's name
     * @param file the module file, compressed or not
     * @param options the module parameters, {@code ""} for none
     * @return how it ended; never {@code null}
     * @throws KmodException when the insertion fails with anything but {@code EEXIST}, or the state
     *     cannot be read
     */
    public Outcome loadIfNeeded(String module, Path file, String options) throws KmodException {
        return loadIfNeeded(module, file, options, Set.of(), false);
    }

    /**
     * {@link ModuleState#LIVE} and {@link ModuleState#BUILTIN} are in the kernel; {@code COMING} is
     * not.
     *
     * @param s a module state
     * @return true for live and builtin modules
     */
    public static boolean isInKernel(ModuleState s) {
        return s == ModuleState.LIVE || s == ModuleState.BUILTIN;
    }
}
