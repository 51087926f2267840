package io.github.jkmod.index;

import java.nio.charset.StandardCharsets;

/**
 * One bracket expression of an fnmatch pattern ({@code [...]}), matched against one byte the way
 * glibc does it in the C locale: the members are read in order until one matches, then the rest of
 * the expression is skipped to its closing {@code ]}. Both passes have their own, slightly different,
 * rules for {@code [:class:]}, {@code [=c=]} and {@code [.c.]}, and glibc's results depend on it; they
 * are reproduced here as observed.
 */
final class Bracket {

    /** Result: the byte does not match (or the expression matches nothing at all). */
    static final int NO_MATCH = -1;

    private final byte[] p;
    private final int init;
    private final int end;
    private final int fn;
    private boolean negated;

    private Bracket(byte[] p, int init, int end, int fn) {
        this.p = p;
        this.init = init;
        this.end = end;
        this.fn = fn;
    }

    /**
     * Matches the bracket expression whose {@code [} is just before {@code p[init]} against the byte
     * {@code fn}.
     *
     * @return the pattern index after the expression when {@code fn} matches (after the {@code [} when
     *     the expression is never closed, so that {@code [} is a literal), else {@link #NO_MATCH}
     */
    static int match(byte[] p, int init, int end, int fn) {
        return new Bracket(p, init, end, fn).match();
    }

    private int at(int i) {
        return i < end ? p[i] & 0xff : 0;
    }

    /** What an unclosed {@code [} does: it is matched as a plain {@code [}. */
    private int unterminated() {
        return fn == '[' ? init : NO_MATCH;
    }

    private int match() {
        int q = init;
        int first = at(q);
        if (first == '!' || first == '^') {
            negated = true;
            q++;
        }
        int c = at(q++);
        while (true) {
            if (c == 0) {
                return unterminated();
            }
            int low;
            if (c == '[' && at(q) == ':') {
                int nameEnd = className(q);
                if (nameEnd >= 0) {
                    String name = new String(p, q + 1, nameEnd - q - 1, StandardCharsets.ISO_8859_1);
                    if (!Fnmatch.isClass(name)) {
                        return NO_MATCH;
                    }
                    q = nameEnd + 2;
                    if (Fnmatch.inClass(name, fn)) {
                        return skipRest(q);
                    }
                    c = at(q++);
                    if (c == ']') {
                        return closed(q);
                    }
                    continue;
                }
                // not a class name: the '[' is an ordinary member
            } else if (c == '[' && at(q) == '=') {
                int eq = at(q + 1);
                if (eq != 0 && at(q + 2) == '=' && at(q + 3) == ']') {
                    q += 4;
                    if (eq == fn) {
                        return skipRest(q);
                    }
                    c = at(q++);
                    if (c == ']') {
                        return closed(q);
                    }
                    continue;
                }
                // not an equivalence class: the '[' is an ordinary member
            } else if (c == '[' && at(q) == '.') {
                int symEnd = collatingEnd(q);
                if (symEnd < 0 || symEnd != q + 2) {
                    return NO_MATCH; // unclosed, empty or longer than one byte
                }
                c = at(q + 1);
                q = symEnd + 2;
            } else if (c == '\\') {
                if (at(q) == 0) {
                    return NO_MATCH;
                }
                c = at(q++);
            }
            // c is a member byte, q the index after it
            boolean isRange = at(q) == '-' && at(q + 1) != 0 && at(q + 1) != ']';
            if (!isRange && c == fn) {
                return skipRest(q);
            }
            low = c;
            c = at(q++);
            if (c == '-' && at(q) != ']') {
                int high = at(q++);
                if (high == '\\') {
                    high = at(q++);
                }
                if (high == 0) {
                    return NO_MATCH;
                }
                if (high == '[' && at(q) == '.') {
                    int symEnd = collatingEnd(q);
                    if (symEnd < 0 || symEnd != q + 2) {
                        return NO_MATCH;
                    }
                    high = at(q + 1);
                    q = symEnd + 2;
                }
                if (low <= fn && fn <= high) {
                    return skipRest(q);
                }
                c = at(q++);
            }
            if (c == ']') {
                return closed(q);
            }
        }
    }

    /** The expression ended at a {@code ]} (just before {@code q}) without a member matching. */
    private int closed(int q) {
        return negated ? q : NO_MATCH;
    }

    /**
     * For {@code [:} at {@code q - 1, q}: the index of the {@code :} of the closing {@code :]} when
     * only the letters {@code a} to {@code y} come before it, else -1 (then it is no class).
     */
    private int className(int q) {
        int r = q + 1;
        while (true) {
            int c = at(r);
            if (c == ':' && at(r + 1) == ']') {
                return r;
            }
            if (c < 'a' || c >= 'z') {
                return -1;
            }
            r++;
        }
    }

    /**
     * For {@code [.} at {@code q - 1, q}: the index of the {@code .} of the closing {@code .]}, found
     * from the byte after {@code [.} on, or -1 when the pattern ends first.
     */
    private int collatingEnd(int q) {
        int r = q + 1;
        while (true) {
            int c = at(r);
            if (c == '.' && at(r + 1) == ']') {
                return r;
            }
            if (c == 0) {
                return -1;
            }
            r++;
        }
    }

    /** A member matched: skips to the closing {@code ]}, by glibc's rules for this pass. */
    private int skipRest(int q) {
        while (true) {
            int c = at(q++);
            if (c == 0) {
                return unterminated();
            }
            if (c == '\\') {
                if (at(q) == 0) {
                    return NO_MATCH;
                }
                q++;
            } else if (c == '[' && at(q) == ':') {
                int nameEnd = className(q);
                if (nameEnd >= 0) {
                    q = nameEnd + 2;
                }
            } else if (c == '[' && at(q) == '=') {
                if (at(q + 1) == 0 || at(q + 2) != '=' || at(q + 3) != ']') {
                    return NO_MATCH;
                }
                q += 4;
            } else if (c == '[' && at(q) == '.') {
                int symEnd = collatingEnd(q);
                if (symEnd < 0) {
                    return NO_MATCH;
                }
                q = symEnd + 2;
            } else if (c == ']') {
                return negated ? NO_MATCH : q;
            }
        }
    }
}
