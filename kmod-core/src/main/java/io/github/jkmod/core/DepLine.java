package io.github.jkmod.core;

import io.github.jkmod.index.IndexFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses one {@code modules.dep} line: {@code relpath: dep1 dep2 ...}. */
final class DepLine {
    private DepLine() {
    }

    /**
     * @param name the module the line was found under
     * @param line the line
     * @param moduleDirectory paths are relative to it (absolute paths are kept)
     * @param indexFile the index the line came from, for error messages
     */
    static ModuleDependencies parse(String name, String line, Path moduleDirectory, Path indexFile)
            throws IndexFormatException {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IndexFormatException(indexFile, 0,
                    "modules.dep entry of " + name + " has no ':': " + line);
        }
        Path file = resolve(moduleDirectory, line.substring(0, colon).trim());
        String rest = line.substring(colon + 1).trim();
        List<ModuleDependencies.Dependency> deps = new ArrayList<>();
        // The line lists the dependency loaded last first: the reference prepends while
        // parsing, so the load order is the reverse of the line. Words are split at runs of
        // blanks and tabs (the rest is trimmed, so there is no empty word).
        int end = rest.length();
        while (end > 0) {
            int start = end;
            while (start > 0 && !isBlank(rest.charAt(start - 1))) {
                start--;
            }
            String part = rest.substring(start, end);
            deps.add(new ModuleDependencies.Dependency(Names.fromFile(part), resolve(moduleDirectory, part)));
            end = start;
            while (end > 0 && isBlank(rest.charAt(end - 1))) {
                end--;
            }
        }
        return new ModuleDependencies(name, file, deps);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static Path resolve(Path moduleDirectory, String path) {
        return path.startsWith("/") ? moduleDirectory.getFileSystem().getPath(path)
                : moduleDirectory.resolve(path);
    }
}
