package io.github.jkmod.cli.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static io.github.jkmod.testsupport.Prerequisites.require;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Boots a real Debian kernel under QEMU once (software emulation; {@code src/it/vm/run-all.sh}) and
 * checks, with the command under test as the kernel's modprobe helper: the functional scenario
 * matches the real modprobe byte for byte, every round of the seed's scenario (20 rounds of 3 and
 * of 16 threads) is clean, jkmod's Java API ({@code Modprobe}) loads and removes as the real
 * modprobe does, and no loader of the wide-window experiment returns early.
 * <p>Runs only with {@code -Djkmod.vm=true}; skipped when QEMU, busybox, gcc or the real tree
 * ({@code jkmod.realtree}) are missing. The command under test is {@code -Djkmod.vm.cmd=...},
 * by default {@code target/jmodprobe}; {@code -Djkmod.vm.cmd=/usr/sbin/modprobe} proves the harness.
 * The console goes to {@code target/jkmod-vm/console.txt}, the guest's files to {@code target/jkmod-vm/out}.
 */
@EnabledIfSystemProperty(named = "jkmod.vm", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QemuVmTest {

    private static final System.Logger LOG = System.getLogger(QemuVmTest.class.getName());

    private final List<String> console = new ArrayList<>();
    private int exitCode;

    @BeforeAll
    void bootOnce() throws IOException, InterruptedException {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path script = base.resolve("src/it/vm/run-all.sh");
        Path tree = Path.of(System.getProperty("jkmod.realtree", "/var/tmp/jkmod-realtree"));
        require(Files.isExecutable(script), "no harness at " + script);
        require(Files.isRegularFile(tree.resolve("release")), "no real tree at " + tree);
        require(onPath("qemu-system-x86_64") && onPath("gcc") && onPath("cpio"),
                "qemu-system-x86_64, gcc and cpio are needed");
        require(Files.isExecutable(Path.of("/bin/busybox")), "busybox-static is needed");
        String cut = System.getProperty("jkmod.vm.cmd", "");
        if (cut.isBlank()) {
            Path jmodprobe = base.resolve("target/jmodprobe");
            require(Files.isExecutable(jmodprobe), "no " + jmodprobe + " (mvn package) and no -Djkmod.vm.cmd");
            cut = jmodprobe.toString();
        }
        Path outDir = base.resolve("target/jkmod-vm");
        Files.createDirectories(outDir);
        ProcessBuilder pb = new ProcessBuilder(script.toString(), cut, "--tree", tree.toString(),
                "--out", outDir.resolve("out").toString(),
                "--timeout", System.getProperty("jkmod.vm.timeout", "1800"));
        pb.redirectErrorStream(true);
        LOG.log(Level.INFO, "booting the VM: {0}", pb.command());
        Process p = pb.start();
        p.getOutputStream().close();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                console.add(line);
                LOG.log(Level.INFO, line);
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        exitCode = p.exitValue();
        Files.write(outDir.resolve("console.txt"), console, StandardCharsets.UTF_8);
        require(exitCode != 3, "a prerequisite of the harness is missing: " + String.join("\n", console));
    }

    @Test
    void functionalScenarioMatchesTheRealModprobe() {
        VmSummary s = only("functional");
        assertEquals(0, s.number("ref_unexpected"), "the real modprobe did not do what the checks expect");
        assertEquals(0, s.number("different"), differences());
        assertEquals(s.number("items"), s.number("same"));
        assertTrue(s.passed());
    }

    @Test
    void seedScenarioIsCleanWithThreeThreads() {
        assertSeedClean(3);
    }

    @Test
    void seedScenarioIsCleanWithSixteenThreads() {
        assertSeedClean(16);
    }

    @Test
    void libraryLoadsAndRemovesAsTheRealModprobeDoes() {
        List<VmSummary> all = VmSummary.of(console, "library");
        if (all.isEmpty()) {
            abort("library scenario not run (the command under test is not jmodprobe)");
        }
        VmSummary s = all.get(0);
        assertEquals(0, s.number("failed_checks"), String.join("\n",
                console.stream().filter(l -> l.startsWith("JKVM-LIB")).toList()));
        assertTrue(s.passed());
    }

    @Test
    void wideWindowLoadersNeverReturnEarly() {
        List<VmSummary> all = VmSummary.of(console, "widewindow");
        if (all.isEmpty()) {
            abort("wide-window experiment not run (no linux-headers package for the kernel)");
        }
        VmSummary s = all.get(0);
        assertTrue(s.number("window_seen_rounds") > 0, "the window (directory without initstate) was never seen");
        assertEquals(0, s.number("loaders_early"), "loaders returned before the module was live");
        assertEquals(0, s.number("loaders_failed"));
        assertTrue(s.passed());
    }

    @Test
    void theVmRanEveryScenario() {
        assertFalse(console.stream().anyMatch(l -> l.contains("JKVM-ERROR")), String.join("\n", console));
        assertTrue(exitCode == 0 || exitCode == 1, "run-all.sh ended with " + exitCode);
    }

    private void assertSeedClean(int threads) {
        VmSummary s = VmSummary.of(console, "seed").stream()
                .filter(x -> x.number("threads") == threads)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no seed summary for " + threads + " threads"));
        assertEquals(20, s.number("rounds"));
        assertEquals(0, s.number("failed_rounds"), "rounds where a socket() failed");
        assertEquals(20, s.number("clean_rounds"));
        assertTrue(s.passed());
    }

    private VmSummary only(String scenario) {
        List<VmSummary> all = VmSummary.of(console, scenario);
        assertEquals(1, all.size(), "summaries of " + scenario + ": " + all);
        return all.get(0);
    }

    private String differences() {
        return String.join("\n", console.stream().filter(l -> l.contains("DIFFERENT") || l.contains("JKVM-DIFF")).toList());
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir).resolve(program))) {
                return true;
            }
        }
        return false;
    }
}
