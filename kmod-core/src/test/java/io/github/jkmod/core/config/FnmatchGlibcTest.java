package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.github.jkmod.testsupport.Prerequisites.require;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Fnmatch} against glibc's own {@code fnmatch(3)} (called through JNA, C locale) on random
 * patterns and strings made of the characters that matter. Skipped off Linux/glibc.
 */
class FnmatchGlibcTest {
    /** The one libc function used as the oracle. */
    interface LibC extends Library {
        int fnmatch(byte[] pattern, byte[] string, int flags);
    }

    private static LibC libc;

    @BeforeAll
    static void loadLibc() {
        require(Platform.isLinux(), "needs glibc");
        try {
            libc = Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError e) {
            require(false, "no libc: " + e.getMessage());
        }
    }

    private static boolean glibc(String pattern, String string) {
        return libc.fnmatch(cString(pattern), cString(string), 0) == 0;
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }

    private static final String[] PATTERN_PIECES = {"a", "b", "c", "-", "_", "*", "*", "?", "[", "]", "!", "^",
        "\\", "[a-c]", "[!a]", "[:alpha:]", "[[:digit:]]", "/", ".", "[]", "[]a]", "1"};
    private static final String[] STRING_PIECES = {"a", "b", "c", "-", "_", "[", "]", "!", "\\", "1", "/", ".",
        "*", "?"};

    @Test
    void randomPatternsAnswerAsGlibc() {
        Random r = new Random(42);
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder p = new StringBuilder();
            for (int n = r.nextInt(6); n >= 0; n--) {
                p.append(PATTERN_PIECES[r.nextInt(PATTERN_PIECES.length)]);
            }
            StringBuilder s = new StringBuilder();
            for (int n = r.nextInt(7); n > 0; n--) {
                s.append(STRING_PIECES[r.nextInt(STRING_PIECES.length)]);
            }
            String pattern = p.toString();
            String string = s.toString();
            boolean expected = glibc(pattern, string);
            assertEquals(expected, Fnmatch.matchesLatin1(pattern, string),
                    () -> "fnmatch(\"" + pattern + "\", \"" + string + "\")");
            matched += expected ? 1 : 0;
        }
        assertTrue(matched > 2_000 && matched < 190_000, "a useful mix of answers: " + matched);
    }
}
