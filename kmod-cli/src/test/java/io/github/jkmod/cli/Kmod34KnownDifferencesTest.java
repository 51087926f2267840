package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.core.testsupport.RealModprobe.Outcome;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differences from kmod 34.2 that remain under the default profile (the README lists them),
 * shown against the real kmod 34.2 whatever {@code jkmod.oracle} says: each asserts the real tool's
 * answer and jmodprobe's, so that either changing shows here.
 */
class Kmod34KnownDifferencesTest {
    @TempDir
    static Path tmp;

    private static Outcome real(List<String> args) {
        return RealModprobe.run(Oracle.KMOD34.modprobe().toString(), args, Map.of());
    }

    private static Outcome ours(List<String> args) {
        return InProcess.run("modprobe", args, Map.of(Oracle.PROFILE_VARIABLE, Oracle.KMOD34.profile()));
    }

    /** A module of the Debian 12 tree (plain .ko), compressed here. */
    private static Path crc16() {
        return FetchedTree.require().moduleFile("kernel/lib/crc16.ko");
    }

    @Test
    void gzipModules() throws Exception {
        Path gz = tmp.resolve("crc16.ko.gz");
        compress(List.of("gzip", "-n", "-c"), crc16(), gz);
        List<String> args = List.of("--show-exports", gz.toString());
        assertEquals(new Outcome("", "modprobe: FATAL: could not get symbols of " + gz
                + ": Function not implemented\n", 1), real(args));
        Outcome ours = ours(args);
        assertEquals(0, ours.status(), ours.toString());
        assertEquals(real(List.of("--show-exports", crc16().toString())).stdout(), ours.stdout());
    }

    @Test
    void corruptZstdNamesNoZstdError() throws Exception {
        Path zst = tmp.resolve("crc16.ko.zst");
        compress(List.of("zstd", "-q", "-c"), crc16(), zst);
        byte[] whole = Files.readAllBytes(zst);
        Files.write(zst, java.util.Arrays.copyOf(whole, 100));
        List<String> args = List.of("--show-exports", zst.toString());
        String fatal = "modprobe: FATAL: could not get symbols of " + zst + ": Invalid argument\n";
        Outcome real = real(args);
        assertEquals(1, real.status());
        assertEquals(true, real.stderr().startsWith("modprobe: ERROR: zstd: ") && real.stderr().endsWith("\n" + fatal),
                real.stderr());
        assertEquals(new Outcome("", fatal, 1), ours(args));
    }

    @Test
    void xzErrorsAreNamedAsKmod34NamesThem() throws Exception {
        Path xz = tmp.resolve("crc16.ko.xz");
        compress(List.of("xz", "-c"), crc16(), xz);
        byte[] whole = Files.readAllBytes(xz);
        Path truncated = Files.write(tmp.resolve("truncated.ko.xz"), java.util.Arrays.copyOf(whole, 200));
        byte[] damaged = whole.clone();
        for (int i = 100; i < 140; i++) {
            damaged[i] = 'X';
        }
        Path corrupt = Files.write(tmp.resolve("corrupt.ko.xz"), damaged);
        for (Path f : List.of(truncated, corrupt)) {
            List<String> args = List.of("--show-exports", f.toString());
            Outcome real = real(args);
            assertEquals(true, real.stderr().startsWith("modprobe: ERROR: xz: "), real.stderr());
            assertEquals(real, ours(args));
        }
    }

    private static void compress(List<String> command, Path from, Path to) throws IOException, InterruptedException {
        Path tool = io.github.jkmod.testsupport.Prerequisites.tool(command.get(0));
        List<String> full = new java.util.ArrayList<>(command);
        full.set(0, tool.toString());
        full.add(from.toString());
        Process p = new ProcessBuilder(full).redirectOutput(to.toFile()).start();
        assertEquals(0, p.waitFor(), String.join(" ", full));
    }
}
