package io.github.jkmod.core.kernel.testing;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a {@link KernelCalls} (typically a {@link FakeKernel}) to other processes over a Unix domain
 * socket, so that several processes can load and remove modules against one fake kernel, as
 * processes share one real kernel. Each process uses a {@link FakeKernelClient} on the same socket.
 *
 * <pre>{@code
 * FakeKernel kernel = FakeKernel.on(FakeKernelTree.at(root));
 * try (FakeKernelServer server = FakeKernelServer.serve(kernel, dir.resolve("kernel.sock"))) {
 *     // start processes that call FakeKernelClient.connect(server.socket())
 * }
 * }</pre>
 *
 * <p>Every call runs on a thread of its own, so a loader that the fake kernel keeps waiting (a second
 * load of a module being loaded) does not hold up other processes. Errors reach the caller as the
 * same {@link KernelCallException} (operation, module, error number); any other failure of the served
 * calls as a {@link KmodException} with its message. {@link #close()} stops serving: calls still
 * running are interrupted (their callers get {@code EINTR}, as from a fake kernel hook) and the
 * socket file is deleted.
 */
public final class FakeKernelServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FakeKernelServer.class.getName());

    private final KernelCalls kernel;
    private final Path socket;
    private final ServerSocketChannel channel;
    private final ExecutorService handlers;
    private final AtomicLong answered = new AtomicLong();

    private FakeKernelServer(KernelCalls kernel, Path socket, ServerSocketChannel channel) {
        this.kernel = kernel;
        this.socket = socket;
        this.channel = channel;
        this.handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-kernel-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts serving {@code kernel} on a new socket file {@code socket} (of the default file system;
     * Linux allows about 100 bytes of path).
     *
     * @param kernel the kernel that answers the clients' calls, e.g. a {@link FakeKernel}
     * @param socket the socket file to create
     * @return the running server; close it to stop
     * @throws IOException when the socket cannot be made, e.g. because the file exists
     */
    public static FakeKernelServer serve(KernelCalls kernel, Path socket) throws IOException {
        Objects.requireNonNull(kernel, "kernel");
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        FakeKernelServer server = new FakeKernelServer(kernel, socket, channel);
        Thread acceptor = new Thread(server::accept, "fake-kernel-accept " + socket.getFileName());
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    /**
     * The socket file to give to {@link FakeKernelClient#connect}.
     *
     * @return the socket file
     */
    public Path socket() {
        return socket;
    }

    /**
     * How many calls have been answered so far (successes and errors).
     *
     * @return the number of calls answered
     */
    public long answered() {
        return answered.get();
    }

    /**
     * Stops serving: calls that do not end within 100 ms are interrupted (and then waited for at most
     * 5 s); the socket file is deleted.
     */
    @Override
    public void close() throws IOException {
        channel.close();
        handlers.shutdown();
        try {
            // calls that are ending end in peace; those still held by the fake kernel are interrupted
            if (!handlers.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                handlers.shutdownNow();
            }
            if (!handlers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "fake kernel {0}: calls still running after close", socket);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
    }

    @Override
    public String toString() {
        return "FakeKernelServer[" + socket + " -> " + kernel + "]";
    }

    private void accept() {
        while (channel.isOpen()) {
            try {
                SocketChannel connection = channel.accept();
                handlers.execute(() -> answer(connection));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                if (channel.isOpen()) {
                    LOG.log(System.Logger.Level.WARNING, "fake kernel {0}: accept failed: {1}", socket, e);
                }
                return;
            }
        }
    }

    private void answer(SocketChannel connection) {
        try (connection) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(connection)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(connection)));
            byte operation = in.readByte();
            String module = KernelWire.readString(in);
            try {
                call(operation, module, in);
                out.writeByte(KernelWire.OK);
            } catch (KernelCallException e) {
                out.writeByte(KernelWire.ERRNO);
                KernelWire.writeString(out, e.operation());
                out.writeInt(e.errno());
            } catch (KmodException | RuntimeException e) {
                out.writeByte(KernelWire.FAILED);
                KernelWire.writeString(out, String.valueOf(e.getMessage()));
            }
            // A call interrupted by close() still answers (EINTR); a pending interrupt would close the channel.
            Thread.interrupted();
            answered.incrementAndGet();
            out.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "fake kernel {0}: bad or broken call: {1}", socket, e);
        }
    }

    /** Reads the rest of the request and makes the call; {@link KmodException}s are the kernel's answers. */
    private void call(byte operation, String module, DataInputStream in) throws IOException {
        switch (operation) {
            case KernelWire.FINIT -> {
                Path file = Path.of(KernelWire.readString(in));
                String params = KernelWire.readString(in);
                int flags = in.readInt();
                kernel.finitModule(module, file, params, flags);
            }
            case KernelWire.INIT -> {
                byte[] image = KernelWire.readBytes(in);
                String params = KernelWire.readString(in);
                kernel.initModule(module, image, params);
            }
            case KernelWire.DELETE -> kernel.deleteModule(module, in.readInt());
            default -> throw new StreamCorruptedException("unknown operation " + operation);
        }
    }
}
