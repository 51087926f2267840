package io.github.jkmod.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The real Debian module tree of the chosen {@link Oracle}: under {@code kmod30} the Debian 12 tree
 * that {@code .ci/fetch-real-tree} fetched (directory: system property {@code jkmod.realtree},
 * default {@code /var/tmp/jkmod-realtree}, plain {@code .ko} files), under {@code kmod34} the Debian
 * 13 tree of {@code .ci/fetch-trixie} (property {@code jkmod.realtree.trixie}, default
 * {@code /var/tmp/jkmod-realtree-trixie}, {@code .ko.xz} files). Its kernel release is whatever
 * Debian's archive held that day and is read from {@code DIR/release}, never written in a test: the
 * archive keeps only the newest kernel package.
 *
 * @param dir the directory given to {@code .ci/fetch-real-tree}
 * @param release the kernel release of the tree, from {@code DIR/release}
 */
public record FetchedTree(Path dir, String release) {

    /** The suffixes of a module file, plain first: {@code .ko}, {@code .ko.xz}, {@code .ko.zst}, {@code .ko.gz}. */
    public static final List<String> MODULE_SUFFIXES = List.of(".ko", ".ko.xz", ".ko.zst", ".ko.gz");

    /** The directory of the chosen oracle's tree ({@link Oracle#treeLocation()}), whether or not a tree is there. */
    public static Path location() {
        return Oracle.current().treeLocation();
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
        Prerequisites.require(tree.isPresent(), "the real Debian module tree of " + Oracle.current().description()
                + " in " + location() + " (run " + Oracle.current().fetchScript() + ")");
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
     * A file of the tree, relative to its module directory, e.g. {@code kernel/lib/crc16.ko}; a name
     * ending in {@code .ko} also finds the compressed file of that module ({@code crc16.ko.xz} in the
     * Debian 13 tree). A missing file is a missing prerequisite.
     *
     * @param relative the path under the module directory
     * @return the file
     */
    public Path moduleFile(String relative) {
        Path file = moduleDir().resolve(relative);
        if (relative.endsWith(".ko") && !Files.isRegularFile(file)) {
            for (String suffix : MODULE_SUFFIXES) {
                Path other = moduleDir().resolve(relative + suffix.substring(3));
                if (Files.isRegularFile(other)) {
                    return other;
                }
            }
        }
        Prerequisites.require(Files.isRegularFile(file), "module file " + file + " of the fetched tree");
        return file;
    }

    /**
     * Whether {@code fileName} names a module file: it ends with one of {@link #MODULE_SUFFIXES}.
     *
     * @param fileName a file name or path
     * @return whether it is a module file's name
     */
    public static boolean isModuleFile(String fileName) {
        return MODULE_SUFFIXES.stream().anyMatch(fileName::endsWith);
    }

    /**
     * The module name of a module file as modprobe names it: the base name up to {@code .ko}, each
     * {@code -} as {@code _} ({@code kernel/a/x-y.ko.xz}: {@code x_y}).
     *
     * @param file a module file's path (as in modules.dep)
     * @return the module name
     */
    public static String moduleName(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        int ko = base.indexOf(".ko");
        return (ko < 0 ? base : base.substring(0, ko)).replace('-', '_');
    }
}
