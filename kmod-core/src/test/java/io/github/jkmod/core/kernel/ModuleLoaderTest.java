package io.github.jkmod.core.kernel;

import static io.github.jkmod.core.kernel.TestModules.ELF_STUB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.github.jkmod.core.modinfo.ModuleFile;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** The insert path of docs/semantics.md, checked on the calls a loader makes (Mockito). */
class ModuleLoaderTest {

    @TempDir
    Path dir;

    private FakeKernelTree tree;
    private KernelCalls calls;

    @BeforeEach
    void setUp() {
        tree = FakeKernelTree.at(dir.resolve("root"));
        calls = mock(KernelCalls.class);
    }

    private ModuleLoader loader() {
        return new ModuleLoader(calls, tree.kernelState());
    }

    private static KernelCallException error(String op, int errno) {
        return new KernelCallException(op, "m", errno);
    }

    @Test
    void uncompressedFileGoesToFinitWithoutFlags() throws Exception {
        Path file = TestModules.write(dir, "m.ko", ELF_STUB);
        loader().insert("m", file, "a=1", Set.of());
        verify(calls).finitModule("m", file, "a=1", 0);
        verifyNoMoreInteractions(calls);
    }

    @Test
    void forceFlagsGoToFinit() throws Exception {
        Path file = TestModules.write(dir, "m.ko", ELF_STUB);
        loader().insert("m", file, "", EnumSet.allOf(Force.class));
        verify(calls).finitModule("m", file, "", KernelCalls.FINIT_IGNORE_MODVERSIONS | KernelCalls.FINIT_IGNORE_VERMAGIC);
        loader().insert("m", file, "", Set.of(Force.VERMAGIC));
        verify(calls).finitModule("m", file, "", 2);
        verifyNoMoreInteractions(calls);
    }

    @Test
    void compressedWithTheKernelsMethodGoesToFinitWithFlag4() throws Exception {
        tree.compression("xz");
        Path file = TestModules.write(dir, "m.ko.xz", TestModules.xz(ELF_STUB));
        loader().insert("m", file, "", Set.of());
        verify(calls).finitModule("m", file, "", KernelCalls.FINIT_COMPRESSED_FILE);
        loader().insert("m", file, "", Set.of(Force.MODVERSION));
        verify(calls).finitModule("m", file, "", 5);
        verifyNoMoreInteractions(calls);
    }

    @Test
    void compressionIsRecognisedByMagicNotByName() throws Exception {
        tree.compression("xz");
        Path misnamed = TestModules.write(dir, "m.ko", TestModules.xz(ELF_STUB));
        loader().insert("m", misnamed, "", Set.of());
        verify(calls).finitModule("m", misnamed, "", KernelCalls.FINIT_COMPRESSED_FILE);
        Path plain = TestModules.write(dir, "p.ko.xz", ELF_STUB);
        loader().insert("p", plain, "", Set.of());
        verify(calls).finitModule("p", plain, "", 0);
    }

    @Test
    void compressedWithAnotherMethodIsDecompressedForInitModule() throws Exception {
        tree.compression("zstd");
        byte[] real = TestModules.realCrc16();
        Path file = TestModules.write(dir, "crc16.ko.gz", TestModules.gzip(real));
        loader().insert("crc16", file, "x=1", Set.of());
        ArgumentCaptor<byte[]> image = ArgumentCaptor.forClass(byte[].class);
        verify(calls).initModule(eq("crc16"), image.capture(), eq("x=1"));
        assertArrayEquals(real, image.getValue());
        verify(calls, never()).finitModule(anyString(), any(), anyString(), anyInt());
    }

    @Test
    void compressedWithoutInKernelDecompressionGoesToInitModule() throws Exception {
        byte[] real = TestModules.realCrc16();
        Path file = TestModules.write(dir, "crc16.ko.xz", TestModules.xz(real));
        loader().insert("crc16", file, "", Set.of());
        ArgumentCaptor<byte[]> image = ArgumentCaptor.forClass(byte[].class);
        verify(calls).initModule(eq("crc16"), image.capture(), eq(""));
        assertArrayEquals(real, image.getValue());
        verifyNoMoreInteractions(calls);
    }

