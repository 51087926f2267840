package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 10,000 deterministic mutants of real indexes (byte and bit flips, truncations, smashed node words,
 * flags and counts, words pointing back at the root): every lookup, search and dump of every mutant
 * either answers or throws IndexFormatException, never anything else, and never hangs.
 */
class MutationTest {

    private record Target(String layout, String name, int mutants, List<String> keys) {
    }

    @Test
    void mutantsAnswerOrAreRejected() {
        List<Target> targets = List.of(
                new Target("kmod34", "modules.builtin.alias.bin", 2_500, keys(TextTwins.builtinAliases())),
                new Target("kmod30", "modules.builtin.alias.bin", 2_000, keys(TextTwins.builtinAliases())),
                new Target("kmod34", "modules.builtin.bin", 2_000, keys(TextTwins.builtin())),
                new Target("kmod30", "modules.builtin.bin", 2_000, keys(TextTwins.builtin())),
                new Target("kmod34", "modules.dep.bin", 800, keys(TextTwins.dep())),
                new Target("kmod30", "modules.dep.bin", 700, keys(TextTwins.dep())));
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random rnd = new Random(0x6b6d6f64L);
            int total = 0;
            int rejected = 0;
            for (Target t : targets) {
                byte[] original = Files.readAllBytes(TestVectors.file(t.layout, t.name));
                byte[] bytes = original.clone();
                int rootWord = ByteBuffer.wrap(original).getInt(8);
                int targetRejected = 0;
                for (int m = 0; m < t.mutants; m++) {
                    List<Integer> touched = new ArrayList<>();
                    StringBuilder what = new StringBuilder();
                    int length = mutate(bytes, rootWord, rnd, touched, what);
                    try {
                        exercise(bytes, length, t, rnd);
                    } catch (IndexFormatException e) {
                        targetRejected++;
                    } catch (Throwable e) {
                        throw new AssertionError(t.layout + "/" + t.name + " mutant " + m + " (" + what
                                + ") threw " + e, e);
                    }
                    for (int at : touched) {
                        bytes[at] = original[at];
                    }
                }
                System.out.printf("mutants of %s/%s: %d, rejected %d%n", t.layout, t.name, t.mutants,
                        targetRejected);
                assertTrue(targetRejected > 0 && targetRejected < t.mutants, t.name + ": " + targetRejected);
                total += t.mutants;
                rejected += targetRejected;
            }
            System.out.printf("mutants: %d, rejected with IndexFormatException: %d, answered: %d%n",
                    total, rejected, total - rejected);
        });
    }

    private static List<String> keys(List<Map.Entry<String, String>> entries) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            out.add(e.getKey());
        }
        return out;
    }

    /** Applies one to three mutations; returns the length of the mutant (shorter when truncated). */
    private static int mutate(byte[] b, int rootWord, Random rnd, List<Integer> touched, StringBuilder what) {
        int length = b.length;
        int rounds = 1 + rnd.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            int kind = rnd.nextInt(8);
            int at = rnd.nextInt(length);
            what.append(kind).append('@').append(at).append(' ');
            switch (kind) {
                case 0 -> set(b, at, rnd.nextInt(256), touched);
                case 1 -> set(b, at, b[at] ^ (1 << rnd.nextInt(8)), touched);
                case 2 -> length = rnd.nextInt(length + 1);
                case 3 -> setWord(b, length, at, (rnd.nextInt(8) << 29) | rnd.nextInt(length + 64), touched);
                case 4 -> setWord(b, length, at, rootWord, touched);
                case 5 -> set(b, at, (b[at] & 0x0f) | (rnd.nextInt(16) << 4), touched);
                case 6 -> setWord(b, length, at, rnd.nextBoolean() ? -1 : rnd.nextInt(), touched);
                default -> {
                    int from = rnd.nextInt(length);
                    for (int k = 0; k < 4 && from + k < length && at + k < length; k++) {
                        set(b, at + k, b[from + k], touched);
                    }
                }
            }
            if (length == 0) {
                break;
            }
        }
        return length;
    }

    private static void set(byte[] b, int at, int value, List<Integer> touched) {
        touched.add(at);
        b[at] = (byte) value;
    }

    private static void setWord(byte[] b, int length, int at, int word, List<Integer> touched) {
        for (int k = 0; k < 4 && at + k < length; k++) {
            set(b, at + k, word >>> (24 - 8 * k), touched);
        }
    }

    private static void exercise(byte[] bytes, int length, Target t, Random rnd) throws Exception {
        BinaryIndex index = BinaryIndex.of(ByteBuffer.wrap(bytes, 0, length).slice(), Path.of(t.name));
        for (int k = 0; k < 3; k++) {
            index.lookup(t.keys.get(rnd.nextInt(t.keys.size())));
        }
        index.lookup("no_such_key");
        String key = t.keys.get(rnd.nextInt(t.keys.size()));
        index.search(key);
        index.search(key.substring(0, key.length() / 2) + "*x?[a]");
        index.search("pci:v00008086d00001502sv00000000sd00000000bc02sc00i00");
        int[] count = new int[1];
        index.forEach((k, v) -> count[0]++);
    }
}
