package io.github.jkmod.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.core.kernel.testing.FakeKernel.Call;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A compressed file whose data decompresses to something that is not ELF, on every route to the
 * kernel, as Linux and kmod 30 answer it: ENOEXEC ("Exec format error") whether the kernel or
 * jkmod decompresses it; EINVAL ("Invalid argument") only for data that does not decompress.
 */
class CompressedNonElfTest {
    private static final byte[] NOT_ELF = "not an ELF file\n".getBytes(StandardCharsets.US_ASCII);

    private FileSystem fs;
    private FakeKernelTree tree;
    private FakeKernel kernel;

    @BeforeEach
    void setUp() {
        fs = Jimfs.newFileSystem(Configuration.unix());
        tree = FakeKernelTree.at(fs.getPath("/root"));
        kernel = FakeKernel.on(tree);
    }

    @AfterEach
    void tearDown() throws Exception {
        fs.close();
    }

    /**
     * With {@code kernelMethod} in {@code sys/module/compression} (none when null), inserts
     * {@code content} as module m from {@code /m.ko}, checks the error and the text modprobe prints
     * for it ({@link KernelCallException#reason()}), and returns the calls the kernel saw.
     */
    private String failingCalls(String kernelMethod, byte[] content, Set<Force> force, String message,
            String reason) throws Exception {
        if (kernelMethod != null) {
            tree.compression(kernelMethod);
        }
        Path file = Files.write(fs.getPath("/m.ko"), content);
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> new ModuleLoader(kernel, tree.kernelState()).insert("m", file, "", force));
        assertEquals(message, e.getMessage());
        assertEquals(reason, e.reason());
        assertEquals(Phase.ABSENT, kernel.phase("m"));
        return kernel.calls().toString();
    }

    /** Linux's finit_module with MODULE_INIT_COMPRESSED_FILE: module_decompress, then the ELF check. */
    @Test
    void decompressedByTheKernel() throws Exception {
        assertEquals("[FINIT_MODULE(m, '', flags=4, /m.ko)]", failingCalls("xz", TestModules.xz(NOT_ELF), Set.of(),
                "finit_module 'm': ENOEXEC (Exec format error)", "Exec format error"));
    }

    @Test
    void corruptDataDecompressedByTheKernelIsEinval() throws Exception {
        byte[] bad = TestModules.xz(TestModules.ELF_STUB);
        bad[bad.length / 2] ^= (byte) 0xff;
        bad[bad.length / 2 + 1] ^= (byte) 0xff;
        assertEquals("[FINIT_MODULE(m, '', flags=4, /m.ko)]", failingCalls("xz", bad, Set.of(),
                "finit_module 'm': EINVAL (Invalid argument)", "Invalid argument"));
    }

    /** kmod 30 decompresses in user space and gives init_module what it got (seen with strace). */
    @Test
    void decompressedByJkmodForAKernelOfAnotherMethod() throws Exception {
        failingCalls("zstd", TestModules.gzip(NOT_ELF), Set.of(),
                "init_module 'm': ENOEXEC (Exec format error)", "Exec format error");
        List<FakeKernel.Invocation> calls = kernel.calls();
        assertEquals(List.of(Call.INIT_MODULE), calls.stream().map(FakeKernel.Invocation::call).toList());
        assertArrayEquals(NOT_ELF, calls.get(0).image());
    }

    @Test
    void decompressedByJkmodAfterEnosys() throws Exception {
        kernel.failAlways(Call.FINIT_MODULE, Errno.ENOSYS);
        assertEquals("[FINIT_MODULE(m, '', flags=4, /m.ko), INIT_MODULE(m, '', flags=0, 16 bytes)]",
                failingCalls("xz", TestModules.xz(NOT_ELF), Set.of(),
                        "init_module 'm': ENOEXEC (Exec format error)", "Exec format error"));
    }

    @Test
    void decompressedByJkmodWithoutInKernelDecompression() throws Exception {
        assertEquals("[INIT_MODULE(m, '', flags=0, 16 bytes)]", failingCalls(null, TestModules.xz(NOT_ELF), Set.of(),
                "init_module 'm': ENOEXEC (Exec format error)", "Exec format error"));
    }

    /** Forced: the edits need an ELF module, so jkmod stops before the kernel, as kmod 30 does. */
    @Test
    void forcedIsEnoexecBeforeInitModule() throws Exception {
        for (Force force : Force.values()) {
            assertEquals("[]", failingCalls(null, TestModules.xz(NOT_ELF), Set.of(force),
                    "force 'm': ENOEXEC (Exec format error)", "Exec format error"));
        }
    }

    /** Data that does not decompress in user space stays EINVAL, forced or not (kmod 30 too). */
    @Test
    void corruptDataDecompressedByJkmodIsEinval() throws Exception {
        byte[] garbage = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 'g', 'a', 'r', 'b'};
        for (Set<Force> force : List.of(Set.<Force>of(), Set.of(Force.VERMAGIC))) {
            assertEquals("[]", failingCalls(null, garbage, force,
                    "decompress 'm': EINVAL (Invalid argument)", "Invalid argument"));
        }
    }
}
