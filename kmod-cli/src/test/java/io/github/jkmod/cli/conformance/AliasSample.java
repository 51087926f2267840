package io.github.jkmod.cli.conformance;

/**
 * One concrete string an fnmatch pattern of {@code modules.alias} matches: {@code *} becomes
 * nothing, {@code ?} the letter {@code X}, a bracket expression its first member (or, negated,
 * the first letter it excludes), a backslash-escaped char itself.
 */
final class AliasSample {
    private AliasSample() {
    }

    static String of(String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                continue;
            }
            if (c == '?') {
                out.append('X');
            } else if (c == '\\' && i + 1 < pattern.length()) {
                out.append(pattern.charAt(++i));
            } else if (c == '[' && pattern.indexOf(']', i + 2) > 0) {
                int end = pattern.indexOf(']', i + 2);
                out.append(member(pattern.substring(i + 1, end)));
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char member(String set) {
        if (!set.startsWith("!") && !set.startsWith("^")) {
            return set.charAt(0);
        }
        String rest = set.substring(1);
        for (char c = 'A'; c <= 'z'; c++) {
            if (!contains(rest, c)) {
                return c;
            }
        }
        return '#';
    }

    private static boolean contains(String set, char c) {
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
