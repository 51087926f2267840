package io.github.jkmod.core.kernel.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;

/**
 * The byte format between {@link FakeKernelClient} and {@link FakeKernelServer}: one request and one
 * answer per connection.
 *
 * <p>Request: an operation byte ({@link #FINIT}, {@link #INIT}, {@link #DELETE}), the module name,
 * then for {@code finit_module} the file, the parameters and the flags; for {@code init_module} the
 * image and the parameters; for {@code delete_module} the flags. Answer: {@link #OK}; or
 * {@link #ERRNO}, the operation and the error number; or {@link #FAILED} and a message. Strings are
 * UTF-8 (as the system calls get them) and, like byte arrays, carry a 4-byte length, at most
 * {@link #MAX_FIELD} bytes.
 */
final class KernelWire {
    static final byte FINIT = 1;
    static final byte INIT = 2;
    static final byte DELETE = 3;

    static final byte OK = 0;
    static final byte ERRNO = 1;
    static final byte FAILED = 2;

    /** The largest field either side accepts: 512 MiB, above any module image. */
    static final int MAX_FIELD = 512 << 20;

    private KernelWire() {
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FIELD) {
            throw new StreamCorruptedException("field of " + Integer.toUnsignedString(length)
                    + " bytes (at most " + MAX_FIELD + ")");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("field cut after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }
}
