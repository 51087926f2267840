package io.github.jkmod.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A fully buffered output stream that writes exactly when C stdio does for a stream that is not a
 * terminal: the buffer ({@value #BLOCK} bytes, the block size Linux reports for pipes and most
 * files) is filled to the brim before anything is written, and written only when more output
 * comes or on {@link #flush()}. modprobe's stdout behaves so; it decides where the output of an
 * install command, which writes to the same descriptor at once, lands inside modprobe's own.
 */
public final class StdioOutputStream extends OutputStream {
    /** The buffer size: glibc takes the descriptor's st_blksize, 4096 for a pipe. */
    public static final int BLOCK = 4096;

    private final OutputStream out;
    private final byte[] buffer = new byte[BLOCK];
    private int count;

    /**
     * Buffers writes to {@code out}.
     *
     * @param out the stream to write to, e.g. {@link System#out}
     */
    public StdioOutputStream(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (count == buffer.length) {
                drain();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }
}
