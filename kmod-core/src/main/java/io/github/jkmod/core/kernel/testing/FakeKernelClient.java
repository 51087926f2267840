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
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@link KernelCalls} of another process's fake kernel: each call goes over the Unix domain socket of
 * a {@link FakeKernelServer} and returns (or throws) what the fake kernel answered there. An error
 * number comes back as the same {@link KernelCallException}; a socket that cannot be reached gives a
 * {@link KmodException} naming it. Thread-safe: every call has a connection of its own.
 *
 * <p>Module files are sent as absolute paths of the default file system, so the server must see the
 * same files (the same machine).
 */
public final class FakeKernelClient implements KernelCalls {

    /** Writes the part of a request after the operation and the module. */
    @FunctionalInterface
    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private final Path socket;

    private FakeKernelClient(Path socket) {
        this.socket = socket;
    }

    /**
     * A client of the server listening on {@code socket}; nothing is opened until the first call.
     *
     * @param socket the socket file of a {@link FakeKernelServer}
     * @return the client
     */
    public static FakeKernelClient connect(Path socket) {
        return new FakeKernelClient(Objects.requireNonNull(socket, "socket"));
    }

    /**
     * The server's socket file.
     *
     * @return the socket file given to {@link #connect}
     */
    public Path socket() {
        return socket;
    }

    @Override
    public void finitModule(String module, Path file, String params, int flags) throws KmodException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(params, "params");
        String absolute = file.toAbsolutePath().toString();
        call(KernelWire.FINIT, module, out -> {
            KernelWire.writeString(out, absolute);
            KernelWire.writeString(out, params);
            out.writeInt(flags);
        });
    }

    @Override
    public void initModule(String module, byte[] image, String params) throws KmodException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(params, "params");
        call(KernelWire.INIT, module, out -> {
            KernelWire.writeBytes(out, image);
            KernelWire.writeString(out, params);
        });
    }

    @Override
    public void deleteModule(String module, int flags) throws KmodException {
        call(KernelWire.DELETE, module, out -> out.writeInt(flags));
    }

    @Override
    public String toString() {
        return "FakeKernelClient[" + socket + "]";
    }

    private void call(byte operation, String module, Body body) throws KmodException {
        Objects.requireNonNull(module, "module");
        byte answer;
        try (SocketChannel connection = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(connection)));
            out.writeByte(operation);
            KernelWire.writeString(out, module);
            body.write(out);
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(connection)));
            answer = in.readByte();
            switch (answer) {
                case KernelWire.OK:
                    return;
                case KernelWire.ERRNO:
                    String failed = KernelWire.readString(in);
                    int errno = in.readInt();
                    if (errno <= 0) {
                        throw new StreamCorruptedException("error number " + errno);
                    }
                    throw new KernelCallException(failed, module, errno);
                case KernelWire.FAILED:
                    throw new KmodException("fake kernel " + socket + ": " + KernelWire.readString(in));
                default:
                    throw new StreamCorruptedException("unknown answer " + answer);
            }
        } catch (KmodException e) {
            throw e;
        } catch (IOException e) {
            throw new KmodException("fake kernel " + socket + ": " + e, e);
        }
    }
}
