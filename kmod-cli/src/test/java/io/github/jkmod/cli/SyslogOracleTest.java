package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -s} end to end: the real modprobe and jmodprobe (a child JVM called {@code modprobe}) run
 * in a mount namespace whose private {@code /dev} has a capturing logger (capture.py on
 * {@code /dev/log}), or no logger and a capturing {@code /dev/console}; what each sends must be the
 * same bytes (the timestamp masked). Skipped unless root with {@code unshare}, {@code python3},
 * the real modprobe and the real module tree.
 */
class SyslogOracleTest {
    private static Path script;
    private static Path capture;
    private static Path realModprobe;
    private static Path root;
    private static String release;

    @TempDir
    Path tmp;

    /** What one program did: stdout, stderr, status and what reached the logger or console. */
    record Capture(String stdout, String stderr, String status, List<String> log) {
    }

    @BeforeAll
    static void prerequisites() throws IOException, InterruptedException, URISyntaxException {
        realModprobe = RealModprobe.require();
        FetchedTree tree = FetchedTree.require();
        root = tree.root();
        release = tree.release();
        script = Path.of(SyslogOracleTest.class.getResource("/syslog/private-dev.sh").toURI());
        capture = Path.of(SyslogOracleTest.class.getResource("/syslog/capture.py").toURI());
        Path probe = Files.createTempDirectory("jkmod-syslog-probe");
        boolean works;
        try {
            works = namespace("socket", probe, List.of("true")) && Files.readString(probe.resolve("status")).equals("0\n");
        } catch (IOException e) {
            works = false;
        } finally {
            try (var files = Files.walk(probe)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        Prerequisites.require(works, "unshare -m with python3 (root)");
    }

    private static boolean namespace(String mode, Path outdir, List<String> command)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("unshare", "-m", "sh", script.toString(), mode,
                capture.toString(), outdir.toString()));
        all.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(all).redirectErrorStream(true)
                .redirectOutput(outdir.resolve("namespace.log").toFile());
        // jmodprobe behaves as the oracle's kmod (the real modprobe ignores the variable)
        pb.environment().put(Oracle.PROFILE_VARIABLE, Oracle.current().profile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + all);
        }
        return p.exitValue() == 0;
    }

    private Capture run(String mode, String who, List<String> program, List<String> args)
            throws IOException, InterruptedException {
        Path outdir = Files.createDirectories(tmp.resolve(who));
        List<String> command = new ArrayList<>(program);
        command.addAll(args);
        assertEquals(true, namespace(mode, outdir, command), () -> "namespace run failed: " + command);
        byte[] log = Files.readAllBytes(outdir.resolve("log"));
        List<String> entries = new ArrayList<>();
        if (mode.equals("socket")) {
            for (String hex : new String(log, StandardCharsets.ISO_8859_1).split("\n")) {
                if (!hex.isEmpty()) {
                    entries.add(maskTimestamp(new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1)));
                }
            }
        } else {
            entries.add(new String(log, StandardCharsets.ISO_8859_1));
        }
        return new Capture(Files.readString(outdir.resolve("stdout"), StandardCharsets.ISO_8859_1),
                Files.readString(outdir.resolve("stderr"), StandardCharsets.ISO_8859_1),
                Files.readString(outdir.resolve("status")), List.copyOf(entries));
    }

    /** {@code <26>Nov 26 21:54:13 modprobe: ...} becomes {@code <26>TIME modprobe: ...}. */
    static String maskTimestamp(String datagram) {
        return datagram.replaceFirst("^(<\\d+>)[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d ", "$1TIME ");
    }

    private static List<String> jmodprobe() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Xlog:disable", "-Xlog:all=error:stderr", "-Djava.util.logging.config.file=/dev/null",
                "-Djkmod.argv0=modprobe", "-cp", System.getProperty("java.class.path"), Jmodprobe.class.getName());
    }

    /** Runs both in {@code mode}; asserts they agree; returns the real modprobe's capture. */
    private Capture both(String mode, List<String> args) throws IOException, InterruptedException {
        Capture real = run(mode, "real-" + mode, List.of(realModprobe.toString()), args);
        Capture ours = run(mode, "jmodprobe-" + mode, jmodprobe(), args);
        assertEquals(real, ours);
        return real;
    }

    private List<String> tree(String... args) {
        List<String> all = new ArrayList<>(List.of("-d", root.toString(), "-S", release));
        all.addAll(List.of(args));
        return all;
    }

    private String modulesDir() {
        return root.resolve("lib/modules").resolve(release).toString();
    }

    private Path badConfig() throws IOException {
        return Files.writeString(tmp.resolve("bad.conf"), "bogus line\ninstall jkmod_dummy /bin/false\n");
    }

    /** How the oracle's kmod prints the install command's error after {@code modprobe: ERROR: }. */
    private static String commandError() {
        return (Oracle.current() == Oracle.KMOD30 ? "../libkmod/libkmod-module.c:1047 command_do() " : "")
                + "Error running install command '/bin/false' for module jkmod_dummy: retcode 1";
    }

    /** How the oracle's kmod prefixes a bad configuration line. */
    private static String configErrorPrefix() {
        return Oracle.current() == Oracle.KMOD30 ? "libkmod: ERROR ../libkmod/libkmod-config.c:712 kmod_config_parse: "
                : "libkmod: ERROR: kmod_config_parse: ";
    }

    @Test
    void aFatalGoesToDevLogAsDaemonCritWithNewlineAndNothingOnStderr() throws Exception {
        List<String> args = new ArrayList<>(List.of("-s", "-C", "/dev/null"));
        args.addAll(tree("jkmod_no_such_module"));
        Capture c = both("socket", args);
        assertEquals(new Capture("", "", "1\n", List.of("<26>TIME modprobe: FATAL: Module jkmod_no_such_module"
                + " not found in directory " + modulesDir() + "\n")), c);
    }

    @Test
    void aUsageErrorGoesToDevLogAsDaemonErr() throws Exception {
        assertEquals(new Capture("", "", "1\n", List.of("<27>TIME modprobe: ERROR: missing parameters. See -h.\n")),
                both("socket", List.of("-s")));
    }

    @Test
    void aFailingInstallCommandLogsTwoErrorsWhileConfigProblemsStayOnStderr() throws Exception {
        List<String> args = new ArrayList<>(List.of("-s", "-v", "-C", badConfig().toString()));
        args.addAll(tree("jkmod_dummy"));
        Capture c = both("socket", args);
        assertEquals(List.of("<27>TIME modprobe: ERROR: " + commandError() + "\n",
                "<27>TIME modprobe: ERROR: could not insert 'jkmod_dummy': Invalid argument\n"), c.log());
        assertEquals("install /bin/false \n", c.stdout());
        assertEquals(configErrorPrefix() + tmp.resolve("bad.conf")
                + " line 1: ignoring bad line starting with 'bogus'\n", c.stderr());
    }

    @Test
    void percentSignsInAMessageAreNotAFormat() throws Exception {
        List<String> args = new ArrayList<>(List.of("-s", "-C", "/dev/null"));
        args.addAll(tree("x%s%n%%y"));
        assertEquals(List.of("<26>TIME modprobe: FATAL: Module x%s%n%%y not found in directory " + modulesDir() + "\n"),
                both("socket", args).log());
    }

    @Test
    void quietSendsNothing() throws Exception {
        List<String> args = new ArrayList<>(List.of("-s", "-q", "-C", "/dev/null"));
        args.addAll(tree("jkmod_no_such_module"));
        assertEquals(new Capture("", "", "1\n", List.of()), both("socket", args));
    }

    @Test
    void withoutDevLogMessagesGoToTheConsoleEndedByCrLf() throws Exception {
        List<String> args = new ArrayList<>(List.of("-s", "-C", badConfig().toString()));
        args.addAll(tree("jkmod_dummy"));
        Capture c = both("console", args);
        assertEquals(List.of("modprobe: ERROR: " + commandError() + "\n\r\n"
                + "modprobe: ERROR: could not insert 'jkmod_dummy': Invalid argument\n\r\n"), c.log());
    }
}
