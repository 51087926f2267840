package io.github.jkmod.sysfs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * File operations that a concurrent reader sees as atomic: a file is written in a staging directory
 * outside {@code sys/} and {@code proc/}, then renamed into place; a directory is built in the
 * staging directory and renamed into place; a directory is removed by renaming it away first.
 * Failures are {@link UncheckedIOException}s naming the path.
 */
final class TreeWriter {

    /** The staging directory under the root, never read by {@code KernelState}. */
    static final String STAGING = ".fake-kernel-tree";

    private final Path staging;
    private long counter;

    TreeWriter(Path root) {
        this.staging = root.resolve(STAGING);
        run(staging, () -> Files.createDirectories(staging));
    }

    /** A fresh, not yet existing path in the staging directory. */
    Path scratch(String hint) {
        return staging.resolve(hint + "-" + (++counter));
    }

    /** Writes {@code content} to {@code target} (parents created) so that no reader sees a partial file. */
    void writeAtomically(Path target, String content) {
        Path temp = scratch("file");
        run(target, () -> {
            Files.createDirectories(target.getParent());
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            moveIntoPlace(temp, target);
        });
    }

    /** Writes {@code content} to a new file {@code target} directly (used while building in staging). */
    void write(Path target, String content) {
        run(target, () -> {
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, StandardCharsets.UTF_8);
        });
    }

    /** Renames {@code source} (a file or a directory) to {@code target}, atomically where supported. */
    void moveIntoPlace(Path source, Path target) {
        run(target, () -> {
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    /** Creates the symbolic link {@code link -> target} (a plain directory where links are unsupported). */
    void symlink(Path link, String target) {
        run(link, () -> {
            Files.createDirectories(link.getParent());
            if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try {
                Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(link);
            }
        });
    }

    /** Creates {@code dir} and its parents. */
    void mkdirs(Path dir) {
        run(dir, () -> Files.createDirectories(dir));
    }

    /** Deletes a file or a link, if present. */
    void delete(Path path) {
        run(path, () -> Files.deleteIfExists(path));
    }

    /** Removes {@code dir} and its content at once for readers: renamed away, then deleted. */
    void removeTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path away = scratch("gone");
        moveIntoPlace(dir, away);
        deleteRecursively(away);
    }

    /** Deletes {@code dir} and everything under it, never following links. */
    void deleteRecursively(Path dir) {
        run(dir, () -> Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        }));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void run(Path path, IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("fake kernel tree: cannot write " + path + ": " + e, e);
        }
    }
}
