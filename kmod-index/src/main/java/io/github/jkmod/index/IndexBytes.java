package io.github.jkmod.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes of one binary index, read by absolute position: held in memory ({@link #of}), or read
 * from the file a page at a time as they are first needed ({@link IndexFilePages}). Big-endian.
 * Callers check positions against {@link #size()} first: a position outside the bytes is a
 * programming error here.
 */
abstract class IndexBytes {

    /**
     * The bytes of {@code buffer}, from position 0 to its limit (kept, not copied).
     *
     * @param buffer the index bytes
     * @return a reader of those bytes
     */
    static IndexBytes of(ByteBuffer buffer) {
        return new InMemory(buffer.duplicate().order(ByteOrder.BIG_ENDIAN));
    }

    /** @return the number of bytes */
    abstract int size();

    /** @return the byte at {@code at} */
    abstract byte get(int at);

    /** @return the big-endian 32-bit integer at {@code at} (4 bytes, all inside) */
    abstract int getInt(int at);

    /** Copies {@code length} bytes from {@code from} into {@code dst} at {@code dstAt}. */
    abstract void get(int from, byte[] dst, int dstAt, int length);

    /** @return the position of the first NUL byte at or after {@code start}, or -1 when there is none */
    abstract int indexOfNul(int start);

    /** A buffer in memory (an index built from a text file, or given to {@link BinaryIndex#of}). */
    private static final class InMemory extends IndexBytes {
        private final ByteBuffer buf;
        private final int size;

        InMemory(ByteBuffer buf) {
            this.buf = buf;
            this.size = buf.limit();
        }

        @Override
        int size() {
            return size;
        }

        @Override
        byte get(int at) {
            return buf.get(at);
        }

        @Override
        int getInt(int at) {
            return buf.getInt(at);
        }

        @Override
        void get(int from, byte[] dst, int dstAt, int length) {
            buf.get(from, dst, dstAt, length);
        }

        @Override
        int indexOfNul(int start) {
            for (int i = start; i < size; i++) {
                if (buf.get(i) == 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