    @Test
    void enosysFromFinitFallsBackToInitModuleWithTheFile() throws Exception {
        Path file = TestModules.write(dir, "m.ko", ELF_STUB);
        doThrow(error("finit_module", Errno.ENOSYS)).when(calls).finitModule(any(), any(), any(), anyInt());
        loader().insert("m", file, "a=1", Set.of());
        InOrder order = inOrder(calls);
        order.verify(calls).finitModule("m", file, "a=1", 0);
        ArgumentCaptor<byte[]> image = ArgumentCaptor.forClass(byte[].class);
        order.verify(calls).initModule(eq("m"), image.capture(), eq("a=1"));
        assertArrayEquals(ELF_STUB, image.getValue());
        verifyNoMoreInteractions(calls);
    }

    @Test
    void enosysFallbackForCompressedFileDecompresses() throws Exception {
        tree.compression("gzip");
        byte[] real = TestModules.realCrc16();
        Path file = TestModules.write(dir, "crc16.ko.gz", TestModules.gzip(real));
        doThrow(error("finit_module", Errno.ENOSYS)).when(calls).finitModule(any(), any(), any(), anyInt());
        loader().insert("crc16", file, "", Set.of());
        verify(calls).finitModule("crc16", file, "", KernelCalls.FINIT_COMPRESSED_FILE);
        ArgumentCaptor<byte[]> image = ArgumentCaptor.forClass(byte[].class);
        verify(calls).initModule(eq("crc16"), image.capture(), eq(""));
        assertArrayEquals(real, image.getValue());
    }

    @Test
    void forceEditsAreMadeInACopyOnTheInitModulePath() throws Exception {
        byte[] real = TestModules.realCrc16();
        Path file = TestModules.write(dir, "crc16.ko", real);
        doThrow(error("finit_module", Errno.ENOSYS)).when(calls).finitModule(any(), any(), any(), anyInt());
        loader().insert("crc16", file, "", EnumSet.allOf(Force.class));
        verify(calls).finitModule("crc16", file, "", 3);
        ArgumentCaptor<byte[]> image = ArgumentCaptor.forClass(byte[].class);
        verify(calls).initModule(eq("crc16"), image.capture(), eq(""));
        byte[] sent = image.getValue();
        assertEquals(real.length, sent.length);
        assertNotEquals(-1, indexOf(real, "vermagic="));
        assertEquals(-1, indexOf(sent, "vermagic="));
        ModuleFile original = ModuleFile.of(file, real);
        ModuleFile edited = ModuleFile.of(file, sent);
        assertTrue(original.elf().section("__versions").orElseThrow().allocated());
        assertFalse(edited.elf().section("__versions").orElseThrow().allocated(), "__versions lost SHF_ALLOC");
        assertArrayEquals(real, java.nio.file.Files.readAllBytes(file), "the file is unchanged");
    }

    @Test
    void otherFinitErrorsDoNotFallBack() throws Exception {
        Path file = TestModules.write(dir, "m.ko", ELF_STUB);
        doThrow(error("finit_module", Errno.EPERM)).when(calls).finitModule(any(), any(), any(), anyInt());
        KernelCallException e = assertThrows(KernelCallException.class, () -> loader().insert("m", file, "", Set.of()));
        assertEquals("finit_module 'm': EPERM (Operation not permitted)", e.getMessage());
        verify(calls, never()).initModule(any(), any(), any());
    }

    @Test
    void initModuleErrorsComeThrough() throws Exception {
        Path file = TestModules.write(dir, "m.ko", ELF_STUB);
        doThrow(error("finit_module", Errno.ENOSYS)).when(calls).finitModule(any(), any(), any(), anyInt());
        doThrow(error("init_module", Errno.ENOSYS)).when(calls).initModule(any(), any(), any());
        KernelCallException e = assertThrows(KernelCallException.class, () -> loader().insert("m", file, "", Set.of()));
        assertEquals("init_module 'm': ENOSYS (Function not implemented)", e.getMessage());
        assertEquals("Function not implemented", e.reason());
    }

