package io.github.jkmod.core.bench;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbePlan;
import io.github.jkmod.core.ProbeStep;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The resolve-all benchmark with jkmod (the twin of {@code kmod-core/src/bench/resolve_all.c}): for
 * each key of KEYSFILE, look it up and plan its load as {@code modprobe --show-depends} does,
 * counting the steps that print a line ({@code insmod}, {@code install}, {@code builtin}). Runs
 * PASSES passes over all keys and prints, last, {@code keys=K modules_emitted=M best_pass_ms=T}.
 * MODE says what a pass starts from:
 * <ul>
 * <li>{@code fresh}: each pass builds its own context ({@link KmodContext.Builder#build()}) inside
 * the timed pass and drops it afterwards, as libkmod's {@code kmod_new} and {@code kmod_unref}
 * (the pass line's {@code open_ms} is the building);
 * <li>{@code warm}: one context, built before the first pass ({@code # open_ms}), kept for all
 * passes with everything it remembers (plans, dependencies, configuration answers).
 * </ul>
 * Before the last line, {@code #} lines give each pass's time (and the CPU time of the whole
 * process in it, compiler and collector threads included, and of the thread that runs it), and
 * the heap a context holds after its pass (the last pass's, in fresh mode).
 *
 * <p>Usage: {@code ResolveAll fresh|warm MODDIR KEYSFILE PASSES}, MODDIR being
 * {@code <root>/lib/modules/<release>}; run it with {@code kmod-core/src/bench/resolve-all.sh}.
 */
public final class ResolveAll {
    private ResolveAll() {
    }

    /** Reads the keys: one a line, lines starting with {@code #} left out. */
    static List<String> readKeys(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                keys.add(line);
            }
        }
        return keys;
    }

    /** Opens the context of a module directory {@code <root>/lib/modules/<release>}, no configuration. */
    static KmodContext open(Path moduleDir) throws KmodException {
        Path modules = moduleDir.toAbsolutePath().normalize().getParent();
        if (modules == null || !modules.endsWith("lib/modules")) {
            throw new IllegalArgumentException(moduleDir + " is not <root>/lib/modules/<release>");
        }
        return KmodContext.builder()
                .moduleRoot(modules.getParent().getParent())
                .release(moduleDir.getFileName().toString())
                .configPaths(List.of(Path.of("/dev/null")))
                .build();
    }

    /** One pass: every key looked up and planned; the number of lines modprobe would print. */
    static long pass(KmodContext ctx, List<String> keys) throws KmodException {
        long emitted = 0;
        for (String key : keys) {
            for (KernelModule m : ctx.lookup(key)) {
                ProbePlan plan = ctx.planInsert(m, ProbeFlags.SHOW_DEPENDS);
                for (ProbeStep step : plan.steps()) {
                    if (step.showDependsLine().isPresent()) {
                        emitted++;
                    }
                }
            }
        }
        return emitted;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Runs the benchmark.
     *
     * @throws Exception when the keys or the module directory cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !List.of("fresh", "warm").contains(args[0])
                || Integer.parseInt(args[3]) < 1) {
            System.err.println("usage: ResolveAll fresh|warm MODDIR KEYSFILE PASSES");
            System.exit(2);
        }
        boolean fresh = args[0].equals("fresh");
        Path moduleDir = Path.of(args[1]);
        List<String> keys = readKeys(Path.of(args[2]));
        int passes = Integer.parseInt(args[3]);
        System.out.println("# jkmod mode=" + args[0] + ": " + (fresh
                ? "a new context per pass (KmodContext.builder()...build() in the pass)"
                : "one context, built before pass 1, kept with what it remembers"));
        long heapBefore = usedHeap();
        KmodContext ctx = null;
        if (!fresh) {
            long t0 = System.nanoTime();
            ctx = open(moduleDir);
            System.out.printf(Locale.ROOT, "# open_ms=%.1f%n", (System.nanoTime() - t0) / 1e6);
        }
        double best = Double.MAX_VALUE;
        long perPass = -1;
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        for (int p = 1; p <= passes; p++) {
            long cpu = os.getProcessCpuTime();
            long threadCpu = thread.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            String opened = "";
            if (fresh) {
                ctx = open(moduleDir);
                opened = String.format(Locale.ROOT, ", open_ms=%.2f", (System.nanoTime() - start) / 1e6);
            }
            long emitted = pass(ctx, keys);
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "# pass %d: %.1f ms, modules_emitted=%d, process_cpu_ms=%.1f,"
                    + " thread_cpu_ms=%.1f%s%n", p, ms, emitted, (os.getProcessCpuTime() - cpu) / 1e6,
                    (thread.getCurrentThreadCpuTime() - threadCpu) / 1e6, opened);
            if (perPass >= 0 && emitted != perPass) {
                throw new IllegalStateException("pass " + p + " emitted " + emitted + ", pass 1 " + perPass);
            }
            perPass = emitted;
            best = Math.min(best, ms);
        }
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "# context_heap_mb=%.2f (heap used with the context open after"
                + " its pass, less before any context)%n", (heapAfter - heapBefore) / 1048576.0);
        Reference.reachabilityFence(ctx);
        System.out.printf(Locale.ROOT, "keys=%d modules_emitted=%d best_pass_ms=%.1f%n",
                keys.size(), perPass, best);
    }
}
