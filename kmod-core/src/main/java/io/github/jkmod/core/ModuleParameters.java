package io.github.jkmod.core;

import java.util.ArrayList;
import java.util.List;

/** A module's parameter string taken apart as the kernel's parser does. */
final class ModuleParameters {
    private ModuleParameters() {
    }

    /**
     * Splits {@code text} at spaces (and the other ASCII white space) outside double quotes; empty
     * pieces are dropped, quotes are kept.
     */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = !quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b);
            if (space) {
                if (start >= 0) {
                    out.add(text.substring(start, i));
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '"') {
                quoted = !quoted;
            }
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return List.copyOf(out);
    }
}
