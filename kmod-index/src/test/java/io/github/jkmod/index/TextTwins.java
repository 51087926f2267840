package io.github.jkmod.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test-side readers of the text twins of the vectors, only as far as the binary reader's tests need
 * them (the real text readers live elsewhere): the expected (key, value) pairs of each index.
 */
final class TextTwins {
    private TextTwins() {
    }

    /** modules.dep: (module name, whole line), in file order. */
    static List<Map.Entry<String, String>> dep() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String line : lines("modules.dep")) {
            String path = line.substring(0, line.indexOf(':'));
            out.add(new SimpleEntry<>(moduleName(path), line));
        }
        return out;
    }

    /** modules.alias or modules.symbols: (normalised pattern, module), in file order. */
    static List<Map.Entry<String, String>> aliases(String name) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String line : lines(name)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            if (f.length != 3 || !f[0].equals("alias")) {
                throw new IllegalStateException(name + ": " + line);
            }
            out.add(new SimpleEntry<>(normaliseAlias(f[1]), f[2]));
        }
        return out;
    }

    /** modules.builtin: (module name, ""), in file order. */
    static List<Map.Entry<String, String>> builtin() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String line : lines("modules.builtin")) {
            out.add(new SimpleEntry<>(moduleName(line), ""));
        }
        return out;
    }

    /** modules.builtin.modinfo's {@code module.alias=VALUE} records: (normalised alias, module). */
    static List<Map.Entry<String, String>> builtinAliases() {
        try {
            String all = new String(Files.readAllBytes(TestVectors.file("text", "modules.builtin.modinfo")),
                    StandardCharsets.ISO_8859_1);
            List<Map.Entry<String, String>> out = new ArrayList<>();
            for (String rec : all.split("\0")) {
                int dot = rec.indexOf('.');
                if (dot > 0 && rec.startsWith("alias=", dot + 1)) {
                    out.add(new SimpleEntry<>(normaliseAlias(rec.substring(dot + 7)), rec.substring(0, dot)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kernel/fs/ext4/ext4.ko.xz} to {@code ext4}; '-' to '_'. */
    static String moduleName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        return (dot < 0 ? base : base.substring(0, dot)).replace('-', '_');
    }

    /** '-' to '_' outside brackets (the vectors have no unbalanced brackets). */
    static String normaliseAlias(String alias) {
        StringBuilder sb = new StringBuilder(alias.length());
        boolean inBracket = false;
        for (char c : alias.toCharArray()) {
            if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            }
            sb.append(c == '-' && !inBracket ? '_' : c);
        }
        return sb.toString();
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(TestVectors.file("text", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
