package io.github.jkmod.core;

import io.github.jkmod.core.testsupport.AliasSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the keys file of the resolve-all benchmark (kmod-core/src/bench/): every module name of
 * {@code modules.dep}, then one concrete string per pattern of {@code modules.alias}
 * ({@link AliasSamples#concrete}), one a line, after a {@code #} comment that names the source.
 * The same keys as {@code ShowDependsConformanceTest} checks against the real modprobe.
 *
 * <p>Usage: {@code BenchKeys MODDIR OUTFILE}.
 */
public final class BenchKeys {
    private BenchKeys() {
    }

    /** Every module name, then one concrete string per alias pattern, in file order. */
    public static List<String> keys(Path moduleDir) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(moduleDir.resolve("modules.dep"),
                StandardCharsets.UTF_8)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                names.add(Names.fromFile(line.substring(0, colon)));
            }
        }
        List<String> keys = new ArrayList<>(names);
        for (String line : Files.readAllLines(moduleDir.resolve("modules.alias"),
                StandardCharsets.UTF_8)) {
            if (line.startsWith("alias ")) {
                keys.add(AliasSamples.concrete(line.split(" ")[1]));
            }
        }
        return keys;
    }

    /**
     * Writes the keys of {@code args[0]} (a module directory) to {@code args[1]}.
     *
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BenchKeys MODDIR OUTFILE");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<String> keys = keys(dir);
        for (String key : keys) {
            if (key.isEmpty() || key.startsWith("#") || key.indexOf('\n') >= 0) {
                throw new IOException("key cannot be written one a line: '" + key + "'");
            }
        }
        StringBuilder out = new StringBuilder("# resolve-all keys of ").append(dir).append(": ")
                .append(keys.size()).append(" (module names, then one string per alias pattern)\n");
        for (String key : keys) {
            out.append(key).append('\n');
        }
        Files.writeString(Path.of(args[1]), out, StandardCharsets.UTF_8);
    }
}
