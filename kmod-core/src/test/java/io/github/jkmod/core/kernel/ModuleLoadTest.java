package io.github.jkmod.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.core.kernel.ModuleLoad.Outcome;
import io.github.jkmod.core.kernel.testing.FakeKernel.Call;
import io.github.jkmod.core.testsupport.FakeKernelTestBase;
import io.github.jkmod.sysfs.InitstateLogic;
import io.github.jkmod.sysfs.ModuleState;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-module probe step on a fake kernel. */
class ModuleLoadTest extends FakeKernelTestBase {
    ModuleLoadTest() {
        super("/m.ko", TestModules.ELF_STUB);
    }

    private ModuleLoad load(InitstateLogic logic) {
        return new ModuleLoad(new ModuleLoader(kernel, tree.kernelState()), logic);
    }

    @Test
    void notLoadedIsInserted() throws Exception {
        assertEquals(Outcome.INSERTED, load(InitstateLogic.KMOD_20).loadIfNeeded("m", ko, "a=1"));
        assertEquals(Phase.LIVE, kernel.phase("m"));
        assertEquals("[FINIT_MODULE(m, 'a=1', flags=0, /m.ko)]", kernel.calls().toString());
    }

    @Test
    void liveAndBuiltinAreInKernelWithoutACall() throws Exception {
        tree.module("m").live();
        tree.module("b").builtin();
        for (InitstateLogic logic : InitstateLogic.values()) {
            assertEquals(Outcome.IN_KERNEL, load(logic).loadIfNeeded("m", ko, ""), logic.cliName());
            assertEquals(Outcome.IN_KERNEL, load(logic).loadIfNeeded("b", ko, ""), logic.cliName());
        }
        assertEquals(List.of(), kernel.calls());
    }

    @Test
    void theWindowIsComingForKmod20AndBuiltinForKmod18() throws Exception {
        tree.module("m").inWindow();
        assertEquals(ModuleState.COMING, tree.kernelState().withLogic(InitstateLogic.KMOD_20).state("m"));
        assertEquals(Outcome.IN_KERNEL, load(InitstateLogic.KMOD_18).loadIfNeeded("m", ko, ""));
        assertEquals(List.of(), kernel.calls());
        // kmod-20 calls the kernel (here nothing is loading, so the fake kernel loads it).
        tree.module("m").remove();
        tree.module("m").inWindow();
        assertEquals(Outcome.INSERTED, load(InitstateLogic.KMOD_20).loadIfNeeded("m", ko, ""));
        assertEquals(1, kernel.calls().size());
    }

    @Test
    void eexistIsSuccess() throws Exception {
        tree.module("m").live();
        assertEquals(Outcome.ALREADY_LOADED, load(InitstateLogic.KMOD_20).loadIfNeeded("m", ko, "", Set.of(), true));
        assertEquals(1, kernel.calls().size());
    }

    @Test
    void defaultLogicIsTheStatesLogic() {
        ModuleLoader loader = new ModuleLoader(kernel, tree.kernelState().withLogic(InitstateLogic.KMOD_18));
        assertEquals(InitstateLogic.KMOD_18, new ModuleLoad(loader).logic());
        assertEquals(InitstateLogic.KMOD_20, new ModuleLoad(new ModuleLoader(kernel, tree.kernelState())).logic());
    }

    @Test
    void kernelWithoutModuleSupport() {
        kernel.failAlways(Call.FINIT_MODULE, Errno.ENOSYS).failAlways(Call.INIT_MODULE, Errno.ENOSYS);
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> load(InitstateLogic.KMOD_20).loadIfNeeded("m", ko, ""));
        assertEquals("init_module 'm': ENOSYS (Function not implemented)", e.getMessage());
        assertEquals("Function not implemented", e.reason());
        assertEquals("[FINIT_MODULE(m, '', flags=0, /m.ko), INIT_MODULE(m, '', flags=0, 16 bytes)]",
                kernel.calls().toString());
    }

    @Test
    void otherErrorsFail() {
        kernel.failNext(Call.FINIT_MODULE, Errno.ENOEXEC);
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> load(InitstateLogic.KMOD_20).loadIfNeeded("m", ko, ""));
        assertEquals("Exec format error", e.reason());
        assertEquals(Phase.ABSENT, kernel.phase("m"));
    }
}
