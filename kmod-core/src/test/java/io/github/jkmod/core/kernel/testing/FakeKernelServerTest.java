package io.github.jkmod.core.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class FakeKernelServerTest {
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

    @TempDir
    Path dir;

    @Test
    void callsArriveAsMadeWithAbsolutePathsParametersFlagsAndImage() throws Exception {
        KernelCalls kernel = mock(KernelCalls.class);
        try (FakeKernelServer server = FakeKernelServer.serve(kernel, dir.resolve("k.sock"))) {
            FakeKernelClient client = FakeKernelClient.connect(server.socket());
            Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("m.ko"));
            client.finitModule("m", relative, "a=1 b=\"x y\" ü", KernelCalls.FINIT_COMPRESSED_FILE);
            byte[] image = new byte[100_000];
            image[99_999] = 7;
            client.initModule("n", image, "");
            client.deleteModule("m", KernelCalls.DELETE_NONBLOCK);
            verify(kernel).finitModule(eq("m"), argThat(p -> p.isAbsolute() && p.normalize().equals(dir.resolve("m.ko"))),
                    eq("a=1 b=\"x y\" ü"), eq(KernelCalls.FINIT_COMPRESSED_FILE));
            ArgumentCaptor<byte[]> sent = ArgumentCaptor.forClass(byte[].class);
            verify(kernel).initModule(eq("n"), sent.capture(), eq(""));
            assertArrayEquals(image, sent.getValue());
            verify(kernel).deleteModule("m", KernelCalls.DELETE_NONBLOCK);
            verifyNoMoreInteractions(kernel);
            assertEquals(3, server.answered());
        }
    }

    @Test
    void errorsComeBackAsTheKernelGaveThem() throws Exception {
        KernelCalls kernel = mock(KernelCalls.class);
        doThrow(new KernelCallException("finit_module", "m", Errno.ENOEXEC))
                .when(kernel).finitModule(anyString(), any(), anyString(), anyInt());
        doThrow(new KmodException("no such thing")).when(kernel).initModule(anyString(), any(), anyString());
        doThrow(new IllegalArgumentException("invalid name '../x'")).when(kernel).deleteModule(anyString(), anyInt());
        try (FakeKernelServer server = FakeKernelServer.serve(kernel, dir.resolve("k.sock"))) {
            FakeKernelClient client = FakeKernelClient.connect(server.socket());
            KernelCallException e = assertThrows(KernelCallException.class,
                    () -> client.finitModule("m", dir.resolve("m.ko"), "", 0));
            assertEquals("finit_module 'm': ENOEXEC (Exec format error)", e.getMessage());
            assertEquals(Errno.ENOEXEC, e.errno());
            KmodException other = assertThrows(KmodException.class, () -> client.initModule("m", ELF, ""));
            assertEquals("fake kernel " + server.socket() + ": no such thing", other.getMessage());
            assertFalse(other instanceof KernelCallException);
            assertEquals("fake kernel " + server.socket() + ": invalid name '../x'",
                    assertThrows(KmodException.class, () -> client.deleteModule("../x", 0)).getMessage());
        }
    }

    @Test
    void secondLoaderInAnotherConnectionWaitsThenGetsEexist() throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(dir.resolve("root"));
        FakeKernel kernel = FakeKernel.on(tree);
        Path ko = Files.write(dir.resolve("m.ko"), ELF);
        CountDownLatch release = new CountDownLatch(1);
        kernel.onInit(m -> release.await());
        try (FakeKernelServer server = FakeKernelServer.serve(kernel, dir.resolve("k.sock"))) {
            FakeKernelClient first = FakeKernelClient.connect(server.socket());
            FakeKernelClient second = FakeKernelClient.connect(server.socket());
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> load(first, ko));
            awaitPhase(kernel, Phase.COMING);
            CompletableFuture<Throwable> two = CompletableFuture.supplyAsync(() -> failure(second, ko));
            while (kernel.waiting("m") == 0) {
                Thread.sleep(1);
            }
            assertFalse(two.isDone());
            release.countDown();
            one.get(10, TimeUnit.SECONDS);
            Throwable e = two.get(10, TimeUnit.SECONDS);
            assertEquals("finit_module 'm': EEXIST (File exists)", e.getMessage());
            assertEquals(Phase.LIVE, kernel.phase("m"));
        }
    }

    @Test
    void closeInterruptsARunningCallWhichGetsEintrAndDeletesTheSocket() throws Exception {
        FakeKernel kernel = FakeKernel.on(FakeKernelTree.at(dir.resolve("root")));
        Path ko = Files.write(dir.resolve("m.ko"), ELF);
        kernel.onInit(m -> new CountDownLatch(1).await());
        FakeKernelServer server = FakeKernelServer.serve(kernel, dir.resolve("k.sock"));
        CompletableFuture<Throwable> load = CompletableFuture.supplyAsync(
                () -> failure(FakeKernelClient.connect(server.socket()), ko));
        awaitPhase(kernel, Phase.COMING);
        server.close();
        assertEquals("finit_module 'm': EINTR (Interrupted system call)", load.get(10, TimeUnit.SECONDS).getMessage());
        assertEquals(Phase.ABSENT, kernel.phase("m"));
        assertFalse(Files.exists(server.socket()));
    }

    @Test
    void noServerIsAClearErrorNamingTheSocket() {
        Path socket = dir.resolve("gone.sock");
        KmodException e = assertThrows(KmodException.class,
                () -> FakeKernelClient.connect(socket).deleteModule("m", 0));
        assertFalse(e instanceof KernelCallException);
        assertTrue(e.getMessage().startsWith("fake kernel " + socket + ": java.net."), e.getMessage());
    }

    @Test
    void aBadRequestIsRefusedWithoutAllocatingAndTheServerGoesOn() throws Exception {
        KernelCalls kernel = mock(KernelCalls.class);
        try (FakeKernelServer server = FakeKernelServer.serve(kernel, dir.resolve("k.sock"))) {
            for (byte[] request : new byte[][] {
                    {KernelWire.DELETE, 0x7f, -1, -1, -1}, // a module name of 2 GiB
                    {9, 0, 0, 0, 1, 'm', 0, 0, 0, 0}, // an unknown operation
                    {KernelWire.FINIT, 0, 0, 0, 1}}) { // cut short
                try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    raw.connect(UnixDomainSocketAddress.of(server.socket()));
                    DataOutputStream out = new DataOutputStream(Channels.newOutputStream(raw));
                    out.write(request);
                    out.flush();
                    raw.shutdownOutput();
                    DataInputStream in = new DataInputStream(Channels.newInputStream(raw));
                    assertThrows(EOFException.class, in::readByte);
                }
            }
            FakeKernelClient.connect(server.socket()).deleteModule("m", 0);
            verify(kernel).deleteModule("m", 0);
            verifyNoMoreInteractions(kernel);
            assertEquals(1, server.answered());
        }
    }

    private static void load(FakeKernelClient client, Path ko) {
        try {
            client.finitModule("m", ko, "", 0);
        } catch (KmodException e) {
            throw new AssertionError(e);
        }
    }

    private static Throwable failure(FakeKernelClient client, Path ko) {
        try {
            client.finitModule("m", ko, "", 0);
            return new AssertionError("loaded");
        } catch (KmodException e) {
            return e;
        }
    }

    private static void awaitPhase(FakeKernel kernel, Phase phase) throws InterruptedException {
        while (kernel.phase("m") != phase) {
            Thread.sleep(1);
        }
    }
}
