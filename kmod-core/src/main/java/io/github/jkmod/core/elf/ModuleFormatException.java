package io.github.jkmod.core.elf;

import io.github.jkmod.KmodException;
import java.nio.file.Path;

/**
 * A module file is not what its format says: a bad ELF header, a section or string outside the
 * file, a corrupt compressed stream, an image larger than the allowed limit, a malformed appended
 * signature. The message reads {@code FILE: offset N: WHAT}, N being the byte offset (in the
 * uncompressed image, or in the compressed file for decompression errors) where the problem lies.
 */
public class ModuleFormatException extends KmodException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** The byte offset of the problem, as the message gives it. */
    private final long offset;

    /**
     * @param file the module file
     * @param offset the byte offset of the problem
     * @param what what is wrong, e.g. "bad ELF class 7"
     */
    public ModuleFormatException(Path file, long offset, String what) {
        super(file + ": offset " + offset + ": " + what);
        this.file = file;
        this.offset = offset;
    }

    /**
     * Like {@link #ModuleFormatException(Path, long, String)}, keeping the underlying cause.
     *
     * @param file the module file
     * @param offset the byte offset of the problem
     * @param what what is wrong
     * @param cause the underlying failure, e.g. a decompressor's exception
     */
    public ModuleFormatException(Path file, long offset, String what, Throwable cause) {
        super(file + ": offset " + offset + ": " + what, cause);
        this.file = file;
        this.offset = offset;
    }

    /**
     * The module file that is bad.
     *
     * @return the module file that is malformed
     */
    public Path file() {
        return file;
    }

    /**
     * The byte offset of the problem.
     *
     * @return the byte offset, in the uncompressed image or (decompression errors) in the file
     */
    public long offset() {
        return offset;
    }
}
