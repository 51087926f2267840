package io.github.jkmod.core.testsupport;

/**
 * One concrete string an fnmatch pattern of {@code modules.alias} matches: {@code *} becomes
 * nothing, {@code ?} the letter {@code X}, a bracket expression its first member (or, negated, the
 * first letter from {@code A} that it excludes), a backslash-escaped char itself. A {@code [}
 * without a closing {@code ]} stays as it is.
 */
public final class AliasSamples {
    private AliasSamples() {
    }

    /** The concrete string for {@code pattern}. */
    public static String concrete(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '*') {
                i++;
            } else if (c == '?') {
                out.append('X');
                i++;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                out.append(pattern.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 2);
                if (end < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                String set = pattern.substring(i + 1, end);
                out.append(member(set));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static char member(String set) {
        if (set.startsWith("!") || set.startsWith("^")) {
            String rest = set.substring(1);
            for (char c = 'A'; c <= 'z'; c++) {
                if (!inSet(rest, c)) {
                    return c;
                }
            }
            return '#';
        }
        return set.charAt(0);
    }

    private static boolean inSet(String set, char c) {
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                if (c >= set.charAt(i) && c <= set.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (set.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }
}
