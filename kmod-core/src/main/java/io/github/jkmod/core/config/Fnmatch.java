package io.github.jkmod.core.config;

/**
 * Shell wildcard matching as glibc's {@code fnmatch(pattern, string, 0)} does it in the C locale,
 * which is how libkmod matches configuration patterns ({@code alias}, {@code install},
 * {@code remove}, {@code softdep}) against module names.
 *
 * <p>{@code *} matches any run of characters (including {@code /} and a leading {@code .}),
 * {@code ?} any one character, {@code [...]} one character of a set ({@code !} or {@code ^} first
 * negates, {@code ]} first is literal, {@code a-z} ranges, {@code [:alpha:]}-style classes,
 * {@code [=c=]} and {@code [.c.]} for a single character); a backslash makes the next character
 * literal and a trailing backslash matches nothing. A {@code [} with no closing {@code ]} is a
 * literal {@code [}. Characters are compared as bytes (strings hold one byte per char, ISO-8859-1).
 */
public final class Fnmatch {
    private Fnmatch() {
    }

    /** Whether {@code string} matches {@code pattern}. */
    public static boolean matches(String pattern, String string) {
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = -1;
        final int m = pattern.length();
        final int n = string.length();
        while (s < n) {
            int next = p < m ? step(pattern, p, string.charAt(s)) : FAIL;
            if (next == STAR) {
                while (p < m && pattern.charAt(p) == '*') {
                    p++;
                }
                if (p == m) {
                    return true;
                }
                starP = p;
                starS = s;
                continue;
            }
            if (next >= 0) {
                p = next;
                s++;
                continue;
            }
            if (starP < 0) {
                return false;
            }
            p = starP;
            s = ++starS;
        }
        while (p < m && pattern.charAt(p) == '*') {
            p++;
        }
        return p == m;
    }

    private static final int FAIL = -1;
    private static final int STAR = -2;

    /**
     * Matches one pattern element at {@code p} against {@code c}: the index after the element when
     * it matches, {@link #FAIL} when not, {@link #STAR} for a star.
     */
    private static int step(String pat, int p, char c) {
        char pc = pat.charAt(p);
        switch (pc) {
            case '*':
                return STAR;
            case '?':
                return p + 1;
            case '\\':
                if (p + 1 >= pat.length()) {
                    return FAIL;
                }
                return pat.charAt(p + 1) == c ? p + 2 : FAIL;
            case '[':
                long r = bracket(pat, p, c);
                if (r == NOT_A_BRACKET) {
                    return c == '[' ? p + 1 : FAIL;
                }
                return (r & MATCHED) != 0 ? (int) (r & ~MATCHED) : FAIL;
            default:
                return pc == c ? p + 1 : FAIL;
        }
    }

    private static final long NOT_A_BRACKET = -1;
    private static final long MATCHED = 1L << 40;

    /**
     * Reads the bracket expression at {@code open}: {@link #NOT_A_BRACKET} when it does not close,
     * else the index after its {@code ]}, with the {@link #MATCHED} bit when {@code c} is in it.
     */
    private static long bracket(String pat, int open, char c) {
        final int m = pat.length();
        int i = open + 1;
        boolean negate = false;
        if (i < m && (pat.charAt(i) == '!' || pat.charAt(i) == '^')) {
            negate = true;
            i++;
        }
        boolean matched = false;
        boolean first = true;
        while (true) {
            if (i >= m) {
                return NOT_A_BRACKET;
            }
            char pc = pat.charAt(i);
            if (pc == ']' && !first) {
                i++;
                break;
            }
            first = false;
            int lo;
            if (pc == '\\') {
                if (i + 1 >= m) {
                    return NOT_A_BRACKET;
                }
                lo = pat.charAt(i + 1);
                i += 2;
            } else if (pc == '[' && i + 1 < m && pat.charAt(i + 1) == ':') {
                int close = pat.indexOf(":]", i + 2);
                if (close < 0) {
                    lo = '[';
                    i++;
                } else {
                    matched |= inClass(pat.substring(i + 2, close), c);
                    i = close + 2;
                    continue;
                }
            } else if (pc == '[' && i + 2 < m && (pat.charAt(i + 1) == '=' || pat.charAt(i + 1) == '.')
                    && i + 3 < m && pat.charAt(i + 3) == pat.charAt(i + 1) && i + 4 < m
                    && pat.charAt(i + 4) == ']') {
                lo = pat.charAt(i + 2);
                i += 5;
            } else {
                lo = pc;
                i++;
            }
            if (i + 1 < m && pat.charAt(i) == '-' && pat.charAt(i + 1) != ']') {
                int hi = pat.charAt(i + 1);
                i += 2;
                if (hi == '\\') {
                    if (i >= m) {
                        return NOT_A_BRACKET;
                    }
                    hi = pat.charAt(i);
                    i++;
                }
                matched |= lo <= c && c <= hi;
            } else {
                matched |= lo == c;
            }
        }
        return (matched != negate ? MATCHED : 0) | i;
    }

    private static boolean inClass(String name, char c) {
        boolean ascii = c < 128;
        switch (name) {
            case "alnum":
                return ascii && (Character.isLetterOrDigit(c));
            case "alpha":
                return ascii && Character.isLetter(c);
            case "blank":
                return c == ' ' || c == '\t';
            case "cntrl":
                return c < 32 || c == 127;
            case "digit":
                return c >= '0' && c <= '9';
            case "graph":
                return c > 32 && c < 127;
            case "lower":
                return c >= 'a' && c <= 'z';
            case "print":
                return c >= 32 && c < 127;
            case "punct":
                return c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "space":
                return c == ' ' || (c >= '\t' && c <= '\r');
            case "upper":
                return c >= 'A' && c <= 'Z';
            case "xdigit":
                return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default:
                return false;
        }
    }
}
