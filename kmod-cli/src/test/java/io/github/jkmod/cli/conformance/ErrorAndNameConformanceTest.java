package io.github.jkmod.cli.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The errors modprobe reports (unknown module, unknown option, missing argument, blacklisted
 * target, builtin target with {@code -r}, {@code --first-time}) in dry runs, and odd names (empty,
 * paths, {@code ..}, brackets, very long, non-ASCII, control characters) in every mode.
 */
class ErrorAndNameConformanceTest extends ConformanceTestBase {
    private static String builtin;

    @BeforeAll
    static void setUp() throws IOException {
        builtin = tree.builtinNames().get(0);
    }

    /** Odd names: one char per byte, so "\u00c3\u00a9" is UTF-8 e-acute and "\u00e9" a lone Latin-1 byte. */
    static List<String> oddNames() {
        return List.of("", " ", "/", ".", "..", "../..", "../x", "./x", "./", "a/b", "/tmp",
                "/etc/passwd", "crc16/", "/crc16", "[", "]", "[]", "[abc]", "crc[1]6", "crc1[0-9]",
                "[!a]", "*", "?", "crc1?", "crc*", "\\", "crc\\16", "-", "--", "=", "a=b", "crc16 x",
                "crc16\t", "a\nb", ":", "symbol:", "symbol:crc16", "symbol:nosuch", "pci:", "pci:*",
                "CRC16", "crc-16", "crc_16", "crc16.ko", "crc16.ko.xz", "ext4\u00ff",
                "\u00c3\u00a9", "\u00e9", "mod\u00e9le", "\u00e2\u0080\u00a6", "\u007f",
                "a".repeat(255), "b".repeat(256), "crc16".repeat(1000), "c".repeat(100_000));
    }

    @Test
    void oddNamesInEveryMode() {
        Comparison c = new Comparison(tree);
        for (String config : List.of("/dev/null", everyCommand.toString())) {
            for (String name : oddNames()) {
                for (List<String> mode : List.of(List.of("-D"), List.of("-R"), List.of("-n", "-v"),
                        List.of("-n", "-v", "-r"), List.of("-D", "-r"), List.of("-R", "-r"),
                        List.of("-q", "-n"))) {
                    List<String> args = tree.args(Path.of(config));
                    args.addAll(mode);
                    args.add("--");
                    args.add(name);
                    c.compare(CommandLine.of(args));
                }
            }
            // all at once, with -a
            List<String> args = tree.args(Path.of(config), "-n", "-v", "-a", "--");
            args.addAll(oddNames());
            c.compare(CommandLine.of(args));
            args = tree.args(Path.of(config), "-n", "-v", "-r", "-a", "--");
            args.addAll(oddNames());
            c.compare(CommandLine.of(args));
        }
        c.assertSame();
    }

    @Test
    void errors() {
        String every = everyCommand.toString();
        List<List<String>> lines = new ArrayList<>();
        // unknown modules
        for (List<String> mode : List.<List<String>>of(List.of(), List.of("-n"), List.of("-D"), List.of("-R"),
                List.of("-r"), List.of("-n", "-r"), List.of("-q"), List.of("-a"), List.of("-v"),
                List.of("-vv"), List.of("-r", "-vv"), List.of("-s"), List.of("-b"), List.of("-i"))) {
            List<String> l = new ArrayList<>(mode);
            l.add("jkmod_no_such_module");
            lines.add(l);
        }
        lines.add(List.of("-a", "-n", "jkmod_no_such_module", "crc16", "jkmod_other"));
        lines.add(List.of("-r", "-n", "-v", "jkmod_no_such_module", "crc16"));
        lines.add(List.of("-r", "-n", "-v", "-a", "jkmod_no_such_module", "crc16"));
        lines.add(List.of("-q", "-r", "-n", "-v", "jkmod_no_such_module", "crc16"));
        // unknown options and missing arguments (after the real tree's options)
        for (List<String> bad : List.<List<String>>of(List.of("--foo"), List.of("-k"), List.of("-vk", "crc16"),
                List.of("crc16", "--bogus=1"), List.of("-w"), List.of("-C"), List.of("-S"),
                List.of("--wait=x", "crc16"), List.of(), List.of("-r"), List.of("-a"),
                List.of("--show-exports"), List.of("-n", "-a"), List.of("-h"), List.of("-D", "-h"))) {
            lines.add(bad);
        }
        // blacklisted targets: by name with -b, through an alias without
        for (String name : List.of("xfrm_user", "bl-alias", "net-pf-16-proto-6", "dual", "crc7",
                "wild-anything", "e1000e", "dummy")) {
            for (List<String> mode : List.of(List.of("-n", "-v"), List.of("-n", "-v", "-b"),
                    List.of("-D", "-b"), List.of("-R", "-b"), List.of("-n", "-v", "-b", "-i"))) {
                List<String> l = new ArrayList<>(List.of("-C", every));
                l.addAll(mode);
                l.add(name);
                lines.add(l);
            }
        }
        // builtin targets, --first-time
        for (List<String> mode : List.of(List.of("-r"), List.of("-r", "-n"), List.of("-r", "-v"),
                List.of("-r", "-a"), List.of("-r", "--first-time"), List.of("--first-time", "-n"),
                List.of("--first-time"), List.of("-n", "-v"), List.of("-D"), List.of("-r", "-D"),
                List.of("-r", "-q"), List.of("-r", "--remove-holders"), List.of("-r", "-w", "10"),
                List.of("-r", "-f"), List.of("-r", "-vv"), List.of("--first-time", "-vv"))) {
            List<String> l = new ArrayList<>(mode);
            l.add(builtin);
            lines.add(l);
        }
        lines.add(List.of("-r", "-n", "-v", "crc16", builtin, "ext4"));
        lines.add(List.of("-r", "-n", "-v", "--first-time", "crc16", "ext4"));
        lines.add(List.of("-r", "-n", "-v", "-a", "--first-time", "crc16", builtin, "ext4"));
        lines.add(List.of("-n", "-v", "--first-time", "crc16"));
        lines.add(List.of("-n", "-v", "-a", "--first-time", "crc16", builtin));
        Comparison c = new Comparison(tree);
        for (List<String> l : lines) {
            List<String> args = new ArrayList<>();
            if (!l.contains("-C")) {
                args.addAll(List.of("-C", "/dev/null"));
            }
            args.addAll(tree.rootArgs());
            args.addAll(l);
            c.compare(CommandLine.of(args));
        }
        // the same through MODPROBE_OPTIONS
        c.compare(CommandLine.of("jkmod_no_such_module").withEnv("MODPROBE_OPTIONS",
                "-C /dev/null -d " + tree.root() + " -S " + tree.release() + " -q"));
        c.compare(CommandLine.of(tree.args(everyCommand, "-n", "echo_opts"))
                .withEnv("MODPROBE_OPTIONS", "-v"));
        c.assertSame();
    }
}
