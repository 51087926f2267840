package io.github.jkmod.cli.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs that are not dry: inserts the kernel refuses, install and remove commands that run
 * ({@code /bin/echo}, {@code /bin/false}), removals of modules that are not loaded, builtin, or
 * half there (a /sys/module directory without initstate). Only on a kernel without module support
 * (no /proc/modules), where finit_module and delete_module answer ENOSYS to both programs and
 * nothing can change: elsewhere the test is skipped.
 */
class KernelConformanceTest extends ConformanceTestBase {
    private static String builtin;
    private static List<String> halfThere;

    @BeforeAll
    static void setUp() throws IOException {
        Assumptions.assumeFalse(Files.exists(Path.of("/proc/modules")),
                "the kernel supports modules: real inserts and removals are not run");
        builtin = tree.builtinNames().get(0);
        // modules of the real tree that have a /sys/module directory here (no initstate: COMING)
        halfThere = new ArrayList<>();
        for (String name : tree.moduleNames()) {
            if (Files.isDirectory(Path.of("/sys/module", name)) && halfThere.size() < 3) {
                halfThere.add(name);
            }
        }
    }

    @Test
    void insertAndRemove() throws IOException {
        String ko = tree.moduleFile("kernel/lib/crc16.ko").toString();
        Path copy = tmp.resolve("copy").resolve(Path.of(ko).getFileName());
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of(ko), copy);
        List<List<String>> lines = new ArrayList<>(List.of(
                List.of("crc16"), List.of("-v", "crc16"), List.of("-vv", "crc16"), List.of("-q", "crc16"),
                List.of("-s", "crc16"), List.of("crc16", "a=1", "b=\"x y\""), List.of("-a", "crc16", "crc7", "ext4"),
                List.of("-v", "ext4"), List.of("-vv", "-a", "ext4", "crc16"), List.of("myalias"), List.of("-v", "myalias"),
                List.of("--first-time", "crc16"), List.of("--first-time", builtin), List.of(builtin),
                List.of("-v", builtin), List.of("-f", "crc16"), List.of("--force-vermagic", "crc16"),
                List.of("--force-modversion", "-v", "crc16"), List.of(ko), List.of("-v", copy.toString()),
                List.of("fakemod"), List.of("-v", "fakemod", "x=1"), List.of("-i", "fakemod"),
                List.of("failmod"), List.of("-v", "failmod"), List.of("-a", "fakemod", "crc16", "failmod", "fakemod"),
                List.of("cmd-alias"), List.of("-v", "cmd-alias", "o=2"), List.of("echo_opts"),
                List.of("-v", "-s", "echo_opts"), List.of("bl-alias"), List.of("-b", "bl-alias"),
                List.of("xfrm_user"), List.of("-v", "net-pf-16-proto-6"), List.of("-b", "xfrm_user"),
                List.of("fs-myfs"), List.of("-v", "btrfs"), List.of("-i", "-v", "btrfs"), List.of("dual"),
                List.of("-v", "wild-anything"), List.of("-v", "igb"), List.of("-v", "mbcache"),
                List.of("-r", "crc16"), List.of("-r", "-v", "crc16"), List.of("-r", "-i", "crc16"),
                List.of("-r", "ext4"), List.of("-r", "-v", "ext4"), List.of("-r", "removeonly"),
                List.of("-r", "-v", "fakemod"), List.of("-r", builtin), List.of("-r", "-a", builtin, "crc16"),
                List.of("-r", "dummy"), List.of("-r", "--first-time", "dummy"), List.of("-r", "-a", "crc16", "ext4", "dummy"),
                List.of("-r", "-vv", "crc16", "removeonly"), List.of("-r", "-q", builtin, "crc16"),
                List.of("-r", "-a", "--first-time", "dummy", "crc16")));
        for (String half : halfThere) {
            lines.add(List.of(half));
            lines.add(List.of("-v", "--first-time", half));
            lines.add(List.of("-r", half));
            lines.add(List.of("-r", "-v", "-f", half));
            lines.add(List.of("-r", "-w", "50", half));
            lines.add(List.of("-r", "--remove-holders", "-v", half));
            lines.add(List.of("-r", "-vv", half));
        }
        Comparison c = new Comparison(tree);
        for (String config : List.of("/dev/null", everyCommand.toString())) {
            for (List<String> l : lines) {
                List<String> args = tree.args(Path.of(config));
                args.addAll(l);
                c.compare(CommandLine.of(args));
            }
        }
        // more than one stdio block (4096 bytes) of output before an install command runs
        List<String> many = tree.args(everyCommand, "-a", "-v");
        for (int i = 0; i < 60; i++) {
            many.add("ext4");
        }
        many.addAll(List.of("fakemod", "crc16", "fakemod"));
        c.compare(CommandLine.of(many));
        c.compare(CommandLine.of(tree.args(everyCommand, "echo_opts")).withEnv("MODPROBE_OPTIONS", "-q -b"));
        c.compare(CommandLine.of(tree.args(everyCommand, "-a", "fakemod", "crc16"))
                .withEnv("MODPROBE_OPTIONS", "-v"));
        c.assertSame();
    }
}
