package io.github.jkmod.core.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static io.github.jkmod.testsupport.Prerequisites.require;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.testsupport.FetchedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real system calls through JNA. The calls that reach the kernel run only where the kernel has
 * no module support ({@code /proc/modules} absent: every call answers ENOSYS), never where they
 * could load or remove something.
 */
class JnaKernelCallsTest {

    private static JnaKernelCalls calls;

    @BeforeAll
    static void load() throws KmodException {
        require(Files.isDirectory(Path.of("/proc/self")), "needs Linux");
        calls = JnaKernelCalls.create();
    }

    private static void assumeNoModuleSupport() {
        assumeFalse(Files.exists(Path.of("/proc/modules")),
                "the kernel has module support: the real calls would load or remove modules");
    }

    private static Path someModule(Path dir) throws Exception {
        Optional<Path> real = FetchedTree.find().map(t -> t.moduleDir().resolve("kernel/lib/crc16.ko"))
                .filter(Files::isRegularFile);
        if (real.isPresent()) {
            return real.get();
        }
        Path file = dir.resolve("fake.ko");
        Files.write(file, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        return file;
    }

    @Test
    void finitModuleAnswersEnosysWithoutModuleSupport(@TempDir Path dir) throws Exception {
        assumeNoModuleSupport();
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> calls.finitModule("crc16", someModule(dir), "", 0));
        assertEquals(Errno.ENOSYS, e.errno());
        assertEquals("ENOSYS", e.errnoName());
        assertEquals("finit_module 'crc16': ENOSYS (Function not implemented)", e.getMessage());
        assertEquals("Function not implemented", e.reason());
    }

    @Test
    void initModuleAnswersEnosysWithoutModuleSupport(@TempDir Path dir) throws Exception {
        assumeNoModuleSupport();
        byte[] image = Files.readAllBytes(someModule(dir));
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> calls.initModule("crc16", image, "foo=1"));
        assertEquals("init_module 'crc16': ENOSYS (Function not implemented)", e.getMessage());
    }

    @Test
    void deleteModuleAnswersEnosysWithoutModuleSupport() {
        assumeNoModuleSupport();
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> calls.deleteModule("crc16", KernelCalls.DELETE_NONBLOCK | KernelCalls.DELETE_FORCE));
        assertEquals("delete_module 'crc16': ENOSYS (Function not implemented)", e.getMessage());
    }

    @Test
    void systemCallsGoThroughJna() {
        assumeNoModuleSupport();
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> KernelCalls.system().deleteModule("crc16", KernelCalls.DELETE_NONBLOCK));
        assertEquals(Errno.ENOSYS, e.errno());
    }

    @Test
    void missingFileIsOpenEnoent(@TempDir Path dir) {
        Path missing = dir.resolve("missing.ko");
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> calls.finitModule("missing", missing, "", 0));
        assertEquals("open 'missing': ENOENT (No such file or directory)", e.getMessage());
        assertEquals("Unknown symbol in module, or unknown parameter (see dmesg)", e.reason());
    }

    @Test
    void errnoTableIsGlibcs() {
        for (int errno = 1; errno <= 133; errno++) {
            assertEquals(calls.libcStrerror(errno), Errno.strerror(errno), "errno " + errno);
        }
    }
}
