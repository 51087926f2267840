package io.github.jkmod.core.config;

/**
 * Reads the words of a configuration line the way libkmod does ({@code strtok} on blanks and tabs):
 * {@link #next()} skips blanks, returns a word and swallows the one blank after it;
 * {@link #rest()} returns everything after that, as written.
 */
final class Words {
    private final String line;
    private int pos;

    Words(String line) {
        this.line = line;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The next word, or null when only blanks are left. */
    String next() {
        while (pos < line.length() && isBlank(line.charAt(pos))) {
            pos++;
        }
        if (pos >= line.length()) {
            return null;
        }
        int start = pos;
        while (pos < line.length() && !isBlank(line.charAt(pos))) {
            pos++;
        }
        String word = line.substring(start, pos);
        if (pos < line.length()) {
            pos++;
        }
        return word;
    }

    /** The rest of the line after the last word and its one blank, or null when nothing is left. */
    String rest() {
        if (pos >= line.length()) {
            return null;
        }
        String rest = line.substring(pos);
        pos = line.length();
        return rest;
    }
}
