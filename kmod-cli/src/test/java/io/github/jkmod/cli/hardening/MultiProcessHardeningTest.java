package io.github.jkmod.cli.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.kernel.testing.FakeKernelServer;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many processes load and remove overlapping module sets at once against one fake kernel, as
 * processes share one real kernel: this JVM serves the fake kernel (with the {@link KernelModel} in
 * front) on a Unix domain socket ({@link FakeKernelServer}), and {@value #PROCESSES} other JVMs each
 * run {@value #RUNS} whole {@code jmodprobe} invocations against it ({@link FakeKernelWorker}), reading
 * the module state from the files the fake kernel writes. The fake kernel holds every load in the
 * window (directory without {@code initstate}) for {@value #WINDOW_MS} ms, so that loaders of one
 * module meet there often.
 *
 * <p>With kmod-20 logic: no module inserted twice, every exit 0 of an insertion means live, of a
 * removal gone (unless another process changed the module meanwhile), dependencies live. With kmod-18
 * logic the same scenario must break the rule (exit 0 while the module is still loading): the
 * check is shown able to fail. The machine-wide clock of {@link System#nanoTime()} orders events of
 * different processes; the test asserts the workers' clock readings fall inside its own.
 */
class MultiProcessHardeningTest {
    private static final int PROCESSES = 8;
    private static final int RUNS = 100;
    private static final long WINDOW_MS = 20;

    @TempDir
    Path dir;

    /** The end of one scenario: the model and every run. */
    private record Result(KernelModel model, List<String[]> runs, long answered) {
        long count(String kind, boolean ok) {
            return runs.stream().filter(r -> r[2].equals(kind) && (r[3].equals("0") == ok)).count();
        }
    }

    @Test
    void manyProcessesLoadAndRemoveOverlappingModulesWithKmod20Logic() throws Exception {
        Result result = scenario("kmod20");
        KernelModel m = result.model();
        assertEquals(List.of(), m.violations);
        assertEquals(PROCESSES * RUNS, result.runs().size());
        assertTrue(m.inserts.get() > 0 && m.eexist.get() > 0 && result.count("remove", true) > 0,
                "the processes met: insertions " + m.inserts + ", EEXIST " + m.eexist);
        System.out.println("[hardening processes] " + PROCESSES + " processes x " + RUNS + " runs, kmod20: inserts "
                + result.count("insert", true) + " ok / " + result.count("insert", false) + " failed, removals "
                + result.count("remove", true) + " ok / " + result.count("remove", false) + " failed; "
                + result.answered() + " kernel calls, " + m.inserts + " insertions, " + m.eexist
                + " EEXIST, 0 violations");
    }

    @Test
    void theSameScenarioWithKmod18LogicReturnsBeforeLive() throws Exception {
        Result result = scenario("kmod18");
        List<String> violations = result.model().violations;
        assertFalse(violations.isEmpty(), "kmod18 logic should have returned 0 in the window");
        for (String v : violations) {
            assertTrue(v.matches(".*: exit 0 but (WINDOW|COMING), not live"), v);
        }
        System.out.println("[hardening processes] " + PROCESSES + " processes x " + RUNS + " runs, kmod18: "
                + violations.size() + " insertions returned 0 while the module was still loading");
    }

    private Result scenario(String logic) throws Exception {
        KernelModel[] model = new KernelModel[1];
        ExampleSystem system = new ExampleSystem(dir.resolve("root"), "", kernel -> model[0] = new KernelModel(kernel));
        system.kernel.onWindow(module -> Thread.sleep(WINDOW_MS));
        List<String[]> runs = new ArrayList<>();
        long answered;
        long before = System.nanoTime();
        try (FakeKernelServer server = FakeKernelServer.serve(model[0], dir.resolve("kernel.sock"))) {
            List<Process> workers = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                workers.add(new ProcessBuilder(javaCommand(server.socket(), system.root, 7000 + p, logic))
                        .redirectOutput(dir.resolve("worker" + p + ".out").toFile())
                        .redirectError(dir.resolve("worker" + p + ".err").toFile())
                        .start());
            }
            for (int p = 0; p < PROCESSES; p++) {
                Process worker = workers.get(p);
                if (!worker.waitFor(5, TimeUnit.MINUTES)) {
                    workers.forEach(Process::destroyForcibly);
                    throw new AssertionError("worker " + p + " did not end in 5 minutes");
                }
                assertEquals(0, worker.exitValue(), () -> "worker failed: " + read("worker" + worker.pid() + ".err"));
            }
            answered = server.answered();
        }
        long after = System.nanoTime();
        for (int p = 0; p < PROCESSES; p++) {
            for (String line : Files.readAllLines(dir.resolve("worker" + p + ".out"), StandardCharsets.ISO_8859_1)) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("clock")) {
                    long t = Long.parseLong(f[1]);
                    assertTrue(before <= t && t <= after, "worker clock outside the test's: not one machine clock");
                } else {
                    runs.add(f);
                    int status = Integer.parseInt(f[3]);
                    assertTrue((status == 0 || status == 1) && !f[7].contains("internal error"), line);
                    model[0].checkOutcome(f[1], f[2].equals("remove"), status, Phase.valueOf(f[4]),
                            Long.parseLong(f[5]), Long.parseLong(f[6]));
                }
            }
        }
        model[0].checkFinalState();
        return new Result(model[0], runs, answered);
    }

    private static List<String> javaCommand(Path socket, Path root, long seed, String logic) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FakeKernelWorker.class.getName(), socket.toString(), root.toString(), Long.toString(seed),
                Integer.toString(RUNS), logic);
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
