package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The entry point in-process: streams, exit status, naming, runner and syslog hand-off. */
class JmodprobeTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String argv0, Map<String, String> env, ModprobeRunner runner, SyslogSink sink,
            String... args) {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return Jmodprobe.run(argv0, args, o, e, env, runner, sink);
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = JmodprobeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void helpIsModprobesNamingTheProgram() throws IOException {
        String modprobeHelp = fixture("modprobe-help.txt");
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertEquals(0, Jmodprobe.run(new String[] {"--help"}, o, e, Map.of("JKMOD_PROFILE", "kmod30")));
        }
        assertEquals(modprobeHelp.replace("\tmodprobe [", "\tjmodprobe ["), out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(2450, modprobeHelp.length(), "fixture is kmod 30's help");
    }

    /** The fixtures are what the real kmod 30 and kmod 34.2 print for {@code modprobe -h}. */
    @ParameterizedTest
    @CsvSource({"kmod30,modprobe-help.txt", "kmod34,modprobe-help-kmod34.txt"})
    void helpAsModprobeIsByteIdentical(String profile, String fixture) throws IOException {
        assertEquals(0, run("/sbin/modprobe", Map.of("JKMOD_PROFILE", profile), ModprobeRunner.NOT_IMPLEMENTED,
                SyslogSink.DISCARD, "-h"));
        assertEquals(fixture(fixture), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionNamesJkmod() {
        assertEquals(0, run("jmodprobe", Map.of(), ModprobeRunner.NOT_IMPLEMENTED,
                SyslogSink.DISCARD, "-V"));
        assertEquals("jkmod version " + VersionText.version() + " (kmod 34.2)\n"
                + "+ZSTD +XZ +ZLIB -OPENSSL\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(VersionText.version().matches("\\d+\\.\\d+\\.\\d+.*"), VersionText.version());
    }

    @Test
    void usageErrorGoesToStderrWithStatus1() {
        assertEquals(1, run("/usr/local/sbin/jmodprobe", Map.of(), ModprobeRunner.NOT_IMPLEMENTED,
                SyslogSink.DISCARD, "-k"));
        assertEquals("/usr/local/sbin/jmodprobe: invalid option -- 'k'\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void actionsAreNotImplementedYet() {
        assertEquals(1, run("/usr/local/sbin/jmodprobe", Map.of(), ModprobeRunner.NOT_IMPLEMENTED,
                SyslogSink.DISCARD, "ext4"));
        assertEquals("jmodprobe: ERROR: not implemented yet: insert\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quietSilencesErrors() {
        assertEquals(1, run("jmodprobe", Map.of(), ModprobeRunner.NOT_IMPLEMENTED,
                SyslogSink.DISCARD, "-q", "--", "ext4"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void syslogGetsMessagesInsteadOfStderr() {
        List<String> sent = new ArrayList<>();
        SyslogSink sink = (priority, message) -> sent.add(priority + " " + message);
        assertEquals(1, run("jmodprobe", Map.of(), ModprobeRunner.NOT_IMPLEMENTED, sink, "-s"));
        assertEquals(1, run("jmodprobe", Map.of(), ModprobeRunner.NOT_IMPLEMENTED, sink, "-s", "-r", "x"));
        assertEquals(List.of("3 ERROR: missing parameters. See -h.", "3 ERROR: not implemented yet: remove"), sent);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runnerReceivesOptionsAndDecidesStatus() {
        List<ModprobeOptions> seen = new ArrayList<>();
        ModprobeRunner runner = (options, o, log) -> {
            seen.add(options);
            o.print("insmod /x.ko \n");
            log.warning("careful");
            log.info("hidden");
            return 0;
        };
        assertEquals(0, run("/sbin/modprobe", Map.of("MODPROBE_OPTIONS", "-b"), runner,
                SyslogSink.DISCARD, "-D", "ext4", "a=1"));
        assertEquals(List.of("ext4", "a=1"), seen.get(0).operands());
        assertTrue(seen.get(0).useBlacklist() && seen.get(0).showDepends());
        assertEquals("insmod /x.ko \n", out.toString(StandardCharsets.UTF_8));
        assertEquals("modprobe: WARNING: careful\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailingRunnerIsOneFatalLine() {
        ModprobeRunner broken = new ModprobeRunner() {
            @Override
            public int run(ModprobeOptions options, PrintStream o, Log log) {
                throw new IllegalStateException("boom");
            }
        };
        assertEquals(1, run("/sbin/modprobe", Map.of(), broken, SyslogSink.DISCARD, "x"));
        assertEquals("modprobe: FATAL: internal error: java.lang.IllegalStateException: boom\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
