package io.github.jkmod.cli.lsmod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fake {@code proc/modules} and {@code sys/module} under a directory, as lsmod reads them: the
 * lines are written as given, and each module's sysfs entries ({@code coresize}, {@code refcnt},
 * {@code holders/} links) only where a case asks for them, in the order asked (a directory lists
 * its holders in the order the file system keeps them; the real lsmod and jkmod read the same
 * directory).
 */
final class FakeLoadedTree {
    private final Path root;

    private FakeLoadedTree(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("sys/module"));
            Files.createDirectories(root.resolve("proc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tree at {@code root} with an empty {@code sys/module} and no {@code proc/modules}. */
    static FakeLoadedTree at(Path root) {
        return new FakeLoadedTree(root);
    }

    Path root() {
        return root;
    }

    /** Writes {@code proc/modules}: each line followed by a newline. */
    FakeLoadedTree lines(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(line).append('\n');
        }
        return raw("proc/modules", b.toString());
    }

    /** Writes any file under the root, as given. */
    FakeLoadedTree raw(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * {@code sys/module/NAME} of a loaded module as Linux 3.3+ shows it: {@code coresize},
     * {@code refcnt}, {@code initstate} and {@code holders/} with a link per holder, in this order.
     */
    FakeLoadedTree module(String name, long coresize, int refcnt, String... holders) {
        raw("sys/module/" + name + "/coresize", coresize + "\n");
        raw("sys/module/" + name + "/refcnt", refcnt + "\n");
        raw("sys/module/" + name + "/initstate", "live\n");
        return holders(name, holders);
    }

    /** {@code sys/module/NAME/holders/} with a link per holder (created even with none). */
    FakeLoadedTree holders(String name, String... holders) {
        try {
            Path dir = root.resolve("sys/module/" + name + "/holders");
            Files.createDirectories(dir);
            for (String h : holders) {
                Files.createSymbolicLink(dir.resolve(h), Path.of("../../" + h));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Only the directory {@code sys/module/NAME} (a module without coresize: kmod falls back to proc/modules). */
    FakeLoadedTree directory(String name) {
        try {
            Files.createDirectories(root.resolve("sys/module/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
