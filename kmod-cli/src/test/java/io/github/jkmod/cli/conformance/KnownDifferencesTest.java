package io.github.jkmod.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.testsupport.Prerequisites;
import io.github.jkmod.core.config.ConfigLoader;
import io.github.jkmod.core.testsupport.RealModprobe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each difference from kmod 30 that remains, asserted exactly as it is: if either program
 * changes, the test fails and the list (and the README) must be looked at again.
 */
class KnownDifferencesTest {
    @TempDir
    static Path tmp;

    private static RealTree tree;
    private static Comparison c;
    private static Path odd;

    @BeforeAll
    static void setUp() throws IOException {
        tree = RealTree.require();
        c = new Comparison(tree);
        odd = OddFiles.write(tmp, tree);
    }

    private static String symbolsOf(String file) {
        return c.real(CommandLine.of("--show-exports", file)).stdout();
    }

    /** Debian's kmod 30 has no zlib: a gzip module is "not ELF" to it; jkmod reads it. */
    @Test
    void gzipModules() {
        String gz = odd.resolve("crc16.ko.gz").toString();
        CommandLine line = CommandLine.of("--show-exports", gz);
        assertEquals(new Outcome("", "modprobe: FATAL: could not get symbols of " + gz
                + ": Exec format error\n", 1), c.real(line));
        String expected = symbolsOf(odd.resolve("crc16.ko").toString());
        assertTrue(expected.contains("\tcrc16\n"), expected);
        assertEquals(new Outcome(expected, "", 0), c.ours(line));
        assertTrue(c.real(CommandLine.of("-V")).stdout().contains("-ZLIB"));
    }

    /** A section name table index past the section count: kmod 30 fails an assertion and aborts. */
    @Test
    void sectionNameIndexOutOfRange() {
        String f = odd.resolve("shstrndx").toString();
        CommandLine line = CommandLine.of("--show-exports", f);
        Outcome real = c.real(line);
        assertEquals(134, real.status()); // 128 + SIGABRT
        assertTrue(real.stderr().contains("Assertion `idx < elf->header.section.count' failed."), real.stderr());
        assertEquals(new Outcome("", "modprobe: FATAL: could not get symbols of " + f
                + ": Invalid argument\n", 1), c.ours(line));
    }

    /** Corrupt or truncated zstd data: kmod 30 goes on with what it decompressed (nothing). */
    @Test
    void corruptZstd() {
        for (String name : List.of("bad.zst", "magic.zst", "truncated.zst")) {
            Path f = odd.resolve(name);
            if (!Files.exists(f)) {
                continue; // truncated.zst needs the zstd tool
            }
            for (String action : List.of("symbols", "modversions")) {
                CommandLine line = CommandLine.of("--show-" + (action.equals("symbols") ? "exports" : action), f.toString());
                String prefix = "modprobe: FATAL: could not get " + action + " of " + f + ": ";
                assertEquals(new Outcome("", prefix + "Exec format error\n", 1), c.real(line));
                assertEquals(new Outcome("", prefix + "Invalid argument\n", 1), c.ours(line));
            }
        }
    }

    /**
     * A configuration file over jkmod's limit (4 MiB): kmod 30 reads it (up to about 1 GiB);
     * jmodprobe skips it with a warning.
     */
    @Test
    void configurationFileOverTheLimit() throws IOException {
        Path small = tmp.resolve("small.conf");
        Files.writeString(small, "alias jk-big crc16\n");
        Path big = tmp.resolve("big.conf");
        Files.writeString(big, "alias jk-big crc16\n" + ("#" + "x".repeat(1022) + "\n").repeat(4 * 1024 + 1));
        assertTrue(Files.size(big) > ConfigLoader.MAX_FILE_SIZE);
        Outcome real = c.real(CommandLine.of(tree.args(big, "--show-depends", "jk-big")));
        assertEquals(c.real(CommandLine.of(tree.args(small, "--show-depends", "jk-big"))), real);
        assertTrue(real.stdout().matches("(?s).*crc16\\.ko(\\.[a-z]+)? \n"), real.stdout());
        Outcome notFound = c.real(CommandLine.of(tree.args(Path.of("/dev/null"), "--show-depends", "jk-big")));
        assertEquals(1, notFound.status());
        assertEquals(new Outcome("", "libkmod: ERROR jkmod ConfigLoader: " + big
                + ": ignoring file larger than jkmod's limit of 4194304 bytes\n" + notFound.stderr(), 1),
                c.ours(CommandLine.of(tree.args(big, "--show-depends", "jk-big"))));
    }

