package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corrupt fixtures in {@code src/test/resources/bad} (written by
 * {@code src/test/scripts/make-bad-indexes.py}): each one is rejected with an IndexFormatException
 * that names the file and the byte offset, by every operation that meets the damage.
 */
class BadIndexFilesTest {

    private static final String FOREACH = "forEach";
    private static final String OPEN = "open";

    static List<Arguments> cases() {
        String tooShort = "file too short: %d bytes, an index has at least 12";
        String past = "node offset %d is at or past the end of the file (%d bytes)";
        String header = "node offset %d points into the header";
        String noNul = "string without NUL terminator runs to the end of the file (%d bytes)";
        String twice = "node at offset %d is reached twice on one walk (a cycle or a shared subtree)";
        return List.of(
                Arguments.of("empty-file", OPEN, 0, String.format(tooShort, 0)),
                Arguments.of("short-header", OPEN, 0, String.format(tooShort, 8)),
                Arguments.of("bad-magic", OPEN, 0, "bad magic 0xdeadbeef, expected 0xb007f457"),
                Arguments.of("bad-version", OPEN, 4, "unsupported version 0x00030001, the major version must be 2"),
                Arguments.of("old-version", OPEN, 4, "unsupported version 0x00010000, the major version must be 2"),
                Arguments.of("root-past-end", "lookup:a", 8, String.format(past, 16, 16)),
                Arguments.of("root-past-end", "search:a", 8, String.format(past, 16, 16)),
                Arguments.of("root-past-end", FOREACH, 8, String.format(past, 16, 16)),
                Arguments.of("root-in-header", "lookup:", 8, String.format(header, 4)),
                Arguments.of("root-in-header", FOREACH, 8, String.format(header, 4)),
                Arguments.of("child-past-end", "lookup:a", 14, String.format(past, 4096, 18)),
                Arguments.of("child-past-end", "search:a", 14, String.format(past, 4096, 18)),
                Arguments.of("child-past-end", FOREACH, 14, String.format(past, 4096, 18)),
                Arguments.of("child-in-header", "lookup:a", 14, String.format(header, 8)),
                Arguments.of("child-in-header", FOREACH, 14, String.format(header, 8)),
                Arguments.of("first-after-last", "lookup:a", 12, "child range first 0x62 > last 0x61"),
                Arguments.of("first-after-last", "search:a", 12, "child range first 0x62 > last 0x61"),
                Arguments.of("first-after-last", FOREACH, 12, "child range first 0x62 > last 0x61"),
                Arguments.of("first-not-ascii", "lookup:a", 12, "child character 0x80 is not 7-bit ASCII"),
                Arguments.of("first-not-ascii", FOREACH, 12, "child character 0x80 is not 7-bit ASCII"),
                Arguments.of("last-not-ascii", "lookup:a", 13, "child character 0xff is not 7-bit ASCII"),
                Arguments.of("last-not-ascii", "search:a", 13, "child character 0xff is not 7-bit ASCII"),
                Arguments.of("child-table-truncated", FOREACH, 12,
                        "child table of 26 words runs past the end of the file (22 bytes)"),
                Arguments.of("child-range-truncated", "lookup:a", 12,
                        "child range runs past the end of the file (13 bytes)"),
                Arguments.of("prefix-without-nul", "lookup:abc", 12, String.format(noNul, 15)),
                Arguments.of("prefix-without-nul", "search:abc", 12, String.format(noNul, 15)),
                Arguments.of("prefix-without-nul", FOREACH, 12, String.format(noNul, 15)),
                Arguments.of("value-without-nul", "lookup:", 20, String.format(noNul, 23)),
                Arguments.of("value-without-nul", "search:", 20, String.format(noNul, 23)),
                Arguments.of("value-without-nul", FOREACH, 20, String.format(noNul, 23)),
                Arguments.of("child-prefix-without-nul", "lookup:abcd", 18, String.format(noNul, 21)),
                Arguments.of("child-prefix-without-nul", "search:abcd", 18, String.format(noNul, 21)),
                Arguments.of("child-prefix-without-nul", FOREACH, 18, String.format(noNul, 21)),
                Arguments.of("count-cannot-fit", "lookup:", 12, "value count 4294967295 cannot fit in the 6 bytes left"),
                Arguments.of("count-cannot-fit", FOREACH, 12, "value count 4294967295 cannot fit in the 6 bytes left"),
                Arguments.of("count-truncated", "search:", 12, "value count runs past the end of the file (14 bytes)"),
                Arguments.of("count-truncated", FOREACH, 12, "value count runs past the end of the file (14 bytes)"),
                Arguments.of("priority-truncated", "search:", 29, "value priority runs past the end of the file (31 bytes)"),
                Arguments.of("priority-truncated", FOREACH, 29, "value priority runs past the end of the file (31 bytes)"),
                Arguments.of("self-cycle", "lookup:a", 14, String.format(twice, 12)),
                Arguments.of("self-cycle", "search:aaaa", 14, String.format(twice, 12)),
                Arguments.of("self-cycle", FOREACH, 14, String.format(twice, 12)),
                Arguments.of("long-cycle", "lookup:ab", 20, String.format(twice, 12)),
                Arguments.of("long-cycle", "search:abab", 20, String.format(twice, 12)),
                Arguments.of("long-cycle", FOREACH, 20, String.format(twice, 12)),
                Arguments.of("shared-subtree", FOREACH, 18, String.format(twice, 22)),
                Arguments.of("overlapping-nodes", FOREACH, 23,
                        "nodes overlap: one walk read more than the file's 67 bytes"));
    }

    static Path fixture(String name) {
        try {
            return Path.of(BadIndexFilesTest.class.getResource("/bad/" + name + "-fail.bin").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void isRejectedWithFileAndOffset(String name, String operation, long offset, String what) {
        Path file = fixture(name);
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> {
            BinaryIndex index = BinaryIndex.open(file);
            if (operation.equals(FOREACH)) {
                index.forEach((k, v) -> { });
            } else if (operation.startsWith("lookup:")) {
                index.lookup(operation.substring(7));
            } else if (operation.startsWith("search:")) {
                index.search(operation.substring(7));
            }
        });
        assertEquals(file + ": offset " + offset + ": " + what, e.getMessage());
        assertEquals(offset, e.offset());
        assertEquals(file, e.file());
    }

    /** Damage that a call does not walk through goes unnoticed by that call. */
    @Test
    void callsThatMissTheDamageAnswer() throws Exception {
        assertEquals(Optional.empty(), BinaryIndex.open(fixture("child-past-end")).lookup("b"));
        assertEquals(List.of(), BinaryIndex.open(fixture("child-past-end")).search("b"));
        assertEquals(Optional.empty(), BinaryIndex.open(fixture("prefix-without-nul")).lookup("x"));
        assertEquals(Optional.of("abcdefgh"), BinaryIndex.open(fixture("priority-truncated")).lookup(""));
        BinaryIndex shared = BinaryIndex.open(fixture("shared-subtree"));
        assertEquals(Optional.of("m"), shared.lookup("a"));
        assertEquals(Optional.of("m"), shared.lookup("b"));
        assertEquals(List.of(new IndexValue(0, "m")), shared.search("b"));
        assertEquals(Optional.empty(), BinaryIndex.open(fixture("overlapping-nodes")).lookup("a"));
    }
}
