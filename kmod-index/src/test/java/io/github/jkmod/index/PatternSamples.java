package io.github.jkmod.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes concrete strings that an fnmatch pattern matches, independently of {@link Fnmatch}: each
 * {@code *} becomes nothing or a few random characters, each {@code ?} one character, each
 * {@code [...]} one member of the set (ranges and {@code !}/{@code ^} negation), {@code \x} becomes
 * {@code x}. Enough for the alias patterns that depmod writes.
 */
final class PatternSamples {
    private static final String FILLER = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private PatternSamples() {
    }

    static String concrete(String pattern, Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                int n = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(3);
                for (int k = 0; k < n; k++) {
                    sb.append(FILLER.charAt(rnd.nextInt(FILLER.length())));
                }
            } else if (c == '?') {
                sb.append(FILLER.charAt(rnd.nextInt(FILLER.length())));
            } else if (c == '\\' && i + 1 < pattern.length()) {
                sb.append(pattern.charAt(++i));
            } else if (c == '[' && pattern.indexOf(']', i + 2) > 0) {
                int close = pattern.indexOf(']', i + 2);
                List<Character> members = members(pattern.substring(i + 1, close));
                sb.append(members.get(rnd.nextInt(members.size())));
                i = close;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static List<Character> members(String set) {
        boolean negated = set.startsWith("!") || set.startsWith("^");
        String body = negated ? set.substring(1) : set;
        boolean[] in = new boolean[128];
        for (int i = 0; i < body.length(); i++) {
            char lo = body.charAt(i);
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char hi = body.charAt(i + 2);
                for (char x = lo; x <= hi; x++) {
                    in[x] = true;
                }
                i += 2;
            } else {
                in[lo] = true;
            }
        }
        List<Character> out = new ArrayList<>();
        for (char x = '!'; x < 127; x++) {
            if (in[x] != negated && x != '[' && x != ']' && x != '-') {
                out.add(x);
            }
        }
        return out;
    }
}
