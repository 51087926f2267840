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
 * In front of the fake kernel, which holds dependencies as Linux does
 * ({@link FakeKernel#holdingDependencies()}: a module holds the modules of its {@code depends=}
 * while loaded, {@code delete_module} of a held module answers {@code EAGAIN}, a module whose
 * dependency is not live fails with {@code ENOENT}, an unknown symbol): records when each
 * successful insertion and removal ran ({@link System#nanoTime()}: on Linux the monotonic clock, one
 * for every process of the machine), counts the kernel's answers, and every broken rule.
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
    private final Map<String, Integer> loaded = new HashMap<>();
    private final Map<String, List<Span>> attempts = new HashMap<>();
    private final Map<String, List<Span>> removals = new HashMap<>();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inserts = new AtomicInteger();
    final AtomicInteger eexist = new AtomicInteger();
    final AtomicInteger unknownSymbol = new AtomicInteger();

    KernelModel(FakeKernel kernel) {
        this.kernel = kernel.holdingDependencies();
    }

    @Override
    public void finitModule(String module, Path file, String params, int flags) throws KmodException {
        long start = System.nanoTime();
        try {
            kernel.finitModule(module, file, params, flags);
        } catch (KernelCallException e) {
            if (e.errno() == Errno.EEXIST) {
                eexist.incrementAndGet();
            } else if (e.errno() == Errno.ENOENT) {
                unknownSymbol.incrementAndGet();
            }
            throw e;
        } finally {
            synchronized (lock) {
                attempts.computeIfAbsent(module, m -> new ArrayList<>()).add(new Span(start, System.nanoTime()));
            }
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
            List<String> holders = kernel.phase(module) == Phase.LIVE
                    ? kernel.tree().kernelState().holders(module) : List.of();
            kernel.deleteModule(module, flags);
            if (!holders.isEmpty()) {
                violations.add(module + " removed while held by " + holders);
            }
            loaded.merge(module, -1, Integer::sum);
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
}
