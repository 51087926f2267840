package io.github.jkmod.index;

import io.github.jkmod.KmodException;
import java.nio.file.Path;

/**
 * A module index file (binary {@code .bin} or its text twin) is not what its format says. The
 * message names the file and the byte offset (binary) or line (text) where the problem was found.
 */
public class IndexFormatException extends KmodException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** The byte offset (binary index) or line number (text file) of the problem. */
    private final long offset;

    /**
     * @param file the index file
     * @param offset the byte offset (binary files) or 1-based line number (text files) of the problem
     * @param what what is wrong, e.g. "bad magic 0x12345678"
     */
    public IndexFormatException(Path file, long offset, String what) {
        super(file + ": offset " + offset + ": " + what);
        this.file = file;
        this.offset = offset;
    }

    /**
     * Creates the exception for a text file, naming its line.
     *
     * @param file the text file that is malformed
     * @param line the 1-based line number of the problem
     * @param what what is wrong with the line
     * @return the exception, its message in the form {@code file:line: what}
     */
    public static IndexFormatException atLine(Path file, long line, String what) {
        return new IndexFormatException(file, line, what, true);
    }

    private IndexFormatException(Path file, long line, String what, boolean isLine) {
        super(file + ":" + line + ": " + what);
        this.file = file;
        this.offset = line;
    }

    /**
     * The file that is bad.
     *
     * @return the index file (binary or text) in which the problem was found
     */
    public Path file() {
        return file;
    }

    /**
     * The byte offset (binary index) or line number (text file) of the problem.
     *
     * @return the byte offset or the 1-based line number, as the message gives it
     */
    public long offset() {
        return offset;
    }
}
