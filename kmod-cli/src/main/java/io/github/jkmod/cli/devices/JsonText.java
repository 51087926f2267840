package io.github.jkmod.cli.devices;

import java.util.List;
import java.util.Map;

/**
 * JSON text of plain values: a {@link Map} (an object, in the map's order, keys as strings), a
 * {@link List} (an array), a {@link String}, a {@link Number}, a {@link Boolean} or {@code null}.
 * Strings are escaped as RFC 8259 requires: {@code "} and {@code \}, and every character below
 * U+0020 ({@code \n}, {@code \t}... by name, the others as {@code \}{@code u00XX}); the rest is
 * written as it is (the output is UTF-8 or, for bytes read as ISO-8859-1, their characters).
 */
final class JsonText {
    private JsonText() {
    }

    /** The JSON text of {@code value}, pretty-printed with two spaces per level, and a newline. */
    static String of(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object value, int depth) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof String s) {
            string(b, s);
        } else if (value instanceof Number || value instanceof Boolean) {
            b.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append('{');
            String sep = "\n";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(sep);
                indent(b, depth + 1);
                string(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), depth + 1);
                sep = ",\n";
            }
            b.append('\n');
            indent(b, depth);
            b.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            String sep = "\n";
            for (Object o : list) {
                b.append(sep);
                indent(b, depth + 1);
                write(b, o, depth + 1);
                sep = ",\n";
            }
            b.append('\n');
            indent(b, depth);
            b.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void indent(StringBuilder b, int depth) {
        for (int i = 0; i < depth; i++) {
            b.append("  ");
        }
    }

    /** {@code s} as a JSON string, quotes included. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
