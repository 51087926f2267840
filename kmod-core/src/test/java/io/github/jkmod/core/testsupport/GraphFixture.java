package io.github.jkmod.core.testsupport;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small module tree (release {@value #RELEASE}, text indexes only) for graph tests, with a
 * configuration that uses every kind of edge, and a fake sysfs:
 * <pre>
 * modules.dep:  a: b c   b: c   c   d   e: c   w   x   y: x
 * builtin:      bi
 * config:       alias ali a;  alias ghost nosuchmodule;  alias blk b;  blacklist b;  alias dee d
 *               softdep a pre: dee bi post: nothere;
 *               softdep d post: e pre: we"ird\\name (the file doubles the backslash)
 *               weakdep a w
 * sysfs:        c live, held by b and x;  x live, held by y;  y live;  b live;  d coming (not marked loaded)
 * </pre>
 */
public final class GraphFixture {
    /** The fixture's kernel release. */
    public static final String RELEASE = "1.0-graph";

    private final Path root;
    private final Path config;

    private GraphFixture(Path root, Path config) {
        this.root = root;
        this.config = config;
    }

    /**
     * Writes the fixture under {@code root}.
     *
     * @param root an empty directory
     * @return the fixture
     * @throws IOException when a file cannot be written
     */
    public static GraphFixture write(Path root) throws IOException {
        Path dir = root.resolve("lib/modules").resolve(RELEASE);
        Files.createDirectories(dir.resolve("kernel"));
        for (String m : List.of("a", "b", "c", "d", "e", "w", "x", "y")) {
            Files.writeString(dir.resolve("kernel/" + m + ".ko"), "", StandardCharsets.US_ASCII);
        }
        Files.writeString(dir.resolve("modules.dep"), "kernel/a.ko: kernel/b.ko kernel/c.ko\n"
                + "kernel/b.ko: kernel/c.ko\nkernel/c.ko:\nkernel/d.ko:\nkernel/e.ko: kernel/c.ko\n"
                + "kernel/w.ko:\nkernel/x.ko:\nkernel/y.ko: kernel/x.ko\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("modules.builtin"), "kernel/bi.ko\n", StandardCharsets.US_ASCII);
        Path config = root.resolve("graph.conf");
        Files.writeString(config, "alias ali a\nalias ghost nosuchmodule\nalias blk b\nblacklist b\nalias dee d\n"
                + "softdep a pre: dee bi post: nothere\nsoftdep d post: e pre: we\"ird\\\\name\nweakdep a w\n",
                StandardCharsets.ISO_8859_1);
        Files.writeString(root.resolve("cmdline"), "\n", StandardCharsets.US_ASCII);
        FakeKernelTree sys = FakeKernelTree.at(root);
        sys.module("c").live().holder("b").holder("x");
        sys.module("x").live().holder("y");
        sys.module("y").live();
        sys.module("b").live();
        sys.module("d").coming();
        return new GraphFixture(root, config);
    }

    /**
     * The root of the tree and of its sysfs.
     *
     * @return the root
     */
    public Path root() {
        return root;
    }

    /**
     * The configuration file.
     *
     * @return the file
     */
    public Path config() {
        return config;
    }

    /**
     * A context on the fixture (kmod 34 profile: weakdeps read).
     *
     * @return the context
     * @throws KmodException when it cannot be built
     */
    public KmodContext context() throws KmodException {
        return KmodContext.builder().root(root).release(RELEASE).configPaths(List.of(config))
                .cmdline(root.resolve("cmdline")).profile(KmodProfile.KMOD_34).logWarnings(false).build();
    }
}
