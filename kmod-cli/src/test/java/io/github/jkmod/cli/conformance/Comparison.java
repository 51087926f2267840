package io.github.jkmod.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs command lines through the real modprobe and through jmodprobe in this JVM (invoked under
 * the real one's path, so that even getopt's messages name the same program) and collects every
 * command line whose stdout, stderr or exit status differ.
 */
final class Comparison {
    private static final int SHOWN = 3;

    private final RealTree tree;
    private final List<String> mismatches = new ArrayList<>();
    private int invocations;
    private int keys;
    private long bytes;

    private final Function<CommandLine, Outcome> jmodprobe;

    /** Compares with jmodprobe run in this JVM. */
    Comparison(RealTree tree) {
        this(tree, line -> Programs.inProcess(tree.modprobe(), line));
    }

    /** Compares with jmodprobe run by {@code jmodprobe} (e.g. the packaged executable). */
    Comparison(RealTree tree, Function<CommandLine, Outcome> jmodprobe) {
        this.tree = tree;
        this.jmodprobe = jmodprobe;
    }

    /** The real modprobe's outcome. */
    Outcome real(CommandLine line) {
        return KnownDifferences.normalise(Programs.process(tree.modprobe(), line));
    }

    /** jmodprobe's outcome. */
    Outcome ours(CommandLine line) {
        return KnownDifferences.normalise(jmodprobe.apply(line));
    }

    /** Compares one command line; a difference is recorded and returned. */
    Optional<String> compare(CommandLine line) {
        invocations++;
        Outcome real = real(line);
        Outcome ours = ours(line);
        count(real);
        if (real.equals(ours)) {
            return Optional.empty();
        }
        String d = describe(line, real, ours);
        mismatches.add(d);
        return Optional.of(d);
    }

    /**
     * Compares {@code prefix -- KEY...} in batches of {@code batch} keys (the prefix must hold
     * {@code -a}); a batch that differs is compared again one key at a time, so that each
     * difference is recorded with the key that causes it.
     */
    void compareKeys(CommandLine prefix, List<String> keyList, int batch) {
        for (int from = 0; from < keyList.size(); from += batch) {
            List<String> part = keyList.subList(from, Math.min(from + batch, keyList.size()));
            CommandLine line = prefix.plus(List.of("--")).plus(part);
            invocations++;
            keys += part.size();
            Outcome real = real(line);
            Outcome ours = ours(line);
            count(real);
            if (!real.equals(ours)) {
                int before = mismatches.size();
                for (String key : part) {
                    compare(prefix.plus(List.of("--", key)));
                }
                if (mismatches.size() == before) {
                    mismatches.add(describe(line, real, ours) + "(no single key differs)\n");
                }
            }
            if (mismatches.size() > 20) {
                break;
            }
        }
    }

    private void count(Outcome real) {
        bytes += real.stdout().length() + real.stderr().length();
    }

    /** Asserts that nothing differed, and that {@code expectedKeys} keys were compared. */
    void assertSame(int expectedKeys) {
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " differences:\n"
                + String.join("\n", mismatches.stream().map(m -> m.substring(0, m.indexOf('\n'))).toList())
                + "\nfirst:\n"
                + String.join("\n", mismatches.subList(0, Math.min(SHOWN, mismatches.size()))));
        assertEquals(expectedKeys, keys);
        assertTrue(bytes > 0, "nothing was printed at all");
        System.out.println("conformance: " + invocations + " invocations, " + keys + " keys, "
                + bytes + " bytes of modprobe output compared");
    }

    /** Asserts that nothing differed. */
    void assertSame() {
        assertSame(keys);
    }

    int invocations() {
        return invocations;
    }

    static String describe(CommandLine line, Outcome real, Outcome ours) {
        return line + "\n=== modprobe: " + real.show() + "=== jmodprobe: " + ours.show();
    }
}
