package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each library module's {@code module-info.java} exports exactly its packages outside
 * {@code .internal}: a package added without its export would be invisible on the module path, an
 * internal one exported would become API.
 */
class ModuleInfoExportsTest {
    private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @ParameterizedTest
    @CsvSource({"../kmod-index, io.github.jkmod.index", "../kmod-sysfs, io.github.jkmod.sysfs",
        ".., io.github.jkmod.core"})
    void exportsEveryPackageButTheInternalOnes(String moduleDir, String moduleName) throws IOException {
        Path sources = Path.of(moduleDir.equals("..") ? "." : moduleDir).resolve("src/main/java");
        String info = Files.readString(sources.resolve("module-info.java"));
        assertEquals(true, info.contains("module " + moduleName + " {"), info);
        TreeSet<String> exported = new TreeSet<>();
        Matcher m = EXPORTS.matcher(info);
        while (m.find()) {
            exported.add(m.group(1));
        }
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path dir = sources.relativize(p).getParent();
                if (dir != null && !p.getFileName().toString().equals("module-info.java")) {
                    String pkg = dir.toString().replace('/', '.');
                    if (!pkg.contains(".internal")) {
                        expected.add(pkg);
                    }
                }
            }
        }
        assertEquals(List.copyOf(expected), List.copyOf(exported), sources + "/module-info.java");
    }
}
