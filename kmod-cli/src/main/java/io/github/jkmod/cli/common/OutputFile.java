package io.github.jkmod.cli.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The file of an {@code -o FILE} option ({@code kmod static-nodes -o}, {@code jkmod graph -o}),
 * written whole. A regular file (or a new one) is written to a new file in the same directory,
 * then renamed over it, so that a reader never sees part of the
 * output; an existing file keeps its permissions. Anything else (a device such as
 * {@code /dev/stdout}, a FIFO), or a file whose directory takes no new file, is opened and written
 * in place as kmod does. {@link #open} fails with the
 * errors kmod's {@code fopen(FILE, "w")} would report, before anything is read.
 */
public final class OutputFile {
    private final Path target;
    private final Path temporary;

    private OutputFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Opens {@code output} for writing (the temporary file, for a regular target).
     *
     * @param output the path as given
     * @return the file to {@link #write} once
     * @throws IOException as {@code fopen} would fail ({@code Is a directory}, {@code Permission denied}, ...)
     */
    public static OutputFile open(String output) throws IOException {
        if (output.isEmpty()) {
            throw new java.nio.file.NoSuchFileException(output);
        }
        Path given = Path.of(output);
        if (Files.isDirectory(given)) {
            throw new FileSystemException(output, null, "Is a directory");
        }
        boolean exists = Files.exists(given);
        if (exists && !Files.isRegularFile(given)) {
            // a device or FIFO: opened now, as kmod opens it, and written in place
            Files.newOutputStream(given, StandardOpenOption.WRITE).close();
            return new OutputFile(given, null);
        }
        if (!exists && Files.isSymbolicLink(given)) {
            // a dangling link: kmod creates the file it points to
            return new OutputFile(given, null);
        }
        Path target = exists ? given.toRealPath() : given.toAbsolutePath();
        Path dir = target.getParent();
        for (int attempt = 0;; attempt++) {
            Path temporary = dir.resolve("." + target.getFileName() + ".jkmod-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                // mode 0666 less the umask, as fopen creates files
                Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue;
                }
                throw e;
            } catch (IOException e) {
                if (!exists) {
                    throw e;
                }
                // a writable file in a directory that takes no new file: written in place, as kmod does
                Files.newOutputStream(target, StandardOpenOption.WRITE).close();
                return new OutputFile(target, null);
            }
            if (exists) {
                try {
                    Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
                } catch (IOException | UnsupportedOperationException e) {
                    // the new file's own permissions are kept
                    System.getLogger(OutputFile.class.getName()).log(System.Logger.Level.DEBUG,
                            "permissions of " + target + " not copied", e);
                }
            }
            return new OutputFile(target, temporary);
        }
    }

    /**
     * Writes {@code bytes} as the whole content of the file.
     *
     * @param bytes the output
     * @throws IOException when writing or renaming fails (the temporary file is then removed)
     */
    public void write(byte[] bytes) throws IOException {
        if (temporary == null) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(bytes);
            }
            return;
        }
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                out.write(bytes);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
