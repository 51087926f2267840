package io.github.jkmod.core.modinfo;

import io.github.jkmod.core.elf.ModuleFormatException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A compressed module whose stream cannot be decompressed: corrupt, truncated, or with options the
 * decoder does not support. Besides jkmod's message, it carries what kmod 34's decoder reports for the
 * same stream, where that is known ({@link #kmodDecoderMessage()}: kmod 34.2 prints
 * {@code modprobe: ERROR: xz: Unexpected end of input} before its own error line; kmod 30 prints
 * nothing of the kind).
 */
public final class CompressedDataException extends ModuleFormatException {
    private static final long serialVersionUID = 1L;

    /** How the stream is compressed. */
    private final Compression method;
    /** kmod 34's words for the failure, or null where jkmod does not know them. */
    private final String decoderMessage;

    CompressedDataException(Path file, long offset, Compression method, String what, String decoderMessage,
            Throwable cause) {
        super(file, offset, what, cause);
        this.method = method;
        this.decoderMessage = decoderMessage;
    }

    /**
     * How the stream is compressed.
     *
     * @return the method
     */
    public Compression method() {
        return method;
    }

    /**
     * kmod 34's words for the failure, after the method's name, e.g. {@code xz: File is corrupt};
     * empty where jkmod does not know them (zstd, gzip).
     *
     * @return the message, if known
     */
    public Optional<String> kmodDecoderMessage() {
        return Optional.ofNullable(decoderMessage).map(m -> method.sysfsName() + ": " + m);
    }
}
