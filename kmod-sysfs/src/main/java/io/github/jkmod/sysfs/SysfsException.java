package io.github.jkmod.sysfs;

import io.github.jkmod.KmodException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A file under {@code sys/} or {@code proc/} cannot be read, or holds something the kernel never
 * writes. The message names the file and, for line-oriented files such as {@code proc/modules}, the
 * 1-based line: {@code /proc/modules:3: size 'x' is not a number}.
 */
public class SysfsException extends KmodException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** The 1-based line at fault, or 0 when the file is not read line by line. */
    private final int line;

    /**
     * @param file the file at fault
     * @param what what is wrong, e.g. "unknown initstate 'bogus' (expected live, coming or going)"
     */
    public SysfsException(Path file, String what) {
        this(file, 0, what, null);
    }

    /**
     * @param file the file at fault
     * @param what what is wrong, e.g. "cannot read: permission denied"
     * @param cause the underlying failure
     */
    public SysfsException(Path file, String what, Throwable cause) {
        this(file, 0, what, cause);
    }

    private SysfsException(Path file, int line, String what, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + what, cause);
        this.file = file;
        this.line = line;
    }

    /**
     * Creates the exception for one line of a line-oriented file.
     *
     * @param line the 1-based line number
     * @param file the file at fault
     * @param what what is wrong with the line
     * @return the exception, its message in the form {@code file:line: what}
     */
    public static SysfsException atLine(Path file, int line, String what) {
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, not " + line);
        }
        return new SysfsException(file, line, what, null);
    }

    /**
     * The file at fault.
     *
     * @return the file that could not be read or holds bad content
     */
    public Path file() {
        return file;
    }

    /**
     * The 1-based line at fault, for line-oriented files; empty otherwise.
     *
     * @return the line number, or empty when the problem is not on one line
     */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
}
