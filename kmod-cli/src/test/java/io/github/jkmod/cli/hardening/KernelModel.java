package io.github.jkmod.cli.hardening;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the fake kernel does not model, in front of it: a module holds its dependencies while loaded
 * (their {@code refcnt}; {@code delete_module} answers {@code EAGAIN}), and a module whose dependency
 * is not live fails with {@code ENOENT} (an unknown symbol), as Linux does. Records when each
 * successful insertion and removal ran ({@link System#nanoTime()}: on Linux the monotonic clock, one
 * for every process of the machine) and every broken rule.
 */
final class KernelModel implements KernelCalls {
    static final List<String> MODULES = List.of("demo_crc", "demo_core", "demo_net", "demofs", "demo_misc");
    static final Map<String, List<String>> DEPS = Map.of("demo_crc", List.of(),
            "demo_core", List.of("demo_crc"), "demo_net", List.of("demo_core", "demo_crc"),
            "demofs", List.of("demo_core", "demo_crc"), "demo_misc", List.of());

    /** When a successful call ran: it started at {@code start} and had returned by {@code end}. */
    private record Span(long start, long end) {
        boolean overlaps(long from, long to) {
            return start <= to && end >= from;
        }
    }

    final FakeKernel kernel;
    private final Object lock = new Object();
    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, Integer> loaded = new HashMap<>();
    private final Map<String, List<Span>> attempts = new HashMap<>();
    private final Map<String, List<Span>> removals = new HashMap<>();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inserts = new AtomicInteger();
    final AtomicInteger eexist = new AtomicInteger();
    final AtomicInteger unknownSymbol = new AtomicInteger();

    KernelModel(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void finitModule(String module, Path file, String params, int flags) throws KmodException {
        long start = System.nanoTime();
        try {
            insert(module, file, params, flags);
        } finally {
            synchronized (lock) {
                attempts.computeIfAbsent(module, m -> new ArrayList<>()).add(new Span(start, System.nanoTime()));
            }
        }
    }

    private void insert(String module, Path file, String params, int flags) throws KmodException {
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
            long start = System.nanoTime();
            kernel.deleteModule(module, flags);
            if (users.getOrDefault(module, 0) > 0) {
                violations.add(module + " removed while held by " + users.get(module));
            }
            loaded.merge(module, -1, Integer::sum);
            DEPS.get(module).forEach(d -> hold(d, -1));
            removals.computeIfAbsent(module, m -> new ArrayList<>()).add(new Span(start, System.nanoTime()));
        }
    }

    /**
     * Checks what a run of {@code jmodprobe [-r] module} that ran from {@code from} to {@code to}
     * (nanoTime) and ended with {@code status} left, once every call has ended: an insertion that
     * exited 0 must have left the module live unless another process removed it meanwhile; a removal
     * that exited 0 must have left it absent unless another process was inserting it meanwhile.
     * {@code phase} was read after the run, before {@code to}.
     */
    void checkOutcome(String module, boolean remove, int status, Phase phase, long from, long to) {
        if (status != 0) {
            return;
        }
        synchronized (lock) {
            if (!remove && phase != Phase.LIVE && !any(removals, module, from, to)) {
                violations.add(module + ": exit 0 but " + phase + ", not live");
            }
            if (remove && phase != Phase.ABSENT && !any(attempts, module, from, to)) {
                violations.add(module + ": removed with exit 0 but " + phase);
            }
        }
    }

    /** Every live module's dependencies are live. */
    void checkFinalState() {
        for (String module : MODULES) {
            if (kernel.phase(module) == Phase.LIVE) {
                for (String d : DEPS.get(module)) {
                    if (kernel.phase(d) != Phase.LIVE) {
                        violations.add(module + " is live without " + d);
                    }
                }
            }
        }
    }

    private static boolean any(Map<String, List<Span>> spans, String module, long from, long to) {
        return spans.getOrDefault(module, List.of()).stream().anyMatch(s -> s.overlaps(from, to));
    }

    private void hold(String module, int delta) {
        int n = users.merge(module, delta, Integer::sum);
        kernel.inUse(module, n > 0);
        kernel.tree().module(module).refcount(Math.max(n, 0));
    }
}
