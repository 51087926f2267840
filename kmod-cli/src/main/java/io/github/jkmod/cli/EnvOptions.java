package io.github.jkmod.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the {@code MODPROBE_OPTIONS} environment variable into arguments the way modprobe does
 * before putting them in front of its own arguments (observed with kmod 30):
 * <ul>
 * <li>only the space character separates; each space ends a word, so two spaces, or a leading
 * space, give an empty argument (a trailing one does not);</li>
 * <li>a word that starts with {@code '} or {@code "} ends at the matching quote: its content is one
 * argument and the next argument starts right after the closing quote (so {@code 'a' b} is
 * {@code a}, an empty argument, {@code b});</li>
 * <li>a quote inside a word is removed with its closing twin, the quoted part kept
 * ({@code x'y z'w} is {@code xy zw}); the other quote character is literal inside quotes;</li>
 * <li>a quote never closed stays in the argument as written.</li>
 * </ul>
 * Known divergence: kmod 30 allocates room for one argument per space plus two; a value with more
 * (several leading quoted words followed by more words) overwrites the start of its own text in
 * kmod, turning the first argument into garbage or an empty string. jkmod splits such values as
 * described above.
 */
final class EnvOptions {
    private EnvOptions() {
    }

    /** The arguments {@code value} stands for. */
    static List<String> split(String value) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean quoteStartsWord = false;
        int quotePos = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote == 0) {
                if (c == ' ') {
                    words.add(word.toString());
                    word.setLength(0);
                } else {
                    if (c == '"' || c == '\'') {
                        quote = c;
                        quoteStartsWord = word.length() == 0;
                        quotePos = word.length();
                    }
                    word.append(c);
                }
            } else if (c == quote) {
                if (quoteStartsWord) {
                    words.add(word.substring(1));
                    word.setLength(0);
                } else {
                    word.deleteCharAt(quotePos);
                }
                quote = 0;
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }
}
