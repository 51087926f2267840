package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/**
 * The real {@code modprobe -R} (kmod 30) as the oracle for wildcard search: one concrete string per
 * alias pattern of the real tree's modules.alias (and a altered copy of every fourth one, which
 * mostly misses), resolved by modprobe in batches and by our reader on the real tree's
 * modules.alias.bin and on both vector layouts. modprobe's lookup order is followed (SEMANTICS.md
 * section 1): a string that names a module in modules.dep is answered by it; when no alias matches,
 * modules.builtin.bin and then modules.builtin.alias.bin answer.
 */
class RealModprobeOracleTest {
    private static final String MARKER = "jkmod_oracle_marker";
    private static final String SEPARATOR = "jkmod_oracle_sep";
    private static final int BATCH = 2500;

    @TempDir
    Path tmp;

    @Test
    void searchAnswersLikeModprobe() throws Exception {
        Path tree = TestVectors.realTree();
        assumeTrue(tree != null, "no real tree (run .ci/fetch-real-tree)");
        Path modprobe = modprobe();
        assumeTrue(modprobe != null, "no modprobe");
        String release = Files.readString(tree.resolve("release")).trim();
        Path root = tree.resolve("root");
        Path moduleDir = root.resolve("lib/modules").resolve(release);
        assumeTrue(Files.isRegularFile(moduleDir.resolve("modules.alias.bin")), "real tree without indexes");

        List<String> queries = queries(moduleDir);
        Resolver real = new Resolver(moduleDir);
        List<Resolver> ours = List.of(real,
                new Resolver(TestVectors.file("kmod30", "modules.alias.bin").getParent(), moduleDir),
                new Resolver(TestVectors.file("kmod34", "modules.alias.bin").getParent(), moduleDir));

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
                for (Resolver r : ours) {
                    assertEquals(answers.get(i), r.resolve(q), () -> r + ": " + q);
                }
                if (!real.alias.search(q).isEmpty()) {
                    viaAlias++;
                }
                compared++;
            }
        }
        System.out.printf("modprobe oracle: %d strings compared, %d answered by modules.alias.bin%n",
                compared, viaAlias);
        assertTrue(viaAlias > 26_000, "only " + viaAlias + " answered by aliases");
    }

    /** One concrete string per pattern, plus an altered copy of every fourth one. */
    private static List<String> queries(Path moduleDir) throws Exception {
        BinaryIndex dep = BinaryIndex.open(moduleDir.resolve("modules.dep.bin"));
        Random rnd = new Random(20240611);
        Set<String> out = new LinkedHashSet<>();
        int n = 0;
        for (Map.Entry<String, String> e : TextTwins.aliases("modules.alias")) {
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

    private static Path modprobe() {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path p = Path.of(dir, "modprobe");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** modprobe's lookup steps that concern index files, with our reader. */
    private static final class Resolver {
        final Path dir;
        final BinaryIndex dep;
        final BinaryIndex alias;
        final BinaryIndex builtin;
        final BinaryIndex builtinAlias;

        Resolver(Path moduleDir) throws Exception {
            this(moduleDir, moduleDir);
        }

        /** The alias index from {@code aliasDir}, the others from {@code moduleDir}. */
        Resolver(Path aliasDir, Path moduleDir) throws Exception {
            this.dir = aliasDir;
            dep = BinaryIndex.open(moduleDir.resolve("modules.dep.bin"));
            alias = BinaryIndex.open(aliasDir.resolve("modules.alias.bin"));
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
