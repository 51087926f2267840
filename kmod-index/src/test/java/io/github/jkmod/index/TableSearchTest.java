package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wildcard search through the node table (pruned) against the full walk: on the real vectors
 * (both layouts), for a concrete string of every pattern and, for every fourth pattern, a prefix, an
 * altered copy (wildcards of its own included) and a longer string, and for long strings (rows of
 * several words), both give equal result lists;
 * a file that is not sound gets no table; a mutant that the check calls sound never fails a full
 * search.
 */
class TableSearchTest {

    private static List<IndexValue> search(IndexData data, String query, boolean prune)
            throws IndexFormatException {
        return new WildcardSearch(data, query.getBytes(StandardCharsets.UTF_8), prune).run();
    }

    private static IndexData data(String layout, String name) throws Exception {
        Path file = TestVectors.file(layout, name);
        return new IndexData(ByteBuffer.wrap(Files.readAllBytes(file)), file);
    }

    private static List<String> queries(List<Map.Entry<String, String>> entries, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        String alphabet = "*?[]\\!-^:aAzZ09_.";
        int k = 0;
        for (Map.Entry<String, String> e : entries) {
            String s = PatternSamples.concrete(e.getKey(), rnd);
            out.add(s);
            if (k++ % 4 != 0) {
                continue;
            }
            out.add(s.substring(0, rnd.nextInt(s.length() + 1)));
            StringBuilder altered = new StringBuilder(s);
            if (altered.length() > 0) {
                altered.setCharAt(rnd.nextInt(altered.length()), alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            out.add(altered.toString());
            out.add(s + s.substring(rnd.nextInt(s.length() + 1)).repeat(1 + rnd.nextInt(4)));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "kmod30, modules.alias.bin, modules.alias",
        "kmod34, modules.alias.bin, modules.alias",
        "kmod30, modules.symbols.bin, modules.symbols",
        "kmod34, modules.builtin.alias.bin, ",
    })
    void prunedAndFullSearchesAgree(String layout, String name, String text) throws Exception {
        IndexData data = data(layout, name);
        assertTrue(data.sound(), name + " is sound");
        List<Map.Entry<String, String>> entries = text == null
                ? TextTwins.builtinAliases() : TextTwins.aliases(text);
        List<String> queries = queries(entries, name.hashCode());
        int nonEmpty = 0;
        for (String q : queries) {
            List<IndexValue> full = search(data, q, false);
            assertEquals(full, search(data, q, true), q);
            if (!full.isEmpty()) {
                nonEmpty++;
            }
        }
        assertTrue(nonEmpty > entries.size() / 2, nonEmpty + " of " + queries.size() + " answered");
    }

    @Test
    void longQueriesUseRowsOfSeveralWords() throws Exception {
        IndexData data = data("kmod30", "modules.alias.bin");
        Random rnd = new Random(7);
        int compared = 0;
        for (Map.Entry<String, String> e : TextTwins.aliases("modules.alias")) {
            if (!e.getKey().endsWith("*") || compared++ % 7 != 0) {
                continue;
            }
            // The trailing star swallows the padding: 130 to 260 bytes, rows of three to five words.
            String q = PatternSamples.concrete(e.getKey(), rnd) + "y".repeat(130 + rnd.nextInt(130));
            List<IndexValue> full = search(data, q, false);
            assertTrue(full.stream().anyMatch(v -> v.value().equals(e.getValue())), q);
            assertEquals(full, search(data, q, true), q);
        }
        assertTrue(compared > 10_000, compared + " patterns end with a star");
        for (String q : List.of("*".repeat(130), "?".repeat(64), "[".repeat(100), "pci:" + "v*".repeat(50))) {
            assertEquals(search(data, q, false), search(data, q, true), q);
        }
    }

    @Test
    void filesThatAreNotSoundAreWalkedInFull() throws Exception {
        byte[] bytes = Files.readAllBytes(TestVectors.file("kmod30", "modules.builtin.alias.bin"));
        int root = ByteBuffer.wrap(bytes).getInt(8) & IndexData.OFFSET_MASK;
        assertTrue(new IndexData(ByteBuffer.wrap(bytes.clone()), Path.of("x")).sound());
        // The root's last child word pointing back at the root: a cycle.
        ByteBuffer b = ByteBuffer.wrap(bytes);
        IndexData sound = new IndexData(ByteBuffer.wrap(bytes.clone()), Path.of("x"));
        Node node = sound.node(b.getInt(8), IndexData.ROOT_WORD_AT);
        b.putInt(node.childWordAt(node.last()), b.getInt(8));
        assertFalse(new IndexData(ByteBuffer.wrap(bytes), Path.of("x")).sound());
        assertTrue(root >= IndexData.HEADER_SIZE);
    }

    /**
     * Mutants of a real index (bytes and words smashed, truncations): whenever the check calls one
     * sound, full searches never fail on it, and pruned ones give their results; most mutants that
     * the full searches reject are not sound.
     */
    @Test
    void soundMutantsNeverFailAFullSearch() throws Exception {
        byte[] original = Files.readAllBytes(TestVectors.file("kmod34", "modules.builtin.alias.bin"));
        List<String> queries = new ArrayList<>();
        Random rnd = new Random(11);
        for (Map.Entry<String, String> e : TextTwins.builtinAliases()) {
            queries.add(PatternSamples.concrete(e.getKey(), rnd));
        }
        queries.addAll(List.of("", "*", "acpi*:PNP0C0A:*", "pci:v*", "?", "[", "x".repeat(80)));
        int sound = 0;
        int rejected = 0;
        for (int m = 0; m < 3000; m++) {
            byte[] bytes = original.clone();
            int length = bytes.length;
            for (int r = 1 + rnd.nextInt(2); r > 0; r--) {
                int at = IndexData.HEADER_SIZE + rnd.nextInt(length - IndexData.HEADER_SIZE);
                switch (rnd.nextInt(4)) {
                    case 0 -> bytes[at] = (byte) rnd.nextInt(256);
                    case 1 -> bytes[at] ^= (byte) (1 << rnd.nextInt(8));
                    case 2 -> length = Math.max(IndexData.HEADER_SIZE, rnd.nextInt(length + 1));
                    default -> {
                        int word = (rnd.nextInt(8) << 29) | rnd.nextInt(length + 16);
                        for (int k = 0; k < 4 && at + k < length; k++) {
                            bytes[at + k] = (byte) (word >>> (24 - 8 * k));
                        }
                    }
                }
            }
            IndexData data = new IndexData(ByteBuffer.wrap(bytes, 0, length).slice(), Path.of("m"));
            if (data.sound()) {
                sound++;
                for (String q : queries) {
                    assertEquals(search(data, q, false), search(data, q, true), "mutant " + m + ": " + q);
                }
            } else {
                try {
                    for (String q : queries) {
                        search(data, q, false);
                    }
                } catch (IndexFormatException e) {
                    rejected++;
                }
            }
        }
        assertTrue(sound > 300 && rejected > 300, sound + " sound, " + rejected + " rejected");
    }
}
