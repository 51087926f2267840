package io.github.jkmod.cli.lsmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.multicall.Jkmod;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jkmod's {@code lsmod} and {@code kmod} against the real ones of the chosen oracle
 * ({@link Oracle#current()}: kmod 30 of this machine, or kmod 34.2 of the Debian 13 chroot), byte for
 * byte (standard output, standard error, exit status), on fake kernel trees. The real tool reads the
 * fake tree in a mount namespace of its own ({@code unshare -m}: a tmpfs on {@code /proc} holding the
 * fake {@code modules}, the fake {@code sys/module} bound on {@code /sys/module}); jkmod reads the
 * same directory as its root, in this JVM, with {@code JKMOD_PROFILE} of the oracle. The one
 * intended difference: {@code -V} names jkmod ({@code jkmod version X (kmod 34.2)}) where kmod
 * prints {@code kmod version 34.2}, and lists jkmod's features.
 */
class LsmodConformanceTest {
    /** The tree of upstream's lsmod-style case, {@code test-loaded.c: loaded_1}. */
    static final String UPSTREAM_LOADED_1 = "upstream loaded_1";

    /** The trees compared, by name. */
    static final Map<String, Consumer<FakeLoadedTree>> TREES = new LinkedHashMap<>();

    static {
        TREES.put("typical", t -> t.lines(
                "snd_hda_intel 57344 3 - Live 0xffffffffc0a00000",
                "snd_hda_codec 188416 2 snd_hda_intel, Live 0xffffffffc0900000",
                "snd 126976 4 snd_hda_intel,snd_hda_codec, Live 0xffffffffc0800000 (E)")
                .module("snd_hda_intel", 57344, 3)
                .module("snd_hda_codec", 188416, 2, "snd_hda_intel")
                .module("snd", 126976, 4, "snd_hda_intel", "snd_hda_codec"));
        TREES.put("odd sizes", t -> t.lines(
                "zero 0 0 - Live 0x0", "one 1 0 - Live 0x0", "eight 99999999 0 - Live 0x0",
                "nine 123456789 0 - Live 0x0", "huge 9223372036854775807 0 - Live 0x0",
                "fallback 4242 0 - Live 0x0", "fallback_neg -17 0 - Live 0x0",
                "fallback_big 99999999999999999999 0 - Live 0x0", "negative 5 0 - Live 0x0")
                .module("zero", 0, 0).module("one", 1, 0).module("eight", 99999999, 0)
                .module("nine", 123456789, 0).module("huge", Long.MAX_VALUE, 0)
                .directory("fallback").holders("fallback").directory("fallback_neg").holders("fallback_neg")
                .directory("fallback_big").holders("fallback_big")
                .module("negative", -5, 0));
        TREES.put("many holders", t -> {
            List<String> lines = new ArrayList<>();
            String[] holders = new String[40];
            StringBuilder col = new StringBuilder();
            for (int i = 0; i < holders.length; i++) {
                holders[i] = "holder_module_" + (char) ('a' + i % 26) + i;
                col.append(holders[i]).append(',');
            }
            lines.add("base 65536 40 " + col + " Live 0x0");
            for (String h : holders) {
                lines.add(h + " 4096 0 - Live 0x0");
            }
            t.lines(lines.toArray(new String[0])).module("base", 65536, 40, holders);
            for (String h : holders) {
                t.module(h, 4096, 0);
            }
        });
        TREES.put("long names", t -> t.lines(
                "exactly_nineteen_ch 8192 0 - Live 0x0",
                "twenty_characters_xx 8192 1 a_module_name_of_sixty_characters_for_lsmod_column_widths_x, Live 0x0",
                "a_module_name_of_sixty_characters_for_lsmod_column_widths_x 123456789012 0 - Live 0x0")
                .module("exactly_nineteen_ch", 8192, 0)
                .module("twenty_characters_xx", 8192, 1, "a_module_name_of_sixty_characters_for_lsmod_column_widths_x")
                .module("a_module_name_of_sixty_characters_for_lsmod_column_widths_x", 123456789012L, 0));
        TREES.put("loading and unloading", t -> t.lines(
                "coming 16384 0 - Loading 0x0 (OE)",
                "going 16384 0 - Unloading 0x0",
                "permanent 32768 - - Live 0x0",
                "pinned 8192 1 [permanent], Live 0x0",
                "used 8192 2 coming,[unsafe], Live 0x0",
                "window 4096 0 - Loading 0x0")
                .module("coming", 16384, 0).module("going", 16384, 0)
                .raw("sys/module/permanent/coresize", "32768\n").holders("permanent")
                .module("pinned", 8192, 1).module("used", 8192, 2, "coming")
                .directory("window"));
        TREES.put("no sysfs entries", t -> t.lines(
                "ghost 1234 0 - Live 0x0", "half 777 1 - Live 0x0", "whole 888 0 - Live 0x0")
                .directory("half").raw("sys/module/half/refcnt", "1\n")
                .module("whole", 888, 0));
        TREES.put("odd names and lines", t -> t.lines(
                "dash-name 100 0 - Live 0x0", "dotted.name 200 0 - Live 0x0",
                "tab\tseparated 300 0 - Live 0x0", "dup 400 0 - Live 0x0", "dup 400 0 - Live 0x0",
                "holder_dashes 500 1 a-b, Live 0x0", "  leading_spaces 600 0 - Live 0x0")
                .module("dash_name", 100, 7).module("dotted", 200, 0).module("tab", 300, 0)
                .module("dup", 400, 0).module("holder_dashes", 500, 1, "a-b", "c-d")
                .directory("leading_spaces").holders("leading_spaces"));
        // kmod's testsuite/test-loaded.c (loaded_1), with an own fixture of the same shape: one live
        // module whose sysfs directory has refcnt, initstate, an empty holders/ and the files a real
        // one has, but no coresize (the size comes from proc/modules)
        TREES.put(UPSTREAM_LOADED_1, t -> t.lines("demo_bt 11216 0 - Live 0xffffffffc0150000")
                .raw("sys/module/demo_bt/initstate", "live\n").raw("sys/module/demo_bt/refcnt", "0\n")
                .raw("sys/module/demo_bt/srcversion", "0123456789ABCDEF0123456\n")
                .raw("sys/module/demo_bt/version", "0.6\n")
                .raw("sys/module/demo_bt/parameters/reset", "N\n")
                .raw("sys/module/demo_bt/sections/.text", "0xffffffffc0150000\n")
                .holders("demo_bt"));
        TREES.put("empty file", t -> t.raw("proc/modules", ""));
        TREES.put("missing file", t -> t.module("orphan", 1, 0));
        TREES.put("no sys/module at all", t -> t.lines("lonely 4096 0 - Live 0x0"));
    }

    /** Command lines of lsmod (and of kmod, first word {@code kmod}) compared on the typical tree. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("lsmod"), List.of("lsmod", "-V"), List.of("lsmod", "--version"), List.of("lsmod", "-h"),
            List.of("lsmod", "--help"), List.of("lsmod", "x"), List.of("lsmod", "-x"), List.of("lsmod", "--ver"),
            List.of("lsmod", "--help=x"), List.of("lsmod", "--"), List.of("lsmod", "--", "x"),
            List.of("lsmod", "-vV"), List.of("lsmod", "-v"), List.of("lsmod", "--nope"), List.of("lsmod", "x", "-h"),
            List.of("kmod"), List.of("kmod", "x"), List.of("kmod", "-x"), List.of("kmod", "-h"),
            List.of("kmod", "--help"), List.of("kmod", "-V"), List.of("kmod", "--version"), List.of("kmod", "help"),
            List.of("kmod", "help", "x"), List.of("kmod", "list"), List.of("kmod", "list", "x"),
            List.of("kmod", "list", "-h"), List.of("kmod", "list", "-V"), List.of("kmod", "list", "--version"),
            List.of("kmod", "list", "-x"), List.of("kmod", "-V", "list"), List.of("kmod", "--help", "list"),
            List.of("kmod", "lsmod"), List.of("kmod", "--ver"), List.of("kmod", "-hV"));

    @TempDir
    static Path scratch;

    @BeforeAll
    static void prerequisites() {
        boolean root = "root".equals(System.getProperty("user.name"));
        Prerequisites.require(root && Prerequisites.findTool("/usr/bin/unshare", "/bin/unshare").isPresent(),
                "root and unshare(1) (util-linux): the real lsmod is given a fake /proc/modules in a mount namespace");
    }

    static List<String> trees() {
        return new ArrayList<>(TREES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void lsmodListsLikeTheRealOne(String name) throws Exception {
        Path tree = tree(name);
        compare(tree, List.of("lsmod"));
        compare(tree, List.of("kmod", "list"));
    }

    static List<List<String>> commands() {
        return COMMANDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void commandLinesLikeTheRealOnes(List<String> command) throws Exception {
        compare(tree("typical"), command);
    }

    @Test
    void upstreamLoaded1ListsTheModuleAsTheCaseExpects() throws Exception {
        // test-loaded.c expects the module's name, its proc/modules size, use count 0 and no
        // holders; lsmodListsLikeTheRealOne compares the bytes with the real tool, this checks that
        // the real tool (and so jkmod) shows what the case expects
        Outcome real = real(tree(UPSTREAM_LOADED_1), realTool("lsmod"), List.of());
        assertEquals(new Outcome(Lsmod.HEADER + "demo_bt                11216  0\n", "", 0), real);
        assertEquals(real, jkmod(tree(UPSTREAM_LOADED_1), List.of("lsmod")));
    }

    @Test
    void missingProcModulesIsTheProfilesError() throws Exception {
        // docs/kmod30-vs-kmod34.md row 17
        Outcome jkmod = jkmod(tree("missing file"), List.of("lsmod"));
        String expected = Oracle.current() == Oracle.KMOD30
                ? "libkmod: ERROR ../libkmod/libkmod-module.c:1725 kmod_module_new_from_loaded: could not open "
                        + "/proc/modules: No such file or directory\n"
                        + "Error: could not get list of modules: No such file or directory\n"
                : "lsmod: ERROR: could not open /proc/modules: No such file or directory\n"
                        + "lsmod: ERROR: could not get list of modules: No such file or directory\n";
        assertEquals(new Outcome("", expected, 1), jkmod);
    }

    private static Path tree(String name) throws Exception {
        Path dir = scratch.resolve(name.replace(' ', '_').replace('/', '_'));
        if (!Files.exists(dir)) {
            FakeLoadedTree t = FakeLoadedTree.at(dir);
            TREES.get(name).accept(t);
        }
        return dir;
    }

    /** The real tool's path for the first word of {@code command}. */
    private static Path realTool(String tool) {
        return tool.equals("kmod") ? Oracle.current().kmod() : Oracle.current().lsmod();
    }

    private static void compare(Path tree, List<String> command) {
        Path real = realTool(command.get(0));
        List<String> args = command.subList(1, command.size());
        Outcome expected = real(tree, real, args);
        Outcome actual = jkmod(tree, real.toString(), args);
        String what = command + " on " + tree.getFileName() + " against " + Oracle.current().description();
        if (expected.stdout.startsWith("kmod version ")) {
            KmodProfile profile = KmodProfile.fromName(Oracle.current().profile());
            assertTrue(expected.stdout.startsWith("kmod version " + profile.kmodVersion() + "\n"), what);
            expected = new Outcome(ToolAccess.versionText(profile), expected.stderr, expected.status);
        }
        assertEquals(expected, actual, what);
    }

    /** The real tool on {@code tree}: its own /proc (a tmpfs with the tree's modules) and /sys/module. */
    private static Outcome real(Path tree, Path tool, List<String> args) {
        ToolHarness.Outcome o = ToolHarness.realOnTree(tree, tool, args);
        return new Outcome(o.stdout(), o.stderr(), o.status());
    }

    static Outcome jkmod(Path tree, List<String> command) {
        return jkmod(tree, command.get(0), command.subList(1, command.size()));
    }

    /** jkmod as {@code argv0} in this JVM, reading {@code tree}, with the oracle's profile. */
    static Outcome jkmod(Path tree, String argv0, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            status = Jkmod.run(argv0, args, new ToolRun(o, e, Oracle.current().withProfile(Map.of()), tree,
                    SyslogSink.DISCARD));
        }
        return new Outcome(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1),
                status);
    }

    /** What a run printed and returned. */
    record Outcome(String stdout, String stderr, int status) {
    }
}
