package io.github.jkmod.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of a downstream test written with the kit (keep both in step). */
class KitExampleTest {

    @Test
    void moduleInItsSysfsWindowIsComingNotBuiltin(@TempDir Path root) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(root);
        tree.module("ext4").live().parameter("debug", "0");
        tree.module("jbd2").live().holder("ext4");         // ext4 uses jbd2: refcount 1
        tree.module("fuse").inWindow();                    // directory, no initstate yet
        KernelState kernel = tree.kernelState();           // kmod-20 logic by default
        assertEquals(List.of("ext4"), kernel.holders("jbd2"));
        assertEquals(1, kernel.refcount("jbd2").getAsInt());
        assertEquals(ModuleState.COMING, kernel.state("fuse"));
        assertEquals(ModuleState.BUILTIN, kernel.withLogic(InitstateLogic.KMOD_18).state("fuse"));
    }
}