    /** A FIFO with no writer as the configuration: kmod 30 waits for a writer forever; jmodprobe reads it as empty. */
    @Test
    void configurationFifoWithoutWriter() throws Exception {
        Path fifo = tmp.resolve("fifo.conf");
        Prerequisites.require(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        List<String> real = new ArrayList<>(List.of(tree.modprobe()));
        real.addAll(tree.args(fifo, "--show-depends", "crc16"));
        IllegalStateException hang = assertThrows(IllegalStateException.class, () -> RealModprobe.capture(real,
                RealModprobe.environmentWithoutModprobeOptions(), StandardCharsets.ISO_8859_1, Duration.ofSeconds(3)));
        assertTrue(hang.getMessage().startsWith("not finished after PT3S"), hang.getMessage());
        assertEquals(c.real(CommandLine.of(tree.args(Path.of("/dev/null"), "--show-depends", "crc16"))),
                c.ours(CommandLine.of(tree.args(fifo, "--show-depends", "crc16"))));
    }

    /** A module file that is a FIFO without a writer: kmod 30 waits for a writer forever; jmodprobe reads it as empty. */
    @Test
    void moduleFifoWithoutWriter() throws Exception {
        Path fifo = tmp.resolve("fifo.ko");
        Prerequisites.require(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        List<String> real = List.of(tree.modprobe(), "--show-exports", fifo.toString());
        IllegalStateException hang = assertThrows(IllegalStateException.class, () -> RealModprobe.capture(real,
                RealModprobe.environmentWithoutModprobeOptions(), StandardCharsets.ISO_8859_1, Duration.ofSeconds(3)));
        assertTrue(hang.getMessage().startsWith("not finished after PT3S"), hang.getMessage());
        assertEquals(new Outcome("", "modprobe: FATAL: could not get symbols of " + fifo + ": Invalid argument\n", 1),
                c.ours(CommandLine.of("--show-exports", fifo.toString())));
    }

    /** -V: jkmod names itself (and lists gzip, and no signature crypto). */
    @Test
    void version() {
        Outcome real = c.real(CommandLine.of("-V"));
        Outcome ours = c.ours(CommandLine.of("-V"));
        assertEquals(0, real.status());
        assertTrue(real.stdout().startsWith("kmod version "), real.stdout());
        assertEquals(0, ours.status());
        assertTrue(ours.stdout().startsWith("jkmod version "), ours.stdout());
        assertTrue(ours.stdout().endsWith("\n+ZSTD +XZ +ZLIB -LIBCRYPTO -EXPERIMENTAL\n"), ours.stdout());
    }

    /** -vvv: libkmod's DEBUG messages (its internals) are not printed; all the rest is the same. */
    @Test
    void debugMessages() {
        for (List<String> extra : List.of(List.of("-n", "ext4"), List.of("-D", "crc16"),
                List.of("-R", "pci:v00008086d000010D3sv0sd0bc02sc00i00"), List.of("-r", "-n", "crc16"))) {
            List<String> args = tree.args(Path.of("/dev/null"), "-vvv");
            args.addAll(extra);
            CommandLine line = CommandLine.of(args);
            Outcome real = c.real(line);
            Outcome ours = c.ours(line);
            assertTrue(real.stderr().contains("modprobe: DEBUG: ../libkmod/"), real.stderr());
            assertNotEquals(real, ours);
            assertEquals(new Outcome(real.stdout(), withoutDebug(real.stderr()), real.status()), ours);
        }
    }

    private static String withoutDebug(String stderr) {
        List<String> kept = new ArrayList<>();
        for (String l : stderr.split("\n", -1)) {
            if (!l.startsWith("modprobe: DEBUG: ")) {
                kept.add(l);
            }
        }
        return String.join("\n", kept);
    }

    /** KMOD_LOG, libkmod's own log switch, is not read by jkmod. */
    @Test
    void kmodLogEnvironment() {
        CommandLine line = CommandLine.of(tree.args(Path.of("/dev/null"), "-n", "crc16"));
        Outcome real = c.real(line.withEnv("KMOD_LOG", "info"));
        assertTrue(real.stderr().startsWith("libkmod: INFO ../libkmod/libkmod.c:"), real.stderr());
        assertEquals(c.real(line), c.ours(line.withEnv("KMOD_LOG", "info")));
    }

    /**
     * A file name whose bytes are not valid in the JVM's file-name charset (any byte above 0x7F
     * in the C locale, invalid UTF-8 in a UTF-8 locale) cannot be opened by jmodprobe.
     */
    @Test
    void fileNamesTheJvmCannotEncode() throws IOException {
        Assumptions.assumeFalse("ISO-8859-1".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "this JVM names files in ISO-8859-1: every byte can be named");
        Path target = tmp.resolve("latin1");
        Files.createDirectories(target);
        // one byte 0xE9: the real modprobe opens it, this JVM cannot even name it
        String name = target + "/\u00e9.ko";
        Outcome real = c.real(CommandLine.of("-C", "/dev/null", "--show-exports", name));
        assertEquals(new Outcome("", "modprobe: FATAL: Module " + name + " not found.\n", 1), real);
        assertEquals(real, c.ours(CommandLine.of("-C", "/dev/null", "--show-exports", name)));
        Programs.process("/bin/sh", CommandLine.of("-c", "cp " + odd.resolve("crc16.ko") + " \"$(printf '"
                + target + "/\\351.ko')\""));
        Outcome realNow = c.real(CommandLine.of("--show-exports", name));
        assertEquals(symbolsOf(odd.resolve("crc16.ko").toString()), realNow.stdout());
        assertEquals(new Outcome("", "modprobe: FATAL: Module " + name + " not found.\n", 1),
                c.ours(CommandLine.of("--show-exports", name)));
    }
}
