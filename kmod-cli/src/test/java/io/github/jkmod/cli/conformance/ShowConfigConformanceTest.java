package io.github.jkmod.cli.conformance;

import io.github.jkmod.core.testsupport.ConformanceConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code -c}: the configuration, then the alias and symbol indexes of the real tree, with no
 * configuration, with {@link ConformanceConfig#everyCommand}, with both, and with this machine's
 * default directories (and its /proc/cmdline, which both programs read).
 */
class ShowConfigConformanceTest extends ConformanceTestBase {
    @Test
    void showConfig() {
        String every = everyCommand.toString();
        String file = everyCommand.resolve("10-alias.conf").toString();
        Comparison c = new Comparison(tree);
        for (List<String> extra : List.of(
                List.of("-C", "/dev/null", "-c"),
                List.of("-C", every, "-c"),
                List.of("-C", every, "--showconfig"),
                List.of("-C", file, "-C", every, "--show-config"),
                List.of("-C", "/dev/null", "-C", every, "-c", "-v"),
                List.of("-C", tmp.resolve("no-such-dir").toString(), "-c"),
                List.of("-c"),
                List.of("-c", "-q"),
                List.of("-c", "-n", "crc16"),
                List.of("-c", "-r", "crc16"))) {
            List<String> args = new ArrayList<>(extra);
            args.addAll(tree.rootArgs());
            c.compare(CommandLine.of(args));
        }
        // modules.* of another release (none here: only the configuration is printed)
        c.compare(CommandLine.of("-C", every, "-d", tmp.toString(), "-S", "0.0-none", "-c"));
        c.compare(CommandLine.of("-C", every, "-c").withEnv("MODPROBE_OPTIONS", "-d " + tree.root()
                + " -S " + tree.release()));
        c.assertSame();
    }
}
