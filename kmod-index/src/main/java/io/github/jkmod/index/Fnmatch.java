package io.github.jkmod.index;

import java.nio.charset.StandardCharsets;

/**
 * Shell-style pattern matching with the semantics of glibc's {@code fnmatch(pattern, string, 0)}
 * in the C locale, as {@code modprobe} uses it for alias patterns: it works on bytes (a Java string
 * is taken as its UTF-8 bytes, and a NUL ends it, as in C).
 *
 * <ul>
 *   <li>{@code *} matches any sequence of bytes, {@code /} and a leading {@code .} included;
 *       {@code ?} matches any one byte;</li>
 *   <li>{@code \x} matches {@code x}; a pattern ending in a lone {@code \} matches nothing;</li>
 *   <li>{@code [...]}: a set of bytes, negated by a leading {@code !} or {@code ^}; a {@code ]} right
 *       after the opening (or the negation) is a member; ranges {@code a-z} compare byte values;
 *       {@code \} escapes; the classes {@code [:alpha:]} and the other eleven POSIX names (ASCII
 *       only), equivalence classes {@code [=c=]} and collating symbols {@code [.c.]} of one byte;
 *       an unknown class name or a longer collating symbol makes the pattern match nothing;</li>
 *   <li>a {@code [} that is never closed is a literal {@code [}.</li>
 * </ul>
 * Also glibc's corner cases are reproduced (checked against glibc 2.36 on a table of cases). Matching
 * takes time proportional to the pattern length times the string length at worst: a {@code *}
 * keeps a single backtrack point, there is no exponential backtracking.
 */
public final class Fnmatch {

    private static final int NO_MATCH = Bracket.NO_MATCH;

    private Fnmatch() {
    }

    /**
     * Tells whether {@code string} matches {@code pattern}, like {@code fnmatch(pattern, string, 0)
     * == 0} in the C locale. Both are taken as UTF-8 bytes, each up to its first NUL if any.
     *
     * @param pattern the glob pattern ({@code *}, {@code ?}, {@code [...]}, backslash escapes)
     * @param string the text to match, whole
     * @return true when the whole of {@code string} matches {@code pattern}
     */
    public static boolean matches(String pattern, String string) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] s = string.getBytes(StandardCharsets.UTF_8);
        return matches(p, 0, untilNul(p), s, 0, untilNul(s));
    }

    /**
     * As {@link #matches}, for strings that hold one byte per char (ISO-8859-1), as configuration
     * files and command-line arguments are read: each char is one byte for the match.
     *
     * @param pattern the glob pattern, one byte per char
     * @param string the text to match, one byte per char
     * @return true when the whole of {@code string} matches {@code pattern}
     */
    public static boolean matchesLatin1(String pattern, String string) {
        byte[] p = pattern.getBytes(StandardCharsets.ISO_8859_1);
        byte[] s = string.getBytes(StandardCharsets.ISO_8859_1);
        return matches(p, 0, untilNul(p), s, 0, untilNul(s));
    }

    private static int untilNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
    }

    /**
     * Matches {@code p[pStart, pEnd)} against {@code s[sStart, sEnd)} (neither holds a NUL).
     */
    static boolean matches(byte[] p, int pStart, int pEnd, byte[] s, int sStart, int sEnd) {
        int pi = pStart;
        int si = sStart;
        int starP = -1;
        int starS = -1;
        while (true) {
            if (pi < pEnd && p[pi] == '*') {
                while (pi < pEnd && p[pi] == '*') {
                    pi++;
                }
                if (pi == pEnd) {
                    return true;
                }
                starP = pi;
                starS = si;
                continue;
            }
            if (pi == pEnd && si == sEnd) {
                return true;
            }
            if (pi < pEnd && si < sEnd) {
                int next = atom(p, pi, pEnd, s[si] & 0xff);
                if (next != NO_MATCH) {
                    pi = next;
                    si++;
                    continue;
                }
            }
            // Mismatch: let the last star swallow one more byte, if there is one.
            if (starP < 0 || starS >= sEnd) {
                return false;
            }
            starS++;
            pi = starP;
            si = starS;
        }
    }

    /**
     * Matches the single-byte element at {@code p[pi]} (not a star) against the byte {@code ch}.
     *
     * @return the pattern index after the element, or {@link #NO_MATCH}
     */
    private static int atom(byte[] p, int pi, int pEnd, int ch) {
        int c = p[pi] & 0xff;
        switch (c) {
            case '?':
                return pi + 1;
            case '\\':
                if (pi + 1 >= pEnd) {
                    return NO_MATCH; // a trailing backslash matches nothing
                }
                return (p[pi + 1] & 0xff) == ch ? pi + 2 : NO_MATCH;
            case '[':
                return Bracket.match(p, pi + 1, pEnd, ch);
            default:
                return c == ch ? pi + 1 : NO_MATCH;
        }
    }

    /** True when {@code ch} belongs to the POSIX class {@code name} in the C locale. */
    static boolean inClass(String name, int ch) {
        switch (name) {
            case "alnum": return isAlpha(ch) || isDigit(ch);
            case "alpha": return isAlpha(ch);
            case "blank": return ch == ' ' || ch == '\t';
            case "cntrl": return ch < 0x20 || ch == 0x7f;
            case "digit": return isDigit(ch);
            case "graph": return ch > 0x20 && ch < 0x7f;
            case "lower": return ch >= 'a' && ch <= 'z';
            case "print": return ch >= 0x20 && ch < 0x7f;
            case "punct": return ch > 0x20 && ch < 0x7f && !isAlpha(ch) && !isDigit(ch);
            case "space": return ch == ' ' || (ch >= '\t' && ch <= '\r');
            case "upper": return ch >= 'A' && ch <= 'Z';
            case "xdigit": return isDigit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
            default: throw new IllegalArgumentException(name);
        }
    }

    /** True when {@code name} is one of the twelve POSIX class names. */
    static boolean isClass(String name) {
        switch (name) {
            case "alnum": case "alpha": case "blank": case "cntrl": case "digit": case "graph":
            case "lower": case "print": case "punct": case "space": case "upper": case "xdigit":
                return true;
            default:
                return false;
        }
    }

    private static boolean isAlpha(int ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    private static boolean isDigit(int ch) {
        return ch >= '0' && ch <= '9';
    }
}
