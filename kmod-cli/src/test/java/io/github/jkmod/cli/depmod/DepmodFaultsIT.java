package io.github.jkmod.cli.depmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.depmod.OracleDepmod;
import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code jkmod depmod} when the output cannot be written, beside the oracle's depmod:
 * a full disk (a small tmpfs) and a read-only directory, each in a mount namespace of its own. The
 * exit status is depmod's; unlike depmod (which renames a truncated file into place on a full disk),
 * every old index stays as it was and no temporary file is left.
 */
class DepmodFaultsIT {
    private static final String RELEASE = "4.2-jkmod-faults";
    private static final String OLD = "OLD\n";
    private static final List<String> OLD_FILES = List.of("modules.dep", "modules.alias", "modules.symbols",
            "modules.dep.bin", "modules.alias.bin");
    private Path jkmod;
    private Path scratch;
    private Path modules;

    @BeforeEach
    void setUp() throws IOException {
        jkmod = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath()
                .resolveSibling("jkmod");
        Prerequisites.require(Files.isExecutable(jkmod), "not built: " + jkmod);
        RealModprobe.require();
        scratch = OracleDepmod.scratch();
        modules = Files.createDirectories(scratch.resolve("modules"));
        for (int m = 0; m < 150; m++) {
            ElfBuilder b = ElfBuilder.module("fault" + m, "v").export(m, "fault_sym_" + m);
            if (m > 0) {
                b.version(0, "fault_sym_" + (m - 1));
            }
            for (int a = 0; a < 20; a++) {
                b.alias("pci:v0000" + m + "d0000" + a + "sv*sd*bc*sc*i*-jkmod-fault-alias-padding");
            }
            b.write(modules.resolve("fault" + m + ".ko"));
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        OracleDepmod.delete(scratch);
    }

    private record Outcome(String stderr, int status, List<String> leftovers, boolean oldIntact) {
    }

    /** Runs {@code tool} on a tmpfs of {@code sizeKib} holding old indexes, read-only when asked. */
    private Outcome run(List<String> tool, int sizeKib, boolean readOnly) throws IOException {
        Path root = scratch.resolve("root");
        Files.createDirectories(root);
        Path dir = root.resolve("lib/modules").resolve(RELEASE);
        Path conf = Files.createDirectories(scratch.resolve("depmod.d"));
        String script = "r=$1; m=$2; shift 2; mount -t tmpfs -o size=" + sizeKib + "k jkmod-depmod \"$r\" || exit 99; "
                + "d=\"$r/lib/modules/" + RELEASE + "\"; mkdir -p \"$d\" && ln -s \"$m\" \"$d/kernel\" || exit 98; "
                + "for f in " + String.join(" ", OLD_FILES) + "; do printf 'OLD\\n' > \"$d/$f\"; done; "
                + (readOnly ? "mount -o remount,ro \"$r\" || exit 97; " : "")
                + "\"$@\" -C " + conf + " -b \"$r\" " + RELEASE + "; s=$?; "
                + "for f in " + String.join(" ", OLD_FILES) + "; do cmp -s \"$d/$f\" - <<EOF || echo CHANGED $f >&2\nOLD\nEOF\n done; "
                + "ls \"$d\" | grep -E '^modules\\..*\\.[0-9]+\\.[0-9]+\\.[0-9]+$' | sed 's/^/LEFTOVER /' >&2; exit $s";
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "sh", "-c", script, "sh", root.toString(),
                modules.toString()));
        cmd.addAll(tool);
        RealModprobe.Outcome o = RealModprobe.capture(cmd, Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME", "/", "JAVA_HOME", System.getProperty("java.home"), "JKMOD_PROFILE", Oracle.current().profile()),
                StandardCharsets.ISO_8859_1, RealModprobe.TIMEOUT);
        assertTrue(o.status() < 97, "the namespace could not be set up: " + o);
        List<String> leftovers = new ArrayList<>();
        boolean intact = true;
        StringBuilder err = new StringBuilder();
        for (String line : o.stderr().split("\n", -1)) {
            if (line.startsWith("LEFTOVER ")) {
                leftovers.add(line.substring(9));
            } else if (line.startsWith("CHANGED ")) {
                intact = false;
            } else if (!line.isEmpty()) {
                err.append(line.replaceAll("\\.[0-9]+\\.[0-9]+\\.[0-9]+,", ".PID.USEC.SEC,")).append('\n');
            }
        }
        return new Outcome(err.toString(), o.status(), leftovers, intact);
    }

    @Test
    void fullDiskLeavesEveryOldIndex() throws IOException {
        Outcome real = run(List.of(Oracle.current().depmod().toString()), 64, false);
        Outcome ours = run(List.of(jkmod.toString(), "depmod"), 64, false);
        assertEquals(1, real.status(), real.toString());
        assertEquals(real.status(), ours.status(), ours.toString());
        assertTrue(java.util.regex.Pattern.compile("(?m)^depmod: FATAL: Could not create index 'modules\\.[a-z.]+': "
                + "No space left on device \\(no index replaced\\)$").matcher(ours.stderr()).find(), ours.stderr());
        assertTrue(ours.oldIntact(), "old indexes intact");
        assertEquals(List.of(), ours.leftovers());
        // the real depmod renamed a truncated file into place
        assertTrue(!real.oldIntact() && real.stderr().contains("Output is truncated"), real.toString());
    }

    @Test
    void readOnlyDirectory() throws IOException {
        Outcome real = run(List.of(Oracle.current().depmod().toString()), 1024, true);
        Outcome ours = run(List.of(jkmod.toString(), "depmod"), 1024, true);
        assertEquals(real.stderr(), ours.stderr());
        assertEquals(real.status(), ours.status());
        assertTrue(ours.oldIntact() && ours.leftovers().isEmpty(), ours.toString());
        try (Stream<String> lines = ours.stderr().lines()) {
            assertEquals(Oracle.current().profile().equals("kmod30") ? 10 : 11, lines.filter(l -> l.contains("openat(")
                    && l.endsWith(": Read-only file system")).count(), ours.stderr());
        }
    }
}
