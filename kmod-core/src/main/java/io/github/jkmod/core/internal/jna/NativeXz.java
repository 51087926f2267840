package io.github.jkmod.core.internal.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import io.github.jkmod.KmodException;
import java.nio.ByteBuffer;

/**
 * xz decoding by the system's liblzma ({@code liblzma.so.5}, the library kmod itself decodes
 * {@code .ko.xz} with), for depmod, which decodes every module of a tree: liblzma takes about
 * 60% of the CPU time of the pure-Java decoder at its best. It is a fast path only: whatever it
 * cannot do alone (no liblzma, a 32-bit JVM, a stream whose index does not give its size, several
 * streams, damaged data) answers {@code null}, and the caller decodes with the pure-Java decoder,
 * which also words the errors. Turned off with the system property {@value #PROPERTY}{@code =java};
 * the system property {@value #LIBRARY_PROPERTY} names another liblzma file (an absolute path, e.g.
 * a newer release than the system's). Internal: not an API.
 */
public final class NativeXz {
    /** The system property that chooses the decoder: {@code java} turns liblzma off. */
    public static final String PROPERTY = "jkmod.xz";
    /** The system property naming the liblzma file to load instead of {@code liblzma.so.5}. */
    public static final String LIBRARY_PROPERTY = "jkmod.liblzma";

    private static final int LZMA_OK = 0;
    private static final long MEMORY_LIMIT = 128L << 20;
    private static final int FOOTER_SIZE = 12;

    /** Whether liblzma could be bound; null until first asked. */
    private static volatile Boolean bound;

    private NativeXz() {
    }

    /**
     * Whether liblzma decodes here: not turned off, a 64-bit JVM, and {@code liblzma.so.5} loads.
     * The first call binds the library (JNA is loaded then, never before).
     *
     * @return true when {@link #decode} may succeed
     */
    public static boolean available() {
        if ("java".equals(System.getProperty(PROPERTY))) {
            return false;
        }
        Boolean b = bound;
        if (b == null) {
            b = bind();
        }
        return b;
    }

    private static synchronized boolean bind() {
        if (bound != null) {
            return bound;
        }
        boolean ok = false;
        try {
            if (Platform.isLinux() && Native.SIZE_T_SIZE == 8 && Native.LONG_SIZE == 8) {
                NativeDirectory.prepare();
                Native.register(Lzma.class, System.getProperty(LIBRARY_PROPERTY, "liblzma.so.5"));
                ok = true;
            }
        } catch (KmodException | LinkageError | RuntimeException e) {
            ok = false;
        }
        bound = ok;
        return ok;
    }

    /**
     * Decodes the single xz stream {@code in} (a direct buffer, e.g. a mapped file, from position
     * 0 to its capacity) into native memory.
     *
     * @param in the whole {@code .xz} file, a direct buffer
     * @param limit the largest decoded size accepted
     * @return the decoded bytes (exactly), which the caller must close; or null when liblzma is not
     *     available or cannot decode this input alone (see the class comment)
     */
    public static Decoded decode(ByteBuffer in, long limit) {
        if (!in.isDirect() || !available()) {
            return null;
        }
        long size = uncompressedSize(in);
        if (size <= 0 || size > limit) {
            return null;
        }
        Memory out = new Memory(size);
        boolean done = false;
        try {
            LongByReference memlimit = new LongByReference(MEMORY_LIMIT);
            LongByReference inPos = new LongByReference(0);
            LongByReference outPos = new LongByReference(0);
            int rc = Lzma.lzma_stream_buffer_decode(memlimit, 0, null, Native.getDirectBufferPointer(in), inPos,
                    in.capacity(), out, outPos, size);
            done = rc == LZMA_OK && inPos.getValue() == in.capacity() && outPos.getValue() == size;
            return done ? new Decoded(out) : null;
        } finally {
            if (!done) {
                out.close();
            }
        }
    }

    /**
     * The uncompressed size of a one-stream xz file, from its stream footer and index (the sum of
     * the index records' uncompressed sizes), or -1 when they cannot be read.
     */
    static long uncompressedSize(ByteBuffer in) {
        int end = in.capacity();
        if (end < 2 * FOOTER_SIZE || in.get(end - 2) != 'Y' || in.get(end - 1) != 'Z') {
            return -1;
        }
        long backward = ((in.get(end - 8) & 0xffL) | (in.get(end - 7) & 0xffL) << 8 | (in.get(end - 6) & 0xffL) << 16
                | (in.get(end - 5) & 0xffL) << 24) + 1;
        long indexStart = end - FOOTER_SIZE - backward * 4;
        if (indexStart < FOOTER_SIZE || in.get((int) indexStart) != 0) {
            return -1;
        }
        int[] pos = {(int) indexStart + 1};
        int indexEnd = end - FOOTER_SIZE;
        long records = varint(in, pos, indexEnd);
        long total = 0;
        for (long r = 0; r < records && total >= 0; r++) {
            if (varint(in, pos, indexEnd) < 0) {
                return -1;
            }
            long size = varint(in, pos, indexEnd);
            total = size < 0 || total + size < 0 ? -1 : total + size;
        }
        return records < 0 ? -1 : total;
    }

    /** An xz multibyte integer at {@code pos[0]} (advanced past it), or -1 when malformed. */
    private static long varint(ByteBuffer in, int[] pos, int end) {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (pos[0] >= end) {
                return -1;
            }
            int b = in.get(pos[0]++) & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        return -1;
    }

    /** Decoded bytes in native memory, freed by {@link #close()}. */
    public static final class Decoded implements AutoCloseable {
        private final Memory memory;

        private Decoded(Memory memory) {
            this.memory = memory;
        }

        /**
         * The bytes; not to be used after {@link #close()}.
         *
         * @return a direct buffer over the decoded bytes
         */
        public ByteBuffer buffer() {
            return memory.getByteBuffer(0, memory.size()).order(java.nio.ByteOrder.BIG_ENDIAN);
        }

        /** Frees the memory. */
        @Override
        public void close() {
            memory.close();
        }
    }

    /** liblzma's one-call decoder, bound by {@link Native#register(Class, String)}. */
    static final class Lzma {
        private Lzma() {
        }

        static native int lzma_stream_buffer_decode(LongByReference memlimit, int flags, Pointer allocator,
                Pointer in, LongByReference inPos, long inSize, Pointer out, LongByReference outPos, long outSize);
    }
}
