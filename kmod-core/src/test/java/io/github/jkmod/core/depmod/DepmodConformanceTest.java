package io.github.jkmod.core.depmod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.testsupport.ConformanceProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.FetchedTree;
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
    static void compare(FetchedTree tree, Path root, Path config, List<String> extraArgs) {
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
                    .profile(ConformanceProfile.profile()).listener(m -> messages.add(m.line("depmod")))
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
}
