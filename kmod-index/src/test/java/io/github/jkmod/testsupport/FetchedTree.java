package io.github.jkmod.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real Debian module tree that {@code .ci/fetch-real-tree} fetched (directory: system property
 * {@code jkmod.realtree}, default {@code /var/tmp/jkmod-realtree}). Its kernel release is whatever
 * Debian's archive held that day and is read from {@code DIR/release}, never written in a test: the
 * archive keeps only the newest kernel package.
 *
 * @param dir the directory given to {@code .ci/fetch-real-tree}
 * @param release the kernel release of the tree, from {@code DIR/release}
 */
public record FetchedTree(Path dir, String release) {

    /** The directory named by {@code jkmod.realtree}, whether or not a tree is there. */
    public static Path location() {
        return Path.of(System.getProperty("jkmod.realtree", "/var/tmp/jkmod-realtree")).toAbsolutePath();
    }

    /**
     * The fetched tree, when {@code DIR/release} names a module directory that exists.
     *
     * @return the tree, or empty
     */
    public static Optional<FetchedTree> find() {
        Path dir = location();
        Path file = dir.resolve("release");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String release = Files.readString(file, StandardCharsets.UTF_8).strip();
            FetchedTree tree = new FetchedTree(dir, release);
            return !release.isEmpty() && Files.isDirectory(tree.moduleDir()) ? Optional.of(tree) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fetched tree; a missing one is a missing prerequisite ({@link Prerequisites#require}).
     *
     * @return the tree
     */
    public static FetchedTree require() {
        Optional<FetchedTree> tree = find();
        Prerequisites.require(tree.isPresent(),
                "the real Debian module tree in " + location() + " (run .ci/fetch-real-tree)");
        return tree.orElseThrow();
    }

    /** {@code DIR/root}: the root to give {@code -d}. */
    public Path root() {
        return dir.resolve("root");
    }

    /** {@code DIR/root/lib/modules/RELEASE}. */
    public Path moduleDir() {
        return root().resolve("lib/modules").resolve(release);
    }

    /** {@code DIR/compressed-root}: the same modules compressed with xz, zstd and gzip by turns. */
    public Path compressedRoot() {
        return dir.resolve("compressed-root");
    }

    /**
     * A file of the tree, relative to its module directory, e.g. {@code kernel/lib/crc16.ko}; a missing
     * file is a missing prerequisite.
     *
     * @param relative the path under the module directory
     * @return the file
     */
    public Path moduleFile(String relative) {
        Path file = moduleDir().resolve(relative);
        Prerequisites.require(Files.isRegularFile(file), "module file " + file + " of the fetched tree");
        return file;
    }
}
