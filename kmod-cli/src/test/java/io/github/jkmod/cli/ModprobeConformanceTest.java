package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.jkmod.core.testsupport.RealModprobe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real modprobe and jmodprobe (in this JVM, invoked under the same name) over command
 * lines whose outcome the parser alone decides (usage errors, help, "missing parameters") and
 * requires the same stdout, stderr and exit status, byte for byte. Skipped when modprobe is absent.
 *
 * <p>Safety: before the real modprobe runs, jmodprobe's parser must refuse the command line or ask
 * for help; a vector it would run is a broken vector and fails without touching the system. Operands
 * name no real module.
 */
class ModprobeConformanceTest {
    private static final String NOMOD = "jkmod_no_such_module";
    private static Path modprobe;

    @BeforeAll
    static void findModprobe() {
        modprobe = RealModprobe.require();
    }

    /** One command line: extra environment, then arguments. */
    record Vector(Map<String, String> env, List<String> args) {
        @Override
        public String toString() {
            return (env.isEmpty() ? "" : env + " ") + args;
        }
    }

    private static Arguments v(String... args) {
        return Arguments.of(new Vector(Map.of(), List.of(args)));
    }

    private static Arguments ve(String name, String value, String... args) {
        return Arguments.of(new Vector(Map.of(name, value), List.of(args)));
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                // unknown options, anywhere (GNU permutation), clustered
                v("--foo"), v("--foo=bar"), v("-k"), v("-vk"), v("-vvvk"), v("-anrk"),
                v(NOMOD, "-k"), v(NOMOD, "p=1", "--foo"), v("-Dk", NOMOD), v("---"), v("---x"),
                v("--show-alias"), v("-x", "-h"), v("--foo", "-h"), v("-K"), v("-1"), v("-?"),
                v("--é"), v("-W", "all"),
                // ambiguous prefixes
                v("--s"), v("--sh"), v("--show-"), v("--re"), v("--rem"), v("--f"), v("--fo"),
                v("--force-"), v("--d"), v("--v"), v("--ver"), v("--="), v("--=x"), v("--s=x"),
                v(NOMOD, "--r"), v("--remove-"),
                // options that take no argument, given one
                v("--all=3"), v("--verb=2"), v("--ignore=x"), v("--ignore-r="), v("--show=1"),
                v("--help=x"), v("--version="), v("--remove-d=1"), v("--showc="), v("--syslog=1"),
                v("--first-time=no"), v("--dry-run=yes"), v("--show-exports=f"),
                // options missing their argument
                v("--wait"), v("--config"), v("--dirname"), v("--set-version"), v("--c"),
                v("--co"), v("--di"), v("--set"), v("--w"), v("-w"), v("-C"), v("-d"), v("-S"),
                v("-vC"), v("-qw"), v("-q", "-S"), v(NOMOD, "--config"),
                // bad -w values (refused at once, even before -h)
                v("-w", "abc"), v("-w", ""), v("-w", " "), v("-w", "-"), v("-w", "5 "),
                v("--wait=0x"), v("-w08"), v("-w", "0x1g"), v("-w", "12abc"), v("-w", "+"),
                v("-w", "abc", "-h"), v("-w", "-h"), v("-s", "-w", "abc"), v("-q", "-wx"),
                // valid options, no operand: "missing parameters"
                v(), v("--"), v("-a"), v("-r"), v("-r", "-a"), v("-D"), v("-R"), v("-n"), v("-i"),
                v("-b"), v("-f"), v("--first-time"), v("--remove-holders"), v("--remove-dependencies"),
                v("--show-exports"), v("--dump-modversions"), v("--show-modversions"), v("-q"),
                v("-v"), v("-vvv"), v("-qv"), v("-C", "/dev/null"), v("-C/x"), v("--config=/x"),
                v("-d", "/x"), v("-S", "1.2"), v("--dirname="), v("--set-version="), v("-w", "5"),
                v("-w", "0x10"), v("-w", "-1"), v("-w", " 5"), v("-w", "010"),
                v("-w", "99999999999999999999999"), v("--ig"), v("--i"), v("--dr"), v("--show"),
                v("--verb"), v("--q"), v("--u"), v("--a"), v("--fi"), v("--use"), v("--dump"),
                v("--resolve-alias"), v("-Ch"), v("-S", "-k"), v("--config", "--foo"),
                v("-d", "--"), v("-s"), v("-s", "-q"), v("-syslog"),
                // help, wherever it stands first
                v("-h"), v("--help"), v("--h"), v("--he"), v("-vh"), v("-h", "-k"),
                v("-h", "--foo"), v(NOMOD, "-h"), v("-ah"), v("-h", "-V"), v("-h", "-w", "abc"),
                // MODPROBE_OPTIONS goes first; POSIXLY_CORRECT stops at the first operand
                ve("MODPROBE_OPTIONS", "-k", NOMOD), ve("MODPROBE_OPTIONS", "--foo"),
                ve("MODPROBE_OPTIONS", "-h", "--foo"), ve("MODPROBE_OPTIONS", "-w abc"),
                ve("MODPROBE_OPTIONS", "-C"), ve("MODPROBE_OPTIONS", "-v -q"),
                ve("MODPROBE_OPTIONS", "-vD\tx"), ve("MODPROBE_OPTIONS", "'-v'"),
                ve("MODPROBE_OPTIONS", "-'v'"), ve("MODPROBE_OPTIONS", "'-h'"),
                ve("MODPROBE_OPTIONS", "--d"), ve("MODPROBE_OPTIONS", "-S", "-k"),
                ve("POSIXLY_CORRECT", "1", "-k", NOMOD), ve("POSIXLY_CORRECT", "", "-w"),
                ve("POSIXLY_CORRECT", "1", "-v"), ve("POSIXLY_CORRECT", "1", "--"));
    }

    private static Map<String, String> environment(Vector vector) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", "/");
        env.putAll(vector.env());
        return env;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sameOutputAsModprobe(Vector vector) {
        Map<String, String> env = environment(vector);
        String argv0 = modprobe.toString();
        try {
            ParseResult r = OptionParser.parse(argv0, vector.args(), env);
            if (r instanceof ParseResult.Run) {
                fail("not decided by the parser (would run): " + vector);
            }
        } catch (UsageException expected) {
            // decided by the parser: safe to run the real one
        }
        RealModprobe.Outcome real = RealModprobe.run(argv0, vector.args(), env);
        RealModprobe.Outcome ours = InProcess.run(argv0, vector.args(), env);
        assertEquals(real, ours, vector.toString());
    }

    static Stream<Arguments> versionVectors() {
        return Stream.of(v("-V"), v("--version"), v("--vers"), v("-V", "-k"), v("-vV"),
                v(NOMOD, "-V"), ve("MODPROBE_OPTIONS", "-V", "--foo"), v("-k", "-V"),
                v("--version=1"));
    }

    /** -V: same status and stderr; stdout in the same two-line format, naming jkmod honestly. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("versionVectors")
    void versionInModprobesFormat(Vector vector) {
        Map<String, String> env = environment(vector);
        String argv0 = modprobe.toString();
        RealModprobe.Outcome real = RealModprobe.run(argv0, vector.args(), env);
        RealModprobe.Outcome ours = InProcess.run(argv0, vector.args(), env);
        assertEquals(real.status(), ours.status());
        assertEquals(real.stderr(), ours.stderr());
        if (real.stdout().isEmpty()) {
            assertEquals("", ours.stdout());
            return;
        }
        assertTrue(real.stdout().matches("kmod version \\S+\n[-+A-Z ]+\n"), real.stdout());
        assertTrue(ours.stdout().matches("jkmod version \\S+ \\(kmod [0-9.]+\\)\n[-+A-Z ]+\n"), ours.stdout());
        String realVersion = real.stdout().substring("kmod version ".length(), real.stdout().indexOf('\n'));
        assertTrue(ours.stdout().contains(" (kmod " + realVersion + ")\n"), "names the kmod it follows: " + ours.stdout());
        List<String> realFeatures = featureNames(real.stdout());
        List<String> ourFeatures = featureNames(ours.stdout());
        assertEquals(realFeatures, ourFeatures, "same features, same order");
        assertFalse(ours.stdout().contains("kmod version 30"));
    }

    private static List<String> featureNames(String version) {
        List<String> names = new ArrayList<>();
        for (String f : version.split("\n")[1].split(" ")) {
            names.add(f.substring(1));
        }
        return names;
    }
}
