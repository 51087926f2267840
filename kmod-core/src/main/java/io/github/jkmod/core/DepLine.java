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
    static DepEntry parse(String name, String line, Path moduleDirectory, Path indexFile)
            throws IndexFormatException {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IndexFormatException(indexFile, 0,
                    "modules.dep entry of " + name + " has no ':': " + line);
        }
        Path file = resolve(moduleDirectory, line.substring(0, colon).trim());
        String rest = line.substring(colon + 1).trim();
        List<DepEntry.Dependency> deps = new ArrayList<>();
        if (!rest.isEmpty()) {
            List<String> parts = words(rest);
            // The line lists the dependency loaded last first: the reference prepends while
            // parsing, so the load order is the reverse of the line.
            for (int i = parts.size() - 1; i >= 0; i--) {
                deps.add(new DepEntry.Dependency(Names.fromFile(parts.get(i)),
                        resolve(moduleDirectory, parts.get(i))));
            }
        }
        return new DepEntry(name, file, deps);
    }

    /** The words of {@code text} between spaces and tabs (no regex: start-up time). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean blank = i == text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t';
            if (blank && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return words;
    }

    private static Path resolve(Path moduleDirectory, String path) {
        return path.startsWith("/") ? moduleDirectory.getFileSystem().getPath(path)
                : moduleDirectory.resolve(path);
    }
}
