package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real {@code modprobe -R} (kmod 30) as the oracle for wildcard search: one concrete string per
 * alias pattern of a tree's modules.alias (and an altered copy of every fourth one, which mostly
 * misses), resolved by modprobe in batches and by our reader on the same tree's index files. Two
 * trees, never mixed: the fetched Debian tree (its own modules.alias and indexes, whatever its
 * release), and the vendored vectors of {@link TestVectors#RELEASE} (a tree made of them, in each
 * layout, kmod 30's and kmod 34's, both read by the real modprobe). modprobe's lookup order is
 * followed: a string that names a module in modules.dep is answered by it; when no alias matches,
 * modules.builtin.bin and then modules.builtin.alias.bin answer.
 */
class RealModprobeOracleTest {
    private static final String MARKER = "jkmod_oracle_marker";
    private static final String SEPARATOR = "jkmod_oracle_sep";
    private static final int BATCH = 2500;
    private static final List<String> INDEXES = List.of("modules.dep.bin", "modules.alias.bin",
            "modules.symbols.bin", "modules.builtin.bin", "modules.builtin.alias.bin");

    @TempDir
    Path tmp;

    @Test
    void searchAnswersLikeModprobeOnTheFetchedTree() throws Exception {
        FetchedTree tree = FetchedTree.require();
        Path modprobe = Prerequisites.modprobe();
        Path moduleDir = tree.moduleDir();
        Prerequisites.require(Files.isRegularFile(moduleDir.resolve("modules.alias.bin")),
                "the index files of the fetched tree (depmod) in " + moduleDir);
        List<Map.Entry<String, String>> aliases = new ArrayList<>();
        for (String line : Files.readAllLines(moduleDir.resolve("modules.alias"), StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("alias ")) {
                aliases.add(Map.entry(TextTwins.normaliseAlias(line.split(" ")[1]), line.split(" ")[2]));
            }
        }
        compare(modprobe, tree.root(), tree.release(), aliases);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kmod30", "kmod34"})
    void searchAnswersLikeModprobeOnTheVendoredVectors(String layout) throws Exception {
        Path modprobe = Prerequisites.modprobe();
        Path root = tmp.resolve("root");
        Path moduleDir = Files.createDirectories(root.resolve("lib/modules").resolve(TestVectors.RELEASE));
        for (String name : INDEXES) {
            Files.copy(TestVectors.file(layout, name), moduleDir.resolve(name));
        }
        compare(modprobe, root, TestVectors.RELEASE, TextTwins.aliases("modules.alias"));
    }

    private void compare(Path modprobe, Path root, String release, List<Map.Entry<String, String>> aliases)
            throws Exception {
        Path moduleDir = root.resolve("lib/modules").resolve(release);
        List<String> queries = queries(moduleDir, aliases);
        Resolver ours = new Resolver(moduleDir);
        Path conf = tmp.resolve("marker.conf");
        Files.writeString(conf, "alias " + MARKER + " " + SEPARATOR + "\n");
        int compared = 0;
        int viaAlias = 0;
        for (int from = 0; from < queries.size(); from += BATCH) {
            List<String> batch = queries.subList(from, Math.min(queries.size(), from + BATCH));
            List<List<String>> answers = runModprobe(modprobe, conf, root, release, batch);
            assertEquals(batch.size(), answers.size());
            for (int i = 0; i < batch.size(); i++) {
                String q = batch.get(i);
                assertEquals(answers.get(i), ours.resolve(q), () -> ours + ": " + q);
                if (!ours.alias.search(q).isEmpty()) {
                    viaAlias++;
                }
                compared++;
            }
        }
        System.out.printf("modprobe oracle (%s): %d strings compared, %d answered by modules.alias.bin%n",
                moduleDir, compared, viaAlias);
        assertTrue(viaAlias > aliases.size() * 9 / 10, "only " + viaAlias + " of " + aliases.size()
                + " patterns answered by aliases");
    }

    /** One concrete string per pattern, plus an altered copy of every fourth one. */
    private static List<String> queries(Path moduleDir, List<Map.Entry<String, String>> aliases) throws Exception {
        BinaryIndex dep = BinaryIndex.open(moduleDir.resolve("modules.dep.bin"));
        Random rnd = new Random(20240611);
        Set<String> out = new LinkedHashSet<>();
        int n = 0;
        for (Map.Entry<String, String> e : aliases) {
            String pattern = e.getKey();
            String s = TextTwins.normaliseAlias(PatternSamples.concrete(pattern, rnd));
            assertTrue(Fnmatch.matches(pattern, s), pattern + " vs " + s);
            if (usable(s, dep)) {
                out.add(s);
            }
            if (n++ % 4 == 0 && !s.isEmpty()) {
                char[] chars = s.toCharArray();
                int at = rnd.nextInt(chars.length);
                chars[at] = "0aZ:_x9".charAt(rnd.nextInt(7));
                String altered = new String(chars);
                if (usable(altered, dep)) {
                    out.add(altered);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Strings modprobe would read as something else (an option, a path, a symbol) are left out. */
    private static boolean usable(String s, BinaryIndex dep) throws IOException {
        return !s.isEmpty() && !s.startsWith("-") && !s.startsWith("/") && !s.startsWith(".")
                && !s.startsWith("symbol:") && s.chars().noneMatch(c -> c <= ' ' || c == '[' || c == ']')
                && !s.equals(MARKER);
    }

    private static List<List<String>> runModprobe(Path modprobe, Path conf, Path root, String release,
            List<String> batch) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(modprobe.toString(), "-C", conf.toString(), "-d",
                root.toString(), "-S", release, "-a", "-R", "--"));
        for (String q : batch) {
            cmd.add(q);
            cmd.add(MARKER);
        }
        Path out = Files.createTempFile("jkmod-oracle", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            List<List<String>> answers = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.equals(SEPARATOR)) {
                    answers.add(current);
                    current = new ArrayList<>();
                } else {
                    current.add(line);
                }
            }
            assertTrue(current.isEmpty(), "trailing output " + current);
            return answers;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** modprobe's lookup steps that concern index files, with our reader. */
    private static final class Resolver {
        final Path dir;
        final BinaryIndex dep;
        final BinaryIndex alias;
        final BinaryIndex builtin;
        final BinaryIndex builtinAlias;

        Resolver(Path moduleDir) throws Exception {
            this.dir = moduleDir;
            dep = BinaryIndex.open(moduleDir.resolve("modules.dep.bin"));
            alias = BinaryIndex.open(moduleDir.resolve("modules.alias.bin"));
            builtin = BinaryIndex.open(moduleDir.resolve("modules.builtin.bin"));
            builtinAlias = BinaryIndex.open(moduleDir.resolve("modules.builtin.alias.bin"));
        }

        List<String> resolve(String q) throws IOException {
            if (q.indexOf(':') < 0 && dep.lookup(q).isPresent()) {
                return List.of(q);
            }
            List<IndexValue> found = alias.search(q);
            if (found.isEmpty() && builtin.lookup(q).isPresent()) {
                return List.of(q);
            }
            if (found.isEmpty()) {
                found = builtinAlias.search(q);
            }
            return found.stream().map(IndexValue::value).collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return alias.file().toString();
        }
    }
}
