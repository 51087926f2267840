package io.github.jkmod.cli.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen threads of this JVM run {@code jmodprobe X} and {@code jmodprobe -r X} on random example
 * modules at once, against one fake kernel with the {@link KernelModel} in front. Invariants (checked
 * by the model): no module is inserted while it is loaded; every exit 0 of an insert means the module
 * was live at return (or was removed by another thread meanwhile), every exit 0 of a removal that it
 * was gone (or being inserted again); no module is removed while another holds it; at the end every
 * live module's dependencies are live. {@link MultiProcessHardeningTest} does the same with processes.
 */
class ConcurrencyHardeningTest {
    private static final int THREADS = 16;
    private static final int OPERATIONS = 150;

    /** One run and what it left. */
    private record Run(String module, boolean remove, int status, Phase phase, long from, long to) {
    }

    @TempDir
    Path root;

    @Test
    void manyThreadsLoadAndRemoveOverlappingModules() throws Exception {
        KernelModel[] model = new KernelModel[1];
        ExampleSystem system = new ExampleSystem(root, "", kernel -> model[0] = new KernelModel(kernel));
        KernelModel m = model[0];
        List<Run> runs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 1000 + t;
                workers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < OPERATIONS; i++) {
                        String module = KernelModel.MODULES.get(random.nextInt(KernelModel.MODULES.size()));
                        boolean remove = random.nextInt(3) == 0;
                        long from = System.nanoTime();
                        ExampleSystem.Outcome o = remove ? system.run("-r", module) : system.run(module);
                        Phase phase = system.kernel.phase(module);
                        runs.add(new Run(module, remove, o.status(), phase, from, System.nanoTime()));
                        assertTrue(!o.err().contains("internal error") && (o.status() == 0 || o.status() == 1),
                                o.toString());
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        runs.forEach(r -> m.checkOutcome(r.module(), r.remove(), r.status(), r.phase(), r.from(), r.to()));
        m.checkFinalState();
        assertEquals(List.of(), m.violations);
        assertEquals(THREADS * OPERATIONS, runs.size());
        AtomicInteger[] counts = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        runs.forEach(r -> counts[(r.remove() ? 2 : 0) + (r.status() == 0 ? 0 : 1)].incrementAndGet());
        assertTrue(m.inserts.get() > 0 && counts[2].get() > 0);
        System.out.println("[hardening concurrency] " + THREADS + " threads, " + runs.size() + " runs: inserts "
                + counts[0] + " ok / " + counts[1] + " failed (" + m.unknownSymbol + " lost a dependency to a"
                + " concurrent remover), removals " + counts[2] + " ok / " + counts[3] + " failed; "
                + m.inserts + " kernel insertions, " + m.eexist + " EEXIST, 0 violations");
    }
}
