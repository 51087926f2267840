package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.core.testsupport.RealModprobe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks parsed values that only show once modprobe works, against the real modprobe on the real
 * module tree, using only actions that change nothing ({@code -D}, and an install command that
 * echoes): the operands after MODPROBE_OPTIONS splitting, the module parameter string, and the
 * MODPROBE_OPTIONS passed to commands. Skipped without modprobe or without the real tree.
 */
class ModprobeOracleTest {
    private static final Pattern NOT_FOUND = Pattern.compile(
            "modprobe: WARNING: Module (.*) not found in directory .*");
    private static Path modprobe;
    private static List<String> rootArgs;

    @BeforeAll
    static void locate() throws IOException {
        modprobe = RealModprobe.require();
        FetchedTree tree = FetchedTree.require();
        rootArgs = List.of("-d", tree.root().toString(), "-S", tree.release());
    }

    private static Map<String, String> env(String modprobeOptions) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        if (modprobeOptions != null) {
            env.put("MODPROBE_OPTIONS", modprobeOptions);
        }
        return env;
    }

    private static ModprobeOptions ours(List<String> args, Map<String, String> env) throws UsageException {
        ParseResult r = OptionParser.parse(modprobe.toString(), args, env);
        return assertInstanceOf(ParseResult.Run.class, r).options();
    }

    /** {@code -a -D} warns about each missing name in order: the operands, as modprobe split them. */
    @ParameterizedTest
    @ValueSource(strings = {"a b", "'aa' b", "'aa'b c", "x'y z'w v", "\"q r\" s", "'unterminated s",
        "a  b", " a", "a ", "a''b c", "'' c", "''c d", "a\"b'c\"d e", "'a\"b' c"})
    void operandsAfterEnvironmentSplitting(String value) throws UsageException {
        List<String> args = new ArrayList<>(List.of("-C", "/dev/null", "-a", "-D"));
        args.addAll(rootArgs);
        RealModprobe.Outcome real = RealModprobe.run(modprobe.toString(), args, env(value));
        List<String> named = new ArrayList<>();
        for (String line : real.stderr().split("\n")) {
            Matcher m = NOT_FOUND.matcher(line);
            if (m.matches()) {
                named.add(m.group(1));
            }
        }
        assertEquals(named, ours(args, env(value)).operands(), real.stderr());
    }

    /** {@code -D dummy PARAMS}: the insmod line ends with the joined parameters. */
    @ParameterizedTest
    @ValueSource(strings = {"a=b c|d='e f'|g=\"h|i|", "a=b c|||x", "|a", "b||c", "i j|k=l=m n",
        "x", "a=\"b c\"", "p= q"})
    void moduleParameters(String joined) throws UsageException {
        List<String> args = new ArrayList<>(List.of("-C", "/dev/null", "-D"));
        args.addAll(rootArgs);
        args.add("dummy");
        args.addAll(List.of(joined.split("\\|", -1)));
        RealModprobe.Outcome real = RealModprobe.run(modprobe.toString(), args, env(null));
        String line = real.stdout().split("\n")[0];
        // after the module file's name (.ko, or .ko.xz etc. in the Debian 13 tree) and one space
        String expected = line.substring(line.indexOf(' ', line.indexOf(".ko")) + 1);
        assertEquals(expected, ours(args, env(null)).moduleParameters(), line);
    }

    /** An install command echoes the MODPROBE_OPTIONS it was given. */
    @ParameterizedTest
    @ValueSource(strings = {"", "-v", "-q -v -q", "-s -v", "--verbose --quiet --syslog",
        "-C /dev/null", "-vv -b -f --first-time -i", "ENV=-v", "ENV=", "ENV=-v  x -q"})
    void modprobeOptionsForCommands(String spec, @TempDir Path dir) throws IOException {
        Path conf = dir.resolve("jkmod.conf");
        Files.writeString(conf, "install jkmod_fake echo \"[$MODPROBE_OPTIONS]\"\n", StandardCharsets.UTF_8);
        String inherited = null;
        List<String> extra = new ArrayList<>();
        if (spec.startsWith("ENV=")) {
            inherited = spec.substring(4);
        } else if (!spec.isEmpty()) {
            extra.addAll(List.of(spec.split(" ")));
        }
        List<String> args = new ArrayList<>(extra);
        args.addAll(List.of("-C", conf.toString()));
        args.addAll(rootArgs);
        args.add("jkmod_fake");
        RealModprobe.Outcome real = RealModprobe.run(modprobe.toString(), args, env(inherited));
        Optional<String> echoed = Optional.empty();
        for (String line : real.stdout().split("\n")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                echoed = Optional.of(line.substring(1, line.length() - 1));
            }
        }
        // the real modprobe either ran the install command (and echoed) or failed: both are compared
        assertTrue(echoed.isPresent() || real.status() != 0, real.toString());
        if (echoed.isPresent()) {
            assertEquals(echoed, ours(args, env(inherited)).childModprobeOptions());
        }
    }
}
