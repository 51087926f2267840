package io.github.jkmod.cli.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen threads of this JVM run {@code jmodprobe X} and {@code jmodprobe -r X} on random example
 * modules at once, against one fake kernel. In front of it, a kernel model keeps what the fake does
 * not: a module holds its dependencies while loaded (their {@code refcnt}; {@code delete_module}
 * answers {@code EAGAIN}), and a module whose dependency is not live fails with {@code ENOENT} (an
 * unknown symbol), as Linux does. Invariants: no module is inserted while it is loaded; every exit 0
 * of an insert means the module was live at return (or was removed by another thread meanwhile);
 * no module is removed while another holds it; at the end every live module's dependencies are live.
 */
class ConcurrencyHardeningTest {
    private static final int THREADS = 16;
    private static final int OPERATIONS = 150;
    private static final List<String> MODULES = List.of("demo_crc", "demo_core", "demo_net", "demofs", "demo_misc");
    private static final Map<String, List<String>> DEPS = Map.of("demo_crc", List.of(),
            "demo_core", List.of("demo_crc"), "demo_net", List.of("demo_core", "demo_crc"),
            "demofs", List.of("demo_core", "demo_crc"), "demo_misc", List.of());

    @TempDir
    Path root;

    /** The kernel model in front of the fake kernel. */
    private static final class Model implements KernelCalls {
        final FakeKernel kernel;
        final Object lock = new Object();
        final Map<String, Integer> users = new HashMap<>();
        final Map<String, Integer> loaded = new HashMap<>();
        final Map<String, List<Long>> removedAt = new HashMap<>();
        final AtomicLong clock = new AtomicLong();
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inserts = new AtomicInteger();
        final AtomicInteger eexist = new AtomicInteger();
        final AtomicInteger unknownSymbol = new AtomicInteger();

        Model(FakeKernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public void finitModule(String module, Path file, String params, int flags) throws KmodException {
            synchronized (lock) {
                for (String d : DEPS.get(module)) {
                    if (kernel.phase(d) != Phase.LIVE) {
                        unknownSymbol.incrementAndGet();
                        throw new KernelCallException("finit_module", module, Errno.ENOENT);
                    }
                }
                DEPS.get(module).forEach(d -> hold(d, 1));
            }
            try {
                kernel.finitModule(module, file, params, flags);
            } catch (KernelCallException e) {
                synchronized (lock) {
                    DEPS.get(module).forEach(d -> hold(d, -1));
                }
                if (e.errno() == Errno.EEXIST) {
                    eexist.incrementAndGet();
                }
                throw e;
            }
            inserts.incrementAndGet();
            synchronized (lock) {
                if (loaded.merge(module, 1, Integer::sum) > 1) {
                    violations.add(module + " inserted while loaded");
                }
            }
        }

        @Override
        public void initModule(String module, byte[] image, String params) {
            violations.add("init_module " + module);
        }

        @Override
        public void deleteModule(String module, int flags) throws KmodException {
            synchronized (lock) {
                kernel.deleteModule(module, flags);
                if (users.getOrDefault(module, 0) > 0) {
                    violations.add(module + " removed while held by " + users.get(module));
                }
                loaded.merge(module, -1, Integer::sum);
                removedAt.computeIfAbsent(module, m -> new ArrayList<>()).add(clock.incrementAndGet());
                DEPS.get(module).forEach(d -> hold(d, -1));
            }
        }

        private void hold(String module, int delta) {
            int n = users.merge(module, delta, Integer::sum);
            kernel.inUse(module, n > 0);
            kernel.tree().module(module).refcount(Math.max(n, 0));
        }

        boolean removedBetween(String module, long from, long to) {
            synchronized (lock) {
                return removedAt.getOrDefault(module, List.of()).stream().anyMatch(t -> t > from && t <= to);
            }
        }
    }

    @Test
    void manyThreadsLoadAndRemoveOverlappingModules() throws Exception {
        Model[] model = new Model[1];
        ExampleSystem system = new ExampleSystem(root, "", kernel -> model[0] = new Model(kernel));
        Model m = model[0];
        AtomicInteger insertOk = new AtomicInteger();
        AtomicInteger insertFailed = new AtomicInteger();
        AtomicInteger removeOk = new AtomicInteger();
        AtomicInteger removeFailed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 1000 + t;
                workers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < OPERATIONS; i++) {
                        String module = MODULES.get(random.nextInt(MODULES.size()));
                        boolean remove = random.nextInt(3) == 0;
                        long from = m.clock.incrementAndGet();
                        ExampleSystem.Outcome o = remove ? system.run("-r", module) : system.run(module);
                        // the phase and the time together, under the lock that removals tick under
                        Phase phase;
                        long to;
                        synchronized (m.lock) {
                            phase = system.kernel.phase(module);
                            to = m.clock.incrementAndGet();
                        }
                        assertTrue(!o.err().contains("internal error") && (o.status() == 0 || o.status() == 1),
                                o.toString());
                        if (remove) {
                            (o.status() == 0 ? removeOk : removeFailed).incrementAndGet();
                        } else if (o.status() == 0) {
                            insertOk.incrementAndGet();
                            if (phase != Phase.LIVE && !m.removedBetween(module, from, to)) {
                                m.violations.add(module + ": exit 0 but not live");
                            }
                        } else {
                            insertFailed.incrementAndGet();
                        }
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
        for (String module : MODULES) {
            if (system.kernel.phase(module) == Phase.LIVE) {
                for (String d : DEPS.get(module)) {
                    assertEquals(Phase.LIVE, system.kernel.phase(d), module + " needs " + d);
                }
            }
        }
        assertEquals(List.of(), m.violations);
        int runs = insertOk.get() + insertFailed.get() + removeOk.get() + removeFailed.get();
        assertEquals(THREADS * OPERATIONS, runs);
        assertTrue(m.inserts.get() > 0 && removeOk.get() > 0);
        System.out.println("[hardening concurrency] " + THREADS + " threads, " + runs + " runs: inserts "
                + insertOk + " ok / " + insertFailed + " failed (" + m.unknownSymbol + " lost a dependency to a"
                + " concurrent remover), removals " + removeOk + " ok / " + removeFailed + " failed; "
                + m.inserts + " kernel insertions, " + m.eexist + " EEXIST, 0 violations");
    }
}
