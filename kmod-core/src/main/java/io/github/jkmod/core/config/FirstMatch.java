package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the first of a list of fnmatch patterns that matches a name, as a scan in order with
 * {@link Fnmatch} would, without trying every pattern: a pattern with no {@code *}, {@code ?},
 * {@code [} or {@code \} matches exactly the name equal to it, so such patterns are found in a map
 * and only the others are matched one by one. Immutable.
 */
final class FirstMatch {
    private final List<String> patterns;
    private final Map<String, Integer> plain = new HashMap<>();
    private final int[] wild;

    /**
     * The patterns, in order (a list the caller made for this matcher: it is kept, not copied).
     * A list rather than entries and a function: no lambda or stream on jmodprobe's start path.
     */
    FirstMatch(List<String> patterns) {
        this.patterns = patterns;
        int[] w = new int[patterns.size()];
        int n = 0;
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            if (isPlain(p)) {
                plain.putIfAbsent(p, i);
            } else {
                w[n++] = i;
            }
        }
        this.wild = java.util.Arrays.copyOf(w, n);
    }

    private static boolean isPlain(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** The index of the first pattern that matches {@code name}, or -1. */
    int first(String name) {
        int exact = plain.getOrDefault(name, Integer.MAX_VALUE);
        for (int i : wild) {
            if (i > exact) {
                break;
            }
            if (Fnmatch.matchesLatin1(patterns.get(i), name)) {
                return i;
            }
        }
        return exact == Integer.MAX_VALUE ? -1 : exact;
    }
}
