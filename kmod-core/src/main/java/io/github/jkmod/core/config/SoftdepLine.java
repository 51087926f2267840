package io.github.jkmod.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code softdep} line: the entry, and the value {@code modprobe -c} (kmod 30) prints for
 * it, which is not always the entry written back. The words are parsed on first use: a command
 * asks for the softdep of a few modules, and parsing every line of {@code modules.softdep} at
 * start (some 60 lines on Debian, each with its lists and dump value) costs jmodprobe about 1 ms
 * interpreted. Safe for many threads.
 *
 * <p>Parsing of the words after the module name, as observed in kmod 30: words are split on
 * whitespace ({@code isspace}); {@code pre:} and {@code post:} switch the list the following words
 * go to; words before the first of them are ignored. When the text starts with exactly one
 * whitespace character (two blanks after the module name), the first word is ignored too, even
 * when it is {@code pre:} or {@code post:}.
 *
 * <p>Printing: libkmod keeps every listed word in one buffer in the order written, and prints
 * {@code pre: } followed by the stretch of that buffer from the first to the last pre-word (post
 * words in between included), then, without a blank, {@code post: } and the stretch from the first
 * to the last post-word. So {@code pre: a post: b} prints as {@code pre: apost: b}.
 *
 */
final class SoftdepLine {
    private final String module;
    private final String text;
    private volatile Parsed parsed;

    /** The parsed line: the entry, and what {@code modprobe -c} prints after {@code softdep MODULE }. */
    private record Parsed(SoftdepEntry entry, String dumpValue) {
    }

    private SoftdepLine(String module, String text) {
        this.module = module;
        this.text = text;
    }

    /** The line of {@code module} with the text after the module name (never null; it may be blanks only). */
    static SoftdepLine of(String module, String text) {
        return new SoftdepLine(module, text);
    }

    /** The module name (normalised), known without parsing. */
    String module() {
        return module;
    }

    /** The soft dependency as modprobe uses it. */
    SoftdepEntry entry() {
        return parsed().entry();
    }

    /** What {@code modprobe -c} prints after {@code softdep MODULE }. */
    String dumpValue() {
        return parsed().dumpValue();
    }

    private Parsed parsed() {
        Parsed p = parsed;
        if (p == null) {
            p = parse(module, text);
            parsed = p;
        }
        return p;
    }

    private static Parsed parse(String module, String text) {
        List<String> words = new ArrayList<>();
        List<Boolean> isPre = new ArrayList<>();
        List<String> pre = new ArrayList<>();
        List<String> post = new ArrayList<>();
        boolean skipFirst = text.length() >= 2 && isSpace(text.charAt(0)) && !isSpace(text.charAt(1));
        int mode = 0; // 0 none, 1 pre, 2 post
        int i = 0;
        boolean first = true;
        while (i < text.length()) {
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            int start = i;
            while (i < text.length() && !isSpace(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i);
            boolean ignored = first && skipFirst;
            first = false;
            if (ignored) {
                continue;
            }
            if (word.equals("pre:")) {
                mode = 1;
            } else if (word.equals("post:")) {
                mode = 2;
            } else if (mode != 0) {
                words.add(word);
                isPre.add(mode == 1);
                (mode == 1 ? pre : post).add(word);
            }
        }
        StringBuilder dump = new StringBuilder();
        appendStretch(dump, "pre: ", words, isPre, true);
        appendStretch(dump, "post: ", words, isPre, false);
        return new Parsed(new SoftdepEntry(module, pre, post), dump.toString());
    }

    private static void appendStretch(StringBuilder out, String label, List<String> words,
            List<Boolean> isPre, boolean pre) {
        int from = isPre.indexOf(pre);
        if (from < 0) {
            return;
        }
        int to = isPre.lastIndexOf(pre);
        out.append(label).append(String.join(" ", words.subList(from, to + 1)));
    }

    /** C {@code isspace} in the C locale. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
