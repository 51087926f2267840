package io.github.jkmod.core.modinfo;

import io.airlift.compress.zstd.ZstdInputStream;
import io.github.jkmod.core.elf.ModuleFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Decompresses a module image held in memory, never producing more than a given number of bytes:
 * a decompression bomb, a corrupt or truncated stream, or a decoder that runs out of memory all end
 * in a {@link ModuleFormatException} whose offset is the number of compressed bytes consumed when
 * the decoder stopped.
 */
final class Decompressor {
    /**
     * Largest memory the xz decoder may use, in KiB (128 MiB: enough for any preset up to
     * {@code xz -9}, whose dictionary is 64 MiB; the kernel's own modules use 1 MiB).
     */
    static final int XZ_MEMORY_LIMIT_KIB = 128 * 1024;

    private static final int CHUNK = 64 * 1024;

    private Decompressor() {
    }

    static byte[] decompress(Path file, byte[] data, Compression method, long limit)
            throws ModuleFormatException {
        long maxSize = Math.min(limit, ModuleFile.MAX_ARRAY_SIZE);
        CountingInput counted = new CountingInput(data);
        try (InputStream in = open(method, counted)) {
            return readBounded(file, in, counted, data.length, maxSize, method);
        } catch (ModuleFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CompressedDataException(file, counted.count(), method,
                    "corrupt " + method.sysfsName() + " data (" + why + ")", kmodWords(method, e), e);
        } catch (OutOfMemoryError e) {
            throw new ModuleFormatException(file, counted.count(),
                    "not enough memory to decompress " + method.sysfsName() + " data", e);
        }
    }

    /**
     * What kmod 34.2 reports for the same failure, in liblzma's words (the two seen with the real
     * tool: a truncated stream, {@code Unexpected end of input}; damaged data, {@code File is
     * corrupt}); null where unknown.
     */
    private static String kmodWords(Compression method, Exception e) {
        if (method != Compression.XZ) {
            return null;
        }
        if (e instanceof java.io.EOFException) {
            return "Unexpected end of input";
        }
        if (e instanceof org.tukaani.xz.UnsupportedOptionsException) {
            return "Unsupported compression options";
        }
        if (e instanceof org.tukaani.xz.MemoryLimitException) {
            return "Memory usage limit reached";
        }
        return e instanceof org.tukaani.xz.CorruptedInputException ? "File is corrupt" : null;
    }

    private static InputStream open(Compression method, InputStream in) throws IOException {
        switch (method) {
            case GZIP:
                return new GZIPInputStream(in, CHUNK);
            case XZ:
                return new XZInputStream(in, XZ_MEMORY_LIMIT_KIB);
            case ZSTD:
                return new ZstdInputStream(in);
            default:
                throw new IllegalArgumentException("not a compression method: " + method);
        }
    }

    private static byte[] readBounded(Path file, InputStream in, CountingInput counted, int inputSize,
            long maxSize, Compression method) throws IOException {
        long firstGuess = Math.min(maxSize, Math.max(CHUNK, inputSize * 4L));
        byte[] out = new byte[(int) firstGuess];
        int size = 0;
        while (true) {
            if (size == out.length) {
                if (size >= maxSize) {
                    if (in.read() < 0) {
                        break;
                    }
                    throw new ModuleFormatException(file, counted.count(), "decompressed "
                            + method.sysfsName() + " data exceeds the limit of " + maxSize + " bytes");
                }
                long grown = Math.min(maxSize, Math.max(CHUNK, (long) out.length * 2));
                out = Arrays.copyOf(out, (int) grown);
            }
            int n = in.read(out, size, out.length - size);
            if (n < 0) {
                break;
            }
            size += n;
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    /** An in-memory input that counts what the decoder has taken. */
    private static final class CountingInput extends ByteArrayInputStream {
        CountingInput(byte[] data) {
            super(data);
        }

        long count() {
            return pos;
        }
    }
}