    @Test
    void missingFileReadsAsModprobeSaysIt() {
        Path missing = dir.resolve("missing.ko");
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> loader().insert("missing", missing, "", Set.of()));
        assertEquals("open 'missing': ENOENT (No such file or directory)", e.getMessage());
        assertEquals("Unknown symbol in module, or unknown parameter (see dmesg)", e.reason());
        verifyNoMoreInteractions(calls);
    }

    @Test
    void corruptCompressedDataIsEinval() {
        byte[] bad = TestModules.xz(ELF_STUB);
        bad[bad.length / 2] ^= (byte) 0xff;
        bad[bad.length / 2 + 1] ^= (byte) 0xff;
        Path file = TestModules.write(dir, "m.ko.xz", bad);
        KernelCallException e = assertThrows(KernelCallException.class, () -> loader().insert("m", file, "", Set.of()));
        assertEquals("decompress 'm': EINVAL (Invalid argument)", e.getMessage());
        verifyNoMoreInteractions(calls);
    }

    @Test
    void forcingSomethingThatIsNotAModuleIsEnoexec() throws Exception {
        Path file = TestModules.write(dir, "m.ko", "not an ELF file".getBytes(StandardCharsets.US_ASCII));
        doThrow(error("finit_module", Errno.ENOSYS)).when(calls).finitModule(any(), any(), any(), anyInt());
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> loader().insert("m", file, "", Set.of(Force.MODVERSION)));
        assertEquals("Exec format error", e.reason());
        verify(calls, never()).initModule(any(), any(), any());
    }

    @Test
    void removeUsesNonblockAndTruncWhenForced() throws Exception {
        loader().remove("m", false);
        verify(calls).deleteModule("m", 04000);
        loader().remove("m", true);
        verify(calls).deleteModule("m", 04000 | 01000);
    }

    /** A clock that moves only when slept on. */
    private static final class FakePacer implements Pacer {
        long now;
        final List<Long> sleptMillis = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            sleptMillis.add(d.toMillis());
            now += d.toNanos();
        }
    }

    @Test
    void removeWaitingRetriesEagainLikeKmod30() throws Exception {
        FakePacer pacer = new FakePacer();
        doThrow(error("delete_module", Errno.EAGAIN)).when(calls).deleteModule(any(), anyInt());
        ModuleLoader loader = new ModuleLoader(calls, tree.kernelState(), new StandardModuleImages(), pacer);
        assertFalse(loader.removeWaiting("m", false, Duration.ofMillis(1000)));
        // Observed with strace on kmod 30 (modprobe -r -w 1000, delete_module always EAGAIN).
        assertEquals(List.of(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 256L, 128L, 64L, 32L, 8L, 2L), pacer.sleptMillis);
    }

    @Test
    void removeWaitingSucceedsOnceFree() throws Exception {
        FakePacer pacer = new FakePacer();
        doThrow(error("delete_module", Errno.EAGAIN), error("delete_module", Errno.EAGAIN))
                .doNothing().when(calls).deleteModule(any(), anyInt());
        ModuleLoader loader = new ModuleLoader(calls, tree.kernelState(), new StandardModuleImages(), pacer);
        assertTrue(loader.removeWaiting("m", true, Duration.ofMillis(300)));
        assertEquals(List.of(2L, 4L), pacer.sleptMillis);
        verify(calls, org.mockito.Mockito.times(3)).deleteModule("m", 04000 | 01000);
    }

    @Test
    void removeWaitingDoesNotRetryEbusy() throws Exception {
        doThrow(error("delete_module", Errno.EBUSY)).when(calls).deleteModule(any(), anyInt());
        FakePacer pacer = new FakePacer();
        ModuleLoader loader = new ModuleLoader(calls, tree.kernelState(), new StandardModuleImages(), pacer);
        KernelCallException e = assertThrows(KernelCallException.class,
                () -> loader.removeWaiting("m", false, Duration.ofMillis(300)));
        assertEquals("Device or resource busy", e.reason());
        assertEquals(List.of(), pacer.sleptMillis);
    }

    private static int indexOf(byte[] data, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + t.length <= data.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (data[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
