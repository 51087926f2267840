package io.github.jkmod.core.depmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.testsupport.ConformanceProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * jkmod's depmod against the oracle's real depmod ({@code jkmod.oracle}) on the fetched Debian tree:
 * every file both write, byte for byte, and the same messages.
 */
class DepmodConformanceTest {
    private Path scratch;

    @AfterEach
    void cleanUp() throws IOException {
        OracleDepmod.delete(scratch);
    }

    /** Runs both on a scratch image of the fetched tree with {@code config} as the -C path. */
    static Map<String, byte[]> compare(FetchedTree tree, Path root, Path config, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("-C", config.toString(), "-b", root.toString()));
        args.addAll(extraArgs);
        args.add(tree.release());
        RealModprobe.Outcome real = OracleDepmod.run(args);
        Path dir = root.resolve("lib/modules").resolve(tree.release());
        Map<String, byte[]> expected = OracleDepmod.outputs(dir);
        List<String> messages = new ArrayList<>();
        int status;
        Map<String, byte[]> actual = Map.of();
        try {
            actual = Depmod.builder().root(root).release(tree.release()).configPaths(List.of(config))
                    .profile(ConformanceProfile.profile()).listener(m -> {
                        if (m.level().compareTo(DepmodMessage.Level.WARNING) <= 0) {
                            messages.add(m.line("depmod"));
                        }
                    })
                    .build().run().files();
            status = 0;
        } catch (io.github.jkmod.KmodException e) {
            status = 1;
        }
        assertEquals(real.status(), status, "exit status; real stderr: " + real.stderr());
        assertEquals(real.stderr(), messages.isEmpty() ? "" : String.join("\n", messages) + "\n", "messages");
        assertEquals(expected.keySet(), new java.util.TreeSet<>(actual.keySet()), "files written");
        for (String name : expected.keySet()) {
            assertSameFile(name, expected.get(name), actual.get(name));
        }
        return expected;
    }

    static void assertSameFile(String name, byte[] expected, byte[] actual) {
        if (java.util.Arrays.equals(expected, actual)) {
            return;
        }
        int at = java.util.Arrays.mismatch(expected, actual);
        if (!name.endsWith(".bin")) {
            String e = new String(expected, StandardCharsets.ISO_8859_1);
            String a = new String(actual, StandardCharsets.ISO_8859_1);
            int lineStart = e.lastIndexOf('\n', Math.max(0, Math.min(at, e.length()) - 1)) + 1;
            int line = (int) e.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
            assertEquals(excerpt(e, lineStart), excerpt(a, lineStart), name + " differs at line " + line);
        }
        assertEquals(expected.length, actual.length, name + " differs at byte " + at + "; size");
        assertEquals(expected[at], actual[at], name + " differs at byte " + at);
    }

    private static String excerpt(String s, int from) {
        if (from >= s.length()) {
            return "<end of file>";
        }
        int end = from;
        for (int i = 0; i < 3 && end >= 0; i++) {
            end = s.indexOf('\n', end + 1);
        }
        return s.substring(from, end < 0 ? s.length() : end);
    }

    @Test
    void realTreeWithoutConfiguration() throws IOException {
        FetchedTree tree = FetchedTree.require();
        RealModprobe.require();
        scratch = OracleDepmod.scratch();
        Path root = scratch.resolve("root");
        OracleDepmod.imageOf(tree, root);
        Path empty = Files.createDirectories(scratch.resolve("depmod.d"));
        compare(tree, root, empty, List.of());
    }

    /**
     * Every depmod.d command on the real tree: duplicates of real modules in updates/, extra/, an
     * external directory and an excluded directory, decided by search, override and external lines;
     * bad lines reported.
     */
    @Test
    void realTreeWithEveryConfigurationCommand() throws IOException {
        FetchedTree tree = FetchedTree.require();
        RealModprobe.require();
        scratch = OracleDepmod.scratch();
        Path root = scratch.resolve("root");
        Path dir = OracleDepmod.imageOf(tree, root);
        List<String> order = Files.readAllLines(dir.resolve("modules.order"));
        List<Path> files = new ArrayList<>();
        for (String line : order.subList(0, 40)) {
            files.add(tree.moduleFile(line));
        }
        Path ext = Files.createDirectories(scratch.resolve("ext"));
        copy(files.get(0), dir.resolve("updates"));
        copy(files.get(1), dir.resolve("updates"));
        copy(files.get(1), dir.resolve("extra"));
        copy(files.get(2), dir.resolve("extra"));
        copy(files.get(3), dir.resolve("extra/sub"));
        copy(files.get(3), ext);
        copy(files.get(4), ext);
        Files.copy(files.get(8), ext.resolve("jkmod-external-only" + files.get(8).getFileName().toString()
                .substring(files.get(8).getFileName().toString().indexOf(".ko"))));
        copy(files.get(5), dir.resolve("skipme"));
        copy(files.get(6), dir.resolve("updates/skipme"));
        copy(files.get(7), scratch.resolve("ext2"));
        Path cfg = Files.createDirectories(scratch.resolve("depmod.d"));
        String name2 = OracleDepmodNames.name(files.get(2));
        Files.writeString(cfg.resolve("10-search.conf"), "# search order\nsearch extra updates built-in external\n"
                + "override " + name2 + " * " + Path.of(order.get(2)).getParent() + "\n"
                + "external ^[0-9] " + ext + "\nexternal ^nomatch " + scratch.resolve("ext2") + "\n");
        Files.writeString(cfg.resolve("20-other.conf"), "exclude skipme\ninclude foo\nmake_map_files\nbogus line\n"
                + "override incomplete\n  # indented comment\nexternal\n");
        Files.writeString(cfg.resolve("README"), "not a .conf file\n");
        String dep = new String(compare(tree, root, cfg, List.of()).get("modules.dep"), StandardCharsets.ISO_8859_1);
        // the scenario is exercised: modules came from extra/, updates/ and the external directory
        assertTrue(dep.contains("\nextra/") && dep.contains("\nupdates/") && dep.contains("\n" + ext + "/"), dep);
        assertTrue(!dep.contains("skipme") && !dep.contains("ext2"), "excluded and unmatched directories");
    }

    private static void copy(Path file, Path toDir) throws IOException {
        Files.createDirectories(toDir);
        Files.copy(file, toDir.resolve(file.getFileName()));
    }

    /**
     * The Debian 12 tree compressed by turns with xz, zstd and gzip ({@code .ci/fetch-real-tree}'s
     * compressed-root), under either oracle: the {@code .ko.gz} third is no module for either
     * (both are built without zlib).
     */
    @Test
    void compressedMixTree() throws IOException {
        Path dir = Path.of(System.getProperty("jkmod.realtree", "/var/tmp/jkmod-realtree"));
        Prerequisites.require(Files.isRegularFile(dir.resolve("release")), "the Debian 12 tree in " + dir);
        String release = Files.readString(dir.resolve("release")).strip();
        FetchedTree debian12 = new FetchedTree(dir, release);
        Path compressed = debian12.compressedRoot().resolve("lib/modules").resolve(release);
        Prerequisites.require(Files.isDirectory(compressed), "the compressed copy " + compressed
                + " (run .ci/fetch-real-tree)");
        RealModprobe.require();
        scratch = OracleDepmod.scratch();
        Path root = scratch.resolve("root");
        OracleDepmod.imageOf(compressed, release, root);
        Path empty = Files.createDirectories(scratch.resolve("depmod.d"));
        String dep = new String(compare(debian12, root, empty, List.of()).get("modules.dep"), StandardCharsets.ISO_8859_1);
        assertTrue(dep.contains(".ko.xz:") && dep.contains(".ko.zst:") && !dep.contains(".ko.gz"), "xz and zstd only");
    }
}
