package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fnmatch against glibc 2.36's fnmatch(3) with flags 0 in the C locale. The table
 * {@code fnmatch/glibc-cases.tsv} holds glibc's answers for hand-picked corner cases and 10,000
 * random ones (made by {@code src/test/c/gen-fnmatch-cases.sh}).
 */
class FnmatchTest {

    @Test
    void agreesWithGlibcOnTheWholeTable() throws IOException {
        byte[] all;
        try (InputStream in = FnmatchTest.class.getResourceAsStream("/fnmatch/glibc-cases.tsv")) {
            all = in.readAllBytes();
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        int matches = 0;
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            byte[] p = f[1].getBytes(StandardCharsets.ISO_8859_1);
            byte[] s = f[2].getBytes(StandardCharsets.ISO_8859_1);
            boolean expected = f[0].equals("M");
            if (Fnmatch.matches(p, 0, p.length, s, 0, s.length) != expected) {
                wrong.add(line);
            }
            cases++;
            matches += expected ? 1 : 0;
        }
        assertEquals(10_130, cases);
        assertTrue(matches > 700, "table has " + matches + " matches");
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "fnmatch(\"{0}\", \"{1}\") = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            abc          | abc       | true
            abc          | abd       | false
            a*           | a/b/c     | true
            *            | ''        | true
            *            | .hidden   | true
            ?            | /         | true
            ?            | ''        | false
            a?c          | abc       | true
            *a*b*c*      | xaybzc    | true
            *a*b*c       | xaybzcd   | false
            pci:v*d*sv*  | pci:v0d1sv2 | true
            [abc]        | b         | true
            [!abc]       | b         | false
            [!abc]       | d         | true
            [^abc]       | d         | true
            [a-c]        | b         | true
            [a-c]        | -         | false
            [a-]         | -         | true
            []a]         | ]         | true
            [!]a]        | ]         | false
            [!]a]        | b         | true
            [z-a]        | m         | false
            [[:alpha:]]  | q         | true
            [[:digit:]]  | q         | false
            [[:xdigit:]] | F         | true
            [[:punct:]]  | _         | true
            [[:alnum:]]  | _         | false
            [[:foo:]]    | a         | false
            [[=a=]]      | a         | true
            [[.-.]]      | -         | true
            [[.ab.]]     | a         | false
            [\\]]         | ]         | true
            \\*           | *         | true
            \\*           | a         | false
            ab\\          | ab\\       | false
            [            | [         | true
            [ab          | [ab       | true
            [ab          | a         | false
            *[           | x[        | true
            [[:alpha:]   | [a        | true
            [x[=]        | x         | false
            [x[=]        | =         | true
            [a-          | [a-       | false
            """)
    void knownGlibcAnswers(String pattern, String string, boolean expected) {
        assertEquals(expected, Fnmatch.matches(pattern, string));
    }

    @Test
    void stringsAreUtf8BytesAsInTheCLocale() {
        assertFalse(Fnmatch.matches("?", "\u00e9"));
        assertTrue(Fnmatch.matches("??", "\u00e9"));
        assertTrue(Fnmatch.matches("*", "\u00e9t\u00e9"));
        assertFalse(Fnmatch.matches("[[:alpha:]]", "\u00e9"));
    }

    @Test
    void aNulEndsPatternAndString() {
        assertTrue(Fnmatch.matches("ab\0cd", "ab"));
        assertTrue(Fnmatch.matches("ab", "ab\0xyz"));
    }

    @Test
    void manyStarsDoNotBacktrackExponentially() {
        String pattern = "*a".repeat(40) + "*b";
        String string = "a".repeat(5_000);
        assertFalse(Fnmatch.matches(pattern, string));
        assertTrue(Fnmatch.matches(pattern, string + "b"));
    }
}
