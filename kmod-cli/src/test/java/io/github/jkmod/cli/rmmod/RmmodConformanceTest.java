package io.github.jkmod.cli.rmmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.cli.common.ToolHarness.Outcome;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jkmod's {@code rmmod} against the real one of the chosen oracle ({@link Oracle#current()}), byte
 * for byte and exit status: usage, help, options and names on this machine, and every check before
 * the removal on a fake {@code /sys/module} (the real rmmod sees it in a mount namespace of its own,
 * jkmod as its root): modules held by others (in directory order), used, unused, without
 * {@code refcnt}, coming (a directory only), going. The removals themselves reach the running kernel
 * with names no kernel has ({@code jkmod_*}): without module support both get {@code ENOSYS}, with
 * it {@code ENOENT}. The one intended difference: {@code -V} names jkmod.
 */
class RmmodConformanceTest {
    @TempDir
    static Path tree;

    @BeforeAll
    static void fakeSysModule() throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Prerequisites.require(root && Prerequisites.findTool("/usr/bin/unshare", "/bin/unshare").isPresent(),
                "root and unshare(1) (util-linux): the real rmmod is given a fake /sys/module in a mount namespace");
        module("jkmod_held", "live", "2", "jkmod_user_b", "jkmod_user_a", "jkmod_user_c");
        module("jkmod_one_holder", "live", "1", "jkmod_user_a");
        module("jkmod_used", "live", "3");
        module("jkmod_free", "live", "0");
        module("jkmod_user_a", "live", "0");
        module("jkmod_norefcnt", "live", null);
        module("jkmod_going", "going", "0");
        module("jkmod_coming", "coming", "0");
        Files.createDirectories(tree.resolve("sys/module/jkmod_window"));
        Files.createDirectories(tree.resolve("sys/module/jkmod_window/parameters"));
        Files.writeString(tree.resolve("jkmod_free.ko"), "not read\n");
        Files.createDirectories(tree.resolve("proc"));
    }

    private static void module(String name, String initstate, String refcnt, String... holders) throws IOException {
        Path dir = Files.createDirectories(tree.resolve("sys/module").resolve(name));
        Files.writeString(dir.resolve("initstate"), initstate + "\n");
        if (refcnt != null) {
            Files.writeString(dir.resolve("refcnt"), refcnt + "\n");
        }
        Files.createDirectories(dir.resolve("holders"));
        for (String h : holders) {
            Files.createDirectories(dir.resolve("holders").resolve(h));
        }
    }

    static List<List<String>> commands() {
        String t = tree.toString();
        List<List<String>> c = new ArrayList<>();
        for (List<String> usage : List.of(List.<String>of(), List.of("-h"), List.of("--help"), List.of("-x"),
                List.of("--foo"), List.of("--he"), List.of("-h", "-x"), List.of("-x", "-h"), List.of("--help=x"),
                List.of("-w", "jkmod_x"), List.of("-s", "-w", "jkmod_x"), List.of("-f"), List.of("-s"), List.of("-v"),
                List.of("-p", "jkmod_x"), List.of("--", "-x"), List.of("jkmod_x", "-h"))) {
            c.add(usage);
        }
        for (String name : List.of("jkmod_held", "jkmod_one_holder", "jkmod_used", "jkmod_free", "jkmod_norefcnt",
                "jkmod_going", "jkmod_coming", "jkmod_window", "jkmod_absent", "jkmod-held", "jkmod_held.ko",
                "jkmod-free.ko.xz", t + "/jkmod_free.ko", t + "/jkmod_free.ko/", t + "/", t, "", ".", "..",
                "jkmod_window/parameters", "a/b", "-")) {
            c.add(List.of(name));
        }
        c.add(List.of("jkmod_held", "jkmod_used", "jkmod_absent", "jkmod_free"));
        c.add(List.of("jkmod_absent", t + "/", "jkmod_held"));
        for (String option : List.of("-f", "--force", "-s", "--syslog", "-v", "-vv", "-vvv", "--verbose")) {
            c.add(List.of(option, "jkmod_held"));
            c.add(List.of(option, "jkmod_free"));
            c.add(List.of(option, "jkmod_absent"));
        }
        c.add(List.of("jkmod_held", "-f"));
        c.add(List.of("-f", "jkmod_absent", "jkmod_used"));
        c.add(List.of("-vvv", "jkmod_window"));
        c.add(List.of("-vvv", t + "/"));
        c.add(List.of("-s", "jkmod_norefcnt", "jkmod_window"));
        return c;
    }

    @ParameterizedTest(name = "rmmod {0}")
    @MethodSource("commands")
    void rmmodLikeTheRealOne(List<String> args) {
        Path real = Oracle.current().tool("rmmod");
        Outcome expected = ToolHarness.realOnTree(tree, real, args).normalised();
        Outcome actual = ToolHarness.jkmod(tree, Oracle.current().withProfile(Map.of()), real.toString(), args)
                .normalised();
        String what = "rmmod " + args + " against " + Oracle.current().description();
        if (expected.stdout().startsWith("kmod version ")) {
            KmodProfile profile = KmodProfile.fromName(Oracle.current().profile());
            assertTrue(expected.stdout().startsWith("kmod version " + profile.kmodVersion() + "\n"), what);
            expected = new Outcome(ToolAccess.versionText(profile), expected.stderr(), expected.status());
        }
        assertEquals(expected, actual, what);
    }

    static List<List<String>> versions() {
        return List.of(List.of("-V"), List.of("--version"), List.of("-V", "jkmod_held"), List.of("-fV"));
    }

    @ParameterizedTest(name = "rmmod {0}")
    @MethodSource("versions")
    void versionIsJkmodsWithTheProfilesKmodRelease(List<String> args) {
        rmmodLikeTheRealOne(args);
    }
}
