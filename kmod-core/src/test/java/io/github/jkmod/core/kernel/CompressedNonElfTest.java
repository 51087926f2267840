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

    private KernelCallException insertFails(Path file, Set<Force> force) {
        return assertThrows(KernelCallException.class,
                () -> new ModuleLoader(kernel, tree.kernelState()).insert("m", file, "", force));
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(fs.getPath("/" + name), content);
    }

    /** Linux's finit_module with MODULE_INIT_COMPRESSED_FILE: module_decompress, then the ELF check. */
    @Test
    void decompressedByTheKernel() throws Exception {
        tree.compression("xz");
        Path file = write("m.ko.xz", TestModules.xz(NOT_ELF));
        KernelCallException e = insertFails(file, Set.of());
        assertEquals("finit_module 'm': ENOEXEC (Exec format error)", e.getMessage());
        assertEquals("Exec format error", e.reason());
        assertEquals("[FINIT_MODULE(m, '', flags=4, /m.ko.xz)]", kernel.calls().toString());
        assertEquals(Phase.ABSENT, kernel.phase("m"));
    }

    @Test
    void corruptDataDecompressedByTheKernelIsEinval() throws Exception {
        tree.compression("xz");
        byte[] bad = TestModules.xz(TestModules.ELF_STUB);
        bad[bad.length / 2] ^= (byte) 0xff;
        bad[bad.length / 2 + 1] ^= (byte) 0xff;
        KernelCallException e = insertFails(write("m.ko.xz", bad), Set.of());
        assertEquals("finit_module 'm': EINVAL (Invalid argument)", e.getMessage());
        assertEquals("Invalid argument", e.reason());
    }

    /** kmod 30 decompresses in user space and gives init_module what it got (seen with strace). */
    @Test
    void decompressedByJkmodForAKernelOfAnotherMethod() throws Exception {
        tree.compression("zstd");
        Path file = write("m.ko.gz", TestModules.gzip(NOT_ELF));
        KernelCallException e = insertFails(file, Set.of());
        assertEquals("init_module 'm': ENOEXEC (Exec format error)", e.getMessage());
        assertEquals("Exec format error", e.reason());
        assertEquals(1, kernel.calls().size());
        assertEquals(Call.INIT_MODULE, kernel.calls().get(0).call());
        assertArrayEquals(NOT_ELF, kernel.calls().get(0).image());
    }

    @Test
    void decompressedByJkmodAfterEnosys() throws Exception {
        tree.compression("xz");
        kernel.failAlways(Call.FINIT_MODULE, Errno.ENOSYS);
        Path file = write("m.ko.xz", TestModules.xz(NOT_ELF));
        KernelCallException e = insertFails(file, Set.of());
        assertEquals("init_module 'm': ENOEXEC (Exec format error)", e.getMessage());
        assertEquals("[FINIT_MODULE(m, '', flags=4, /m.ko.xz), INIT_MODULE(m, '', flags=0, 16 bytes)]",
                kernel.calls().toString());
    }

    @Test
    void decompressedByJkmodWithoutInKernelDecompression() throws Exception {
        KernelCallException e = insertFails(write("m.ko.xz", TestModules.xz(NOT_ELF)), Set.of());
        assertEquals("init_module 'm': ENOEXEC (Exec format error)", e.getMessage());
    }

    /** Forced: the edits need an ELF module, so jkmod stops before the kernel, as kmod 30 does. */
    @Test
    void forcedIsEnoexecBeforeInitModule() throws Exception {
        Path file = write("m.ko.xz", TestModules.xz(NOT_ELF));
        for (Force force : Force.values()) {
            KernelCallException e = insertFails(file, Set.of(force));
            assertEquals("force 'm': ENOEXEC (Exec format error)", e.getMessage());
            assertEquals("Exec format error", e.reason());
        }
        assertEquals("[]", kernel.calls().toString());
    }

    /** Data that does not decompress in user space stays EINVAL, forced or not (kmod 30 too). */
    @Test
    void corruptDataDecompressedByJkmodIsEinval() throws Exception {
        Path file = write("m.ko.xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 'g', 'a', 'r', 'b'});
        for (Set<Force> force : java.util.List.of(Set.<Force>of(), Set.of(Force.VERMAGIC))) {
            KernelCallException e = insertFails(file, force);
            assertEquals("decompress 'm': EINVAL (Invalid argument)", e.getMessage());
            assertEquals("Invalid argument", e.reason());
        }
        assertEquals("[]", kernel.calls().toString());
    }
}
