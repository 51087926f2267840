package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.index.ModuleDirectory;
import io.github.jkmod.sysfs.BuiltinOracle;
import io.github.jkmod.sysfs.InitstateLogic;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.ModuleState;
import java.nio.file.Path;

/** KernelModule state for a context: sysfs under the root, builtins from the module directory. */
final class ModuleStates {
    private final BuiltinOracle builtins;
    private final KernelState kernel;

    ModuleStates(Path root, InitstateLogic logic, ModuleDirectory directory) {
        this.builtins = BuiltinOracle.caching(BuiltinOracle.fromIndex(directory));
        this.kernel = KernelState.ofRoot(root).withLogic(logic).withBuiltinOracle(builtins);
    }

    InitstateLogic logic() {
        return kernel.logic();
    }

    KernelState kernel() {
        return kernel;
    }

    boolean isBuiltin(String name) throws KmodException {
        return builtins.isBuiltin(name);
    }

    /** The state; {@link ModuleState#NOT_LOADED} for a name no module can have (see {@link Names#isDirectoryName}). */
    ModuleState state(String name) throws KmodException {
        if (!Names.isDirectoryName(name)) {
            return ModuleState.NOT_LOADED;
        }
        return kernel.state(name);
    }

    boolean isInKernel(String name) throws KmodException {
        ModuleState s = state(name);
        return s == ModuleState.LIVE || s == ModuleState.BUILTIN;
    }
}
