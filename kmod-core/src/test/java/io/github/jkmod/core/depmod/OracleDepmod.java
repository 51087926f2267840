package io.github.jkmod.core.depmod;

import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the oracle's real depmod on a scratch image under {@code /var/tmp} and reads back what it
 * wrote. Scratch images link to the fetched tree's {@code kernel} directory (depmod follows the
 * link) and copy its {@code modules.order}, {@code modules.builtin} and
 * {@code modules.builtin.modinfo}, so the fetched tree itself is never written.
 */
public final class OracleDepmod {
    /** The inputs a module directory holds besides modules; never outputs. */
    public static final List<String> INPUTS = List.of("modules.order", "modules.builtin", "modules.builtin.modinfo");

    private OracleDepmod() {
    }

    /** A new scratch root under /var/tmp. */
    public static Path scratch() throws IOException {
        return Files.createTempDirectory(Path.of("/var/tmp"), "jkmod-depmod-test-");
    }

    /** A scratch image of the fetched tree: ROOT/lib/modules/RELEASE with kernel linked, inputs copied. */
    public static Path imageOf(FetchedTree tree, Path root) throws IOException {
        return imageOf(tree.moduleDir(), tree.release(), root);
    }

    /** A scratch image of the module directory {@code moduleDir} of release {@code release}. */
    public static Path imageOf(Path moduleDir, String release, Path root) throws IOException {
        Path dir = root.resolve("lib/modules").resolve(release);
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("kernel"), moduleDir.resolve("kernel"));
        for (String input : INPUTS) {
            Path f = moduleDir.resolve(input);
            if (Files.exists(f)) {
                Files.copy(f, dir.resolve(input));
            }
        }
        return dir;
    }

    /** Runs the oracle's depmod with {@code args}; returns its outcome. */
    public static RealModprobe.Outcome run(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Oracle.current().depmod().toString());
        cmd.addAll(args);
        return RealModprobe.capture(cmd, Map.of("PATH", "/usr/bin:/bin"), java.nio.charset.StandardCharsets.ISO_8859_1,
                RealModprobe.TIMEOUT);
    }

    /** The output files of {@code dir} (every {@code modules.*} that is not an input), by name. */
    public static Map<String, byte[]> outputs(Path dir) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("modules.") && !INPUTS.contains(name)) {
                    out.put(name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Deletes a scratch root (never following links into the fetched tree). */
    public static void delete(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
