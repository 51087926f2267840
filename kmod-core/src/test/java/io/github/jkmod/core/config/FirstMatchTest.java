package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexed first match against a plain scan in order with {@link Fnmatch}. */
class FirstMatchTest {

    private static int scan(List<String> patterns, String name) {
        for (int i = 0; i < patterns.size(); i++) {
            if (Fnmatch.matchesLatin1(patterns.get(i), name)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void plainAndWildPatternsInOrder() {
        List<String> patterns = List.of("ext4", "e*", "ext4", "crc?6", "[a-c]rc16", "crc16", "x\\y", "");
        FirstMatch m = new FirstMatch(patterns);
        assertEquals(0, m.first("ext4"));
        assertEquals(1, m.first("e1000e"));
        assertEquals(3, m.first("crc16"));
        assertEquals(4, m.first("brc16"));
        assertEquals(6, m.first("xy"));
        assertEquals(7, m.first(""));
        assertEquals(-1, m.first("zzz"));
    }

    @Test
    void agreesWithAScanOnRandomPatterns() {
        Random rnd = new Random(42);
        String alphabet = "ab-_*?[]!\\c";
        int found = 0;
        for (int round = 0; round < 2000; round++) {
            List<String> patterns = new ArrayList<>();
            for (int k = rnd.nextInt(8); k >= 0; k--) {
                patterns.add(random(rnd, rnd.nextBoolean() ? "abc" : alphabet));
            }
            FirstMatch m = new FirstMatch(patterns);
            for (int q = 0; q < 20; q++) {
                String name = random(rnd, "abc-_");
                int expected = scan(patterns, name);
                assertEquals(expected, m.first(name), patterns + " " + name);
                if (expected >= 0) {
                    found++;
                }
            }
        }
        assertTrue(found > 1000, found + " matches");
    }

    private static String random(Random rnd, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
