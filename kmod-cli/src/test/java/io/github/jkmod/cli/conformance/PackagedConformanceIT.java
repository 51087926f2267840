package io.github.jkmod.cli.conformance;

import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged executable (target/jmodprobe, run through a link named {@code modprobe}) against
 * the real modprobe, on a smaller set of command lines from every category: here the launcher,
 * the real stdout buffering (install commands write to the same descriptor), the raw bytes of
 * non-ASCII arguments and the process exit status are part of what is compared. Skipped when the
 * executable has not been built.
 */
class PackagedConformanceIT extends ConformanceTestBase {
    private static Path link;

    @BeforeAll
    static void setUp() throws IOException {
        Path executable = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath();
        Prerequisites.require(Files.isExecutable(executable), "not built: " + executable);
        link = tmp.resolve("sbin/modprobe");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, executable);
    }

    private static Outcome packaged(CommandLine line) {
        Outcome o = Programs.process(link.toString(), line);
        // getopt's messages name the program by its path
        return new Outcome(o.stdout(), o.stderr().replace(link.toString(), tree.modprobe()), o.status());
    }

    @Test
    void sample() throws IOException {
        String every = everyCommand.toString();
        String ko = tree.moduleFile("kernel/lib/crc16.ko").toString();
        List<String> names = tree.moduleNames();
        List<List<String>> lines = new ArrayList<>(List.of(
                List.of("-C", "/dev/null", "-D", "-a", "ext4", "btrfs", "crc16", "jkmod_nope"),
                List.of("-C", every, "-D", "-a", "myalias", "fs-myfs", "fakemod", "softloop_a", "dual"),
                List.of("-C", every, "-R", "-a", "pci:v00008086d000010D3sv0sd0bc02sc00i00", "bl-alias", "dual"),
                List.of("-C", "/dev/null", "-c"), List.of("-C", every, "-c", "-q"),
                List.of("-C", every, "-n", "-v", "ext4", "a=1", "b=\"c d\""),
                List.of("--show-exports", ko), List.of("--show-modversions", ko),
                List.of("--show-exports", "/etc/passwd"), List.of("--show-exports", "/"),
                List.of("-C", "/dev/null", "jkmod_nope"), List.of("--foo"), List.of("-C"), List.of(),
                List.of("-C", every, "-b", "-n", "-v", "xfrm_user"),
                List.of("-C", "/dev/null", "-r", tree.builtinNames().get(0), "crc16"),
                List.of("-C", "/dev/null", "--first-time", "-n", tree.builtinNames().get(0)),
                List.of("-C", "/dev/null", "-D", "--", "\u00c3\u00a9", "\u00e9"),
                List.of("-C", "/dev/null", "-a", "-n", "--", "\u00e9t\u00e9", "", "..", "[x", "a".repeat(5000)),
                List.of("-C", "/dev/null", "-r", "-a", "-n", "--", "\u00e9", "[", "..", "/x"),
                List.of("-C", every, "-n", "-vv", "ext4")));
        if (!Files.exists(Path.of("/proc/modules"))) {
            // not dry: only on a kernel without module support (see KernelConformanceTest)
            lines.addAll(List.of(
                    List.of("-C", "/dev/null", "crc16"), List.of("-C", "/dev/null", "-vv", "-a", "crc16", "ext4"),
                    List.of("-C", every, "-v", "fakemod", "x=1"), List.of("-C", every, "-a", "-v", "fakemod", "failmod", "fakemod"),
                    List.of("-C", every, "-v", "-a", "cmd-alias", "echo_opts"), List.of("-C", every, "-r", "-v", "crc16", "fakemod", "ext4"),
                    List.of("-C", every, "-r", "-vv", "removeonly", names.get(0))));
        }
        Comparison c = new Comparison(tree, PackagedConformanceIT::packaged);
        for (List<String> l : lines) {
            List<String> args = new ArrayList<>(l);
            if (!l.isEmpty() && !l.equals(List.of("--foo")) && !l.equals(List.of("-C"))) {
                args.addAll(tree.rootArgs());
            }
            c.compare(CommandLine.of(args));
        }
        c.compare(CommandLine.of(tree.args(everyCommand, "echo_opts")).withEnv("MODPROBE_OPTIONS", "-n -v \u00e9"));
        if (!Files.exists(Path.of("/proc/modules"))) {
            // more than one stdio block of output before an install command runs
            List<String> many = tree.args(everyCommand, "-a", "-v");
            for (int i = 0; i < 60; i++) {
                many.add("ext4");
            }
            many.addAll(List.of("fakemod", "crc16", "fakemod"));
            c.compare(CommandLine.of(many));
        }
        c.assertSame();
    }
}
