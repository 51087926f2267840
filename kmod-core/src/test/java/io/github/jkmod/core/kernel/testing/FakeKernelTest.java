package io.github.jkmod.core.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.testing.FakeKernel.Call;
import io.github.jkmod.core.testsupport.FakeKernelTestBase;
import io.github.jkmod.sysfs.ModuleState;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class FakeKernelTest extends FakeKernelTestBase {
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 1, 2};

    FakeKernelTest() {
        super("/m.ko", ELF);
    }

    @Test
    void loadGoesThroughWindowComingLive() throws Exception {
        Path dir = tree.root().resolve("sys/module/m");
        List<String> seen = new ArrayList<>();
        kernel.onWindow(m -> seen.add("window dir=" + Files.isDirectory(dir) + " initstate=" + Files.exists(dir.resolve("initstate"))));
        kernel.onInit(m -> seen.add("init " + read(dir.resolve("initstate"))));
        kernel.finitModule("m", ko, "p=1", 0);
        assertEquals(List.of("window dir=true initstate=false", "init coming"), seen);
        assertEquals("live", read(dir.resolve("initstate")));
        assertEquals(ModuleState.LIVE, tree.kernelState().state("m"));
        assertEquals("[FINIT_MODULE(m, 'p=1', flags=0, /m.ko)]", kernel.calls().toString());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void loadedModuleAnswersEexist() throws Exception {
        kernel.initModule("m", ELF, "");
        KernelCallException e = assertThrows(KernelCallException.class, () -> kernel.finitModule("m", ko, "", 0));
        assertEquals("finit_module 'm': EEXIST (File exists)", e.getMessage());
        tree.module("b").builtin();
        assertEquals(Errno.EEXIST, assertThrows(KernelCallException.class, () -> kernel.initModule("b", ELF, "")).errno());
    }

    @Test
    void secondLoaderWaitsForTheFirstThenGetsEexist() throws Exception {
        CountDownLatch inInit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        kernel.onInit(m -> {
            inInit.countDown();
            release.await();
        });
        kernel.onWait(m -> waiting.countDown());
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> call(() -> kernel.finitModule("m", ko, "", 0)));
        assertTrue(inInit.await(30, TimeUnit.SECONDS));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> errnoOf(() -> kernel.finitModule("m", ko, "", 0)));
        assertTrue(waiting.await(30, TimeUnit.SECONDS));
        assertEquals(1, kernel.waiting("m"));
        assertFalse(second.isDone());
        assertEquals(Phase.COMING, kernel.phase("m"));
        release.countDown();
        first.get();
        assertEquals(Errno.EEXIST, second.get());
        assertEquals(0, kernel.waiting("m"));
        assertEquals(Phase.LIVE, kernel.phase("m"));
    }

    @Test
    void waiterLoadsItselfWhenTheFirstInitFails() throws Exception {
        CountDownLatch inInit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        kernel.failInit("m", Errno.EINVAL);
        kernel.onInit(m -> {
            if (inInit.getCount() > 0) {
                inInit.countDown();
                release.await();
            }
        });
        kernel.onWait(m -> waiting.countDown());
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> errnoOf(() -> kernel.finitModule("m", ko, "", 0)));
        assertTrue(inInit.await(30, TimeUnit.SECONDS));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> errnoOf(() -> kernel.finitModule("m", ko, "", 0)));
        assertTrue(waiting.await(30, TimeUnit.SECONDS));
        release.countDown();
        assertEquals(Errno.EINVAL, first.get());
        assertEquals(0, second.get());
        assertEquals(Phase.LIVE, kernel.phase("m"));
    }

    @Test
    void inputIsCheckedAsTheKernelDoes() throws Exception {
        Path xz = Files.write(fs.getPath("/x.ko.xz"), XZ);
        assertEquals(Errno.ENOEXEC, errnoOf(() -> kernel.finitModule("x", xz, "", 0)));
        assertEquals(Errno.EINVAL, errnoOf(() -> kernel.finitModule("x", xz, "", KernelCalls.FINIT_COMPRESSED_FILE)));
        tree.compression("zstd");
        assertEquals(Errno.EINVAL, errnoOf(() -> kernel.finitModule("x", xz, "", KernelCalls.FINIT_COMPRESSED_FILE)));
        tree.compression("xz");
        // The magic is right but the data does not decompress (module_decompress: EINVAL) ...
        assertEquals(Errno.EINVAL, errnoOf(() -> kernel.finitModule("x", xz, "", KernelCalls.FINIT_COMPRESSED_FILE)));
        // ... or decompresses to something that is not ELF (elf_validity_check: ENOEXEC).
        Path text = Files.write(fs.getPath("/t.ko.xz"), xz("not ELF".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Errno.ENOEXEC, errnoOf(() -> kernel.finitModule("t", text, "", KernelCalls.FINIT_COMPRESSED_FILE)));
        assertEquals(Phase.ABSENT, kernel.phase("t"));
        Path good = Files.write(fs.getPath("/x.ko.xz"), xz(ELF));
        assertEquals(0, errnoOf(() -> kernel.finitModule("x", good, "", KernelCalls.FINIT_COMPRESSED_FILE)));
        assertEquals(Errno.ENOEXEC, errnoOf(() -> kernel.initModule("y", XZ, "")));
        assertEquals(Errno.ENOENT, errnoOf(() -> kernel.finitModule("z", fs.getPath("/missing.ko"), "", 0)));
        assertEquals(Phase.ABSENT, kernel.phase("y"));
    }

    private static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
            xz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void injectedErrors() throws Exception {
        kernel.failAlways(Call.FINIT_MODULE, Errno.ENOSYS).failNext(Call.INIT_MODULE, Errno.EPERM);
        assertEquals(Errno.ENOSYS, errnoOf(() -> kernel.finitModule("m", ko, "", 0)));
        assertEquals(Errno.ENOSYS, errnoOf(() -> kernel.finitModule("m", ko, "", 0)));
        assertEquals(Errno.EPERM, errnoOf(() -> kernel.initModule("m", ELF, "")));
        assertEquals(0, errnoOf(() -> kernel.initModule("m", ELF, "")));
        kernel.failAlways(Call.FINIT_MODULE, 0);
        assertEquals(Errno.EEXIST, errnoOf(() -> kernel.finitModule("m", ko, "", 0)));
        assertEquals(5, kernel.calls().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernel.failNext(Call.INIT_MODULE, -1));
        assertEquals("errno must be positive, got -1", e.getMessage());
    }

    @Test
    void deleteModule() throws Exception {
        assertEquals(Errno.ENOENT, errnoOf(() -> kernel.deleteModule("m", KernelCalls.DELETE_NONBLOCK)));
        kernel.initModule("m", ELF, "");
        kernel.inUse("m", true);
        assertEquals(Errno.EAGAIN, errnoOf(() -> kernel.deleteModule("m", KernelCalls.DELETE_NONBLOCK)));
        assertEquals(Phase.LIVE, kernel.phase("m"));
        kernel.deleteModule("m", KernelCalls.DELETE_NONBLOCK | KernelCalls.DELETE_FORCE);
        assertEquals(Phase.ABSENT, kernel.phase("m"));
        assertFalse(Files.exists(tree.root().resolve("sys/module/m")));
        tree.module("c").coming();
        assertEquals(Errno.EBUSY, errnoOf(() -> kernel.deleteModule("c", KernelCalls.DELETE_NONBLOCK)));
        kernel.failNext(Call.DELETE_MODULE, Errno.EPERM);
        assertEquals(Errno.EPERM, errnoOf(() -> kernel.deleteModule("c", KernelCalls.DELETE_NONBLOCK)));
    }

    /** A call that may throw. */
    private interface KernelCall {
        void run() throws Exception;
    }

    private static void call(KernelCall c) {
        try {
            c.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 0 on success, else the errno of the KernelCallException. */
    private static int errnoOf(KernelCall c) {
        try {
            c.run();
            return 0;
        } catch (KernelCallException e) {
            return e.errno();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
