package io.github.jkmod.cli.conformance;

import io.github.jkmod.core.testsupport.ConformanceConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --show-depends} and {@code -R} for every module name, every builtin module name and
 * one concrete string per line of modules.alias (plus the configuration's own names), with
 * {@code -C /dev/null} and with {@link ConformanceConfig#everyCommand}: jmodprobe prints what
 * modprobe prints.
 */
class KeyConformanceTest extends ConformanceTestBase {
    private static final int BATCH = 500;

    private static List<String> keys;

    @BeforeAll
    static void setUp() throws IOException {
        keys = new ArrayList<>(tree.moduleNames());
        keys.addAll(tree.builtinNames());
        keys.addAll(tree.aliasSamples());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"-D,none", "-D,every-command", "-R,none", "-R,every-command",
        "-D -b,every-command", "-R -b,every-command"})
    void everyKey(String mode, String config) {
        boolean none = config.equals("none");
        List<String> args = tree.args(none ? Path.of("/dev/null") : everyCommand);
        args.addAll(List.of(mode.split(" ")));
        args.add("-a");
        List<String> all = new ArrayList<>(keys);
        if (!none) {
            all.addAll(ConformanceConfig.EVERY_COMMAND_KEYS);
        }
        Comparison c = new Comparison(tree);
        c.compareKeys(CommandLine.of(args), all, BATCH);
        c.assertSame(all.size());
    }
}
