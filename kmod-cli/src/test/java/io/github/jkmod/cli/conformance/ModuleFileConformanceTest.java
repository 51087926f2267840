package io.github.jkmod.cli.conformance;

import io.github.jkmod.core.testsupport.ConformanceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --show-exports} and {@code --show-modversions} on every {@value #EVERY}th module file of
 * the real tree and on files that are not good modules; {@code -n -v} on every module name.
 */
class ModuleFileConformanceTest extends ConformanceTestBase {
    private static final int EVERY = 8;

    @Test
    void symbolsOfRealModules() throws IOException {
        List<String> files = tree.moduleFiles();
        Comparison c = new Comparison(tree);
        int n = 0;
        for (int i = 0; i < files.size(); i += EVERY) {
            String file = tree.moduleDir().resolve(files.get(i)).toString();
            c.compare(CommandLine.of("--show-exports", file));
            c.compare(CommandLine.of("--show-modversions", file));
            n++;
        }
        c.assertSame();
        System.out.println("conformance: symbols of " + n + " module files");
    }

    @Test
    void symbolsOfOddFiles() throws IOException {
        Path dir = OddFiles.write(tmp, tree);
        List<String> names = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.sorted().forEach(p -> names.add(p.toString()));
        }
        names.addAll(List.of(dir.toString(), "/dev/null", "/dev/zero", "/nonexistent/x.ko", "crc16",
                "", ".", "..", "/", tmp.relativize(dir).toString(), "/etc/passwd/x"));
        names.removeAll(KnownDifferences.ODD_FILES_SKIPPED.stream().map(f -> dir.resolve(f).toString()).toList());
        Comparison c = new Comparison(tree);
        for (String name : names) {
            c.compare(CommandLine.of("--show-exports", name));
            c.compare(CommandLine.of("--show-modversions", name));
            c.compare(CommandLine.of("--show-exports", "-q", name));
            c.compare(CommandLine.of("--show-modversions", "-a", name, "other"));
        }
        c.assertSame();
    }

    @Test
    void dryRunVerboseForEveryName() throws IOException {
        List<String> keys = new ArrayList<>(tree.moduleNames());
        keys.addAll(tree.builtinNames());
        for (String config : List.of("/dev/null", everyCommand.toString())) {
            Comparison c = new Comparison(tree);
            c.compareKeys(CommandLine.of(tree.args(Path.of(config), "-n", "-v", "-a")), keys, 500);
            c.assertSame(keys.size());
        }
    }

    @Test
    void dryRunWithParameters() throws IOException {
        List<String> names = tree.moduleNames();
        Comparison c = new Comparison(tree);
        for (int i = 0; i < names.size(); i += 100) {
            for (String config : List.of("/dev/null", everyCommand.toString())) {
                c.compare(CommandLine.of(tree.args(Path.of(config), "-n", "-v", names.get(i),
                        "p=1", "q=\"a b\"", "r")));
            }
        }
        for (String name : ConformanceConfig.EVERY_COMMAND_KEYS) {
            c.compare(CommandLine.of(tree.args(everyCommand, "-n", "-v", name, "x=1")));
            c.compare(CommandLine.of(tree.args(everyCommand, "-n", "-vv", "-i", name)));
            c.compare(CommandLine.of(tree.args(everyCommand, "-n", "-v", "-b", name)));
        }
        c.assertSame();
    }
}
