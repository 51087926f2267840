package io.github.jkmod.cli.common;

import io.github.jkmod.cli.ToolAccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * {@code stat(2)} of a file named on the command line, as a C tool sees it, which {@link Path}
 * alone does not: the empty name names nothing ({@code ENOENT}, where {@code Path.of("")} is the
 * working directory), and a name ending in {@code /} must be a directory ({@code ENOTDIR}, where
 * {@code Path} drops the slash).
 */
public final class FileArgument {
    private FileArgument() {
    }

    /**
     * Why {@code stat(arg)} fails, as glibc's text, or empty when it succeeds.
     *
     * @param arg the argument, one char per byte
     * @return the error text, or empty
     */
    public static Optional<String> statError(String arg) {
        if (arg.isEmpty()) {
            return Optional.of("No such file or directory");
        }
        Path file;
        try {
            file = ToolAccess.path(arg);
        } catch (InvalidPathException e) {
            return Optional.of("No such file or directory");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.of(SystemErrors.text(e));
        }
        if (arg.endsWith("/") && !attributes.isDirectory()) {
            return Optional.of("Not a directory");
        }
        return Optional.empty();
    }
}
