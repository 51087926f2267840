package io.github.jkmod.core.devices;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.ProbeExecutor;
import io.github.jkmod.core.ProbeFailedException;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbeListener;
import io.github.jkmod.core.ProbePlan;
import io.github.jkmod.core.ProbeStep;
import io.github.jkmod.core.kernel.Force;
import io.github.jkmod.core.kernel.KernelCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a host's {@link NeededModules} in parallel where their dependencies allow: a module starts
 * once every module it waits for ({@link NeededModule#dependencies()} and
 * {@link NeededModule#softPredecessors()}) is done, independent chains load at once, on at most
 * {@link Builder#threads threads} threads. Each module is loaded through {@link ProbeExecutor}, as
 * modprobe loads one module: left alone when already live or builtin (kmod-20 reading of the state:
 * a module still coming is loaded again and the kernel answers {@code EEXIST} once it is live), else
 * inserted with its options, or its install command run. A failure is reported for its module and
 * the others go on; a module whose dependency failed is {@linkplain ColdplugResult.Outcome#SKIPPED
 * skipped}, naming it (a failed pre-softdep does not stop it, as in modprobe).
 *
 * <pre>{@code
 * KmodContext ctx = KmodContext.builder().build();
 * NeededModules needed = HostDevices.of(ctx, Path.of("/sys")).needed();
 * ColdplugReport report = Coldplug.builder(ctx, KernelCalls.system()).threads(4).build().run(needed);
 * }</pre>
 */
public final class Coldplug {
    private final KmodContext context;
    private final KernelCalls kernel;
    private final CommandRunner commands;
    private final int threads;
    private final boolean dryRun;
    private final Set<Force> force;

    private Coldplug(Builder b) {
        this.context = b.context;
        this.kernel = b.kernel;
        this.commands = b.commands;
        this.threads = b.threads;
        this.dryRun = b.dryRun;
        this.force = Set.copyOf(b.force);
    }

    /**
     * A coldplug with {@code context} and {@code kernel}.
     *
     * @param context the context the load list was made with (its state is read before each load)
     * @param kernel the system calls ({@link KernelCalls#system()}, or a fake kernel in tests)
     * @return a builder: install commands through {@link CommandRunner#SHELL}, as many threads as
     *     processors, no dry run, no force
     */
    public static Builder builder(KmodContext context, KernelCalls kernel) {
        return new Builder(Objects.requireNonNull(context, "context"), Objects.requireNonNull(kernel, "kernel"));
    }

    /**
     * Loads the modules of {@code needed}, or in a dry run tells which would be loaded.
     *
     * @param needed the load list, from {@link HostDevices#needed()}
     * @return one result per module, in the list's order
     * @throws InterruptedException when this thread is interrupted while waiting (the loads already
     *     started finish on their threads)
     */
    public ColdplugReport run(NeededModules needed) throws InterruptedException {
        List<NeededModule> modules = needed.modules();
        int n = modules.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(modules.get(i).name(), i);
        }
        int[] waves = new int[n];
        int[] pending = new int[n];
        List<List<Integer>> dependents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            int wave = 1;
            for (int p : predecessors(modules.get(i), index)) {
                wave = Math.max(wave, waves[p] + 1);
                pending[i]++;
                dependents.get(p).add(i);
            }
            waves[i] = wave;
        }
        ColdplugResult[] results = new ColdplugResult[n];
        if (dryRun) {
            for (int i = 0; i < n; i++) {
                results[i] = new ColdplugResult(modules.get(i).name(),
                        inKernel(modules.get(i)) ? ColdplugResult.Outcome.IN_KERNEL : ColdplugResult.Outcome.WOULD_LOAD,
                        waves[i], "", 1);
            }
            return new ColdplugReport(List.of(results));
        }
        new Schedule(modules, index, waves, pending, dependents, results).run();
        return new ColdplugReport(List.of(results));
    }

    /**
     * Loads what {@code host} needs, then looks at its devices again: loading a controller's driver
     * makes the devices behind it (a disk behind an AHCI controller, a USB device behind its host
     * controller), whose modules the first pass could not know, as udev loads them from the events of
     * the new devices. After each pass that loaded something, the device tree is read every 100 ms
     * until it has not changed for {@code quiet} (at most ten times {@code quiet}); then the
     * modules of the new load list that no earlier pass tried are loaded. Stops when a pass finds
     * nothing new, after {@code maxRounds} passes, or after the first pass of a dry run.
     *
     * @param host the devices and the context (the same as this coldplug's) to resolve them with
     * @param maxRounds the most passes, 1 or more
     * @param quiet how long the device tree must stay the same before it is read for the next pass
     * @return the results of every pass, each with its round
     * @throws KmodException when the device tree or the indexes cannot be read
     * @throws InterruptedException when this thread is interrupted while waiting
     */
    public ColdplugReport runUntilSettled(HostDevices host, int maxRounds, java.time.Duration quiet)
            throws KmodException, InterruptedException {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds " + maxRounds + " < 1");
        }
        List<ColdplugResult> all = new ArrayList<>();
        java.util.Set<String> tried = new java.util.HashSet<>();
        int waveBase = 0;
        for (int round = 1; round <= maxRounds; round++) {
            if (round > 1 && !DeviceSettle.waitUntilQuiet(host.sysfsRoot(), quiet)) {
                DeviceSettle.LOG.log(System.Logger.Level.DEBUG, "the device tree kept changing");
            }
            NeededModules needed = host.needed();
            List<NeededModule> fresh = new ArrayList<>();
            for (NeededModule m : needed.modules()) {
                if (!tried.contains(m.name())) {
                    fresh.add(m);
                }
            }
            if (fresh.isEmpty()) {
                break;
            }
            int highest = 0;
            for (ColdplugResult r : run(new NeededModules(fresh, needed.builtin(), needed.problems())).results()) {
                all.add(new ColdplugResult(r.module(), r.outcome(), r.wave() + waveBase, r.detail(), round));
                tried.add(r.module());
                highest = Math.max(highest, r.wave());
            }
            waveBase += highest;
            if (dryRun) {
                break;
            }
        }
        return new ColdplugReport(all);
    }

    private static List<Integer> predecessors(NeededModule m, Map<String, Integer> index) {
        List<Integer> out = new ArrayList<>();
        for (List<String> names : List.of(m.dependencies(), m.softPredecessors())) {
            for (String name : names) {
                Integer at = index.get(name);
                if (at != null && !out.contains(at)) {
                    out.add(at);
                }
            }
        }
        return out;
    }

    private boolean inKernel(NeededModule m) {
        try {
            return context.isInKernel(m.step().module());
        } catch (KmodException e) {
            return false;
        }
    }

    /** One run: the counters of the modules still waiting, and the pool. */
    private final class Schedule {
        private final List<NeededModule> modules;
        private final Map<String, Integer> index;
        private final int[] waves;
        private final int[] pending;
        private final List<List<Integer>> dependents;
        private final ColdplugResult[] results;
        private final CountDownLatch done;
        private final ExecutorService pool;
        private final ProbeExecutor executor;

        Schedule(List<NeededModule> modules, Map<String, Integer> index, int[] waves, int[] pending,
                List<List<Integer>> dependents, ColdplugResult[] results) {
            this.modules = modules;
            this.index = index;
            this.waves = waves;
            this.pending = pending;
            this.dependents = dependents;
            this.results = results;
            this.done = new CountDownLatch(modules.size());
            AtomicInteger count = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, modules.size()))), r -> {
                Thread t = new Thread(r, "coldplug-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.executor = new ProbeExecutor(context, kernel, commands, Map.of());
        }

        void run() throws InterruptedException {
            try {
                synchronized (this) {
                    for (int i = 0; i < pending.length; i++) {
                        if (pending[i] == 0) {
                            submit(i);
                        }
                    }
                }
                done.await();
            } finally {
                pool.shutdownNow();
            }
        }

        private void submit(int i) {
            pool.execute(() -> {
                ColdplugResult r;
                try {
                    r = load(i);
                } catch (RuntimeException e) {
                    r = result(i, ColdplugResult.Outcome.FAILED, "internal error: " + e);
                }
                finish(i, r);
            });
        }

        private void finish(int i, ColdplugResult r) {
            synchronized (this) {
                results[i] = r;
                for (int d : dependents.get(i)) {
                    if (--pending[d] == 0) {
                        submit(d);
                    }
                }
            }
            done.countDown();
        }

        private ColdplugResult load(int i) {
            NeededModule m = modules.get(i);
            for (String dep : m.dependencies()) {
                Integer at = index.get(dep);
                ColdplugResult before;
                synchronized (this) {
                    before = at == null ? null : results[at];
                }
                if (before != null && !before.outcome().succeeded()) {
                    return result(i, ColdplugResult.Outcome.SKIPPED, "dependency " + dep + " "
                            + (before.outcome() == ColdplugResult.Outcome.FAILED ? "failed" : "skipped"));
                }
            }
            ProbeStep given = m.step();
            ProbeStep step = new ProbeStep(given.module(), given.action(), given.file(), given.command(),
                    given.optionsText(), true);
            boolean[] acted = new boolean[1];
            try {
                executor.execute(new ProbePlan(given.module(), ProbePlan.Outcome.LOAD, List.of(step)),
                        ProbeFlags.DEFAULT, force, new ProbeListener() {
                            @Override
                            public void action(ProbeStep s) {
                                acted[0] = true;
                            }
                        });
            } catch (ProbeFailedException e) {
                return result(i, ColdplugResult.Outcome.FAILED, e.reason());
            } catch (KmodException e) {
                return result(i, ColdplugResult.Outcome.FAILED, String.valueOf(e.getMessage()));
            }
            return result(i, acted[0] ? ColdplugResult.Outcome.LOADED : ColdplugResult.Outcome.IN_KERNEL, "");
        }

        private ColdplugResult result(int i, ColdplugResult.Outcome outcome, String detail) {
            return new ColdplugResult(modules.get(i).name(), outcome, waves[i], detail, 1);
        }
    }

    /** Settings of a {@link Coldplug}. */
    public static final class Builder {
        private final KmodContext context;
        private final KernelCalls kernel;
        private CommandRunner commands = CommandRunner.SHELL;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean dryRun;
        private Set<Force> force = Set.of();

        private Builder(KmodContext context, KernelCalls kernel) {
            this.context = context;
            this.kernel = kernel;
        }

        /**
         * Runs install commands with {@code runner}.
         *
         * @param runner the command runner
         * @return this builder
         */
        public Builder commands(CommandRunner runner) {
            this.commands = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /**
         * Loads on at most {@code count} threads at once.
         *
         * @param count the number of threads, 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code count} is less than 1
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads " + count + " < 1");
            }
            this.threads = count;
            return this;
        }

        /**
         * Loads nothing: the report tells which modules would be loaded ({@code WOULD_LOAD}) and which
         * are in the kernel already.
         *
         * @param on true for a dry run
         * @return this builder
         */
        public Builder dryRun(boolean on) {
            this.dryRun = on;
            return this;
        }

        /**
         * Lets insertions ignore version checks, as {@code modprobe -f} does.
         *
         * @param checks the checks to skip
         * @return this builder
         */
        public Builder force(Set<Force> checks) {
            this.force = Set.copyOf(Objects.requireNonNull(checks, "checks"));
            return this;
        }

        /**
         * The coldplug.
         *
         * @return a coldplug with these settings
         */
        public Coldplug build() {
            return new Coldplug(this);
        }
    }
}
