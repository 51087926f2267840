package io.github.jkmod.core.devices;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.ModuleDependencies;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbePlan;
import io.github.jkmod.core.ProbeStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The modules the devices of a sysfs tree need, resolved with a {@link KmodContext} as modprobe
 * resolves them.
 *
 * <pre>{@code
 * KmodContext ctx = KmodContext.builder().build();
 * HostDevices host = HostDevices.of(ctx, Path.of("/sys"));
 * for (DeviceModules d : host.report().devices()) {
 *     System.out.println(d.device().path() + " " + d.modules());
 * }
 * for (NeededModule m : host.needed().modules()) {   // load order
 *     System.out.println(m.name());
 * }
 * }</pre>
 *
 * <p>Each modalias is looked up as {@code modprobe -R MODALIAS} does ({@link KmodContext#lookup}:
 * configuration aliases, {@code modules.alias}, builtin aliases...); {@link #report()} names every
 * module found, as {@code -R} prints them (the blacklist does not apply to {@code -R}, even with
 * {@code -b}), and marks the blacklisted and builtin ones. {@link #needed()} plans each load with
 * the context's planner, as {@code modprobe --show-depends -a MODALIAS...} would, so the blacklist
 * applies as in modprobe: a module found through an alias is skipped when blacklisted (a modalias
 * always is an alias, so {@code -b} changes nothing here), its dependencies never are.
 * Immutable and thread-safe.
 */
public final class HostDevices {
    private final KmodContext context;
    private final Path sysfsRoot;
    private final ProbeFlags.BlacklistMode blacklist;

    private HostDevices(KmodContext context, Path sysfsRoot, ProbeFlags.BlacklistMode blacklist) {
        this.context = context;
        this.sysfsRoot = sysfsRoot;
        this.blacklist = blacklist;
    }

    /**
     * The devices of {@code sysfsRoot/devices}, resolved with {@code context}.
     *
     * @param context where modules are looked up (its root, release and configuration)
     * @param sysfsRoot the sysfs mount point, e.g. {@code /sys}
     * @return the host, with modprobe's default blacklist mode
     */
    public static HostDevices of(KmodContext context, Path sysfsRoot) {
        return new HostDevices(Objects.requireNonNull(context, "context"),
                Objects.requireNonNull(sysfsRoot, "sysfsRoot"), ProbeFlags.BlacklistMode.ALIAS_ONLY);
    }

    /**
     * The sysfs root whose {@code devices/} is read.
     *
     * @return the root given to {@link #of}
     */
    public Path sysfsRoot() {
        return sysfsRoot;
    }

    /**
     * This host with another blacklist mode ({@code modprobe -b}: {@link ProbeFlags.BlacklistMode#ALL}).
     *
     * @param mode which modules the blacklist applies to
     * @return a new host
     */
    public HostDevices withBlacklist(ProbeFlags.BlacklistMode mode) {
        return new HostDevices(context, sysfsRoot, Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Scans the tree and resolves every modalias.
     *
     * @return the devices with their modules, and the files that could not be read
     * @throws KmodException when the tree has no {@code devices/} directory, or the indexes cannot be read
     */
    public DeviceReport report() throws KmodException {
        DeviceScan.Result scan = DeviceScan.of(sysfsRoot).run();
        Map<String, List<MatchedModule>> byAlias = new HashMap<>();
        List<DeviceModules> out = new ArrayList<>();
        for (Device d : scan.devices()) {
            List<MatchedModule> modules = byAlias.get(d.modalias());
            if (modules == null) {
                modules = new ArrayList<>();
                for (ProbePlan plan : plans(d.modalias())) {
                    modules.add(new MatchedModule(plan.target().name(), status(plan)));
                }
                byAlias.put(d.modalias(), modules);
            }
            out.add(new DeviceModules(d, modules));
        }
        return new DeviceReport(out, scan.problems());
    }

    /**
     * The modules this host needs: scans the tree, then {@link #needed(DeviceReport)}.
     *
     * @return the load list
     * @throws KmodException when the tree has no {@code devices/} directory, or the indexes cannot be read
     */
    public NeededModules needed() throws KmodException {
        return needed(report());
    }

    /**
     * The modules the devices of {@code report} need, each once, in load order: for every device
     * (in order) and every module its modalias resolves to that is not blacklisted, the module's
     * load plan (dependencies, pre-softdeps, the module, post-softdeps); the first time a module
     * appears is its place. Builtin modules are left out of the list and named in
     * {@link NeededModules#builtin()}.
     *
     * @param report a report of this host
     * @return the load list
     * @throws KmodException when the indexes cannot be read
     */
    public NeededModules needed(DeviceReport report) throws KmodException {
        Map<String, ProbeStep> order = new LinkedHashMap<>();
        Set<String> builtin = new LinkedHashSet<>();
        Set<String> seenAliases = new java.util.HashSet<>();
        for (DeviceModules d : report.devices()) {
            if (!seenAliases.add(d.device().modalias())) {
                continue;
            }
            for (ProbePlan plan : plans(d.device().modalias())) {
                for (ProbeStep step : plan.steps()) {
                    String name = step.module().name();
                    if (step.action() == ProbeStep.Action.BUILTIN) {
                        builtin.add(name);
                    } else {
                        order.putIfAbsent(name, step);
                    }
                }
            }
        }
        List<String> names = new ArrayList<>(order.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        List<NeededModule> modules = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            modules.add(withPredecessors(order.get(names.get(i)), i, index));
        }
        return new NeededModules(modules, List.copyOf(builtin), report.problems());
    }

    /**
     * The step with the modules of the list that its own plan loads before it: its dependencies
     * ({@code modules.dep}) and, softly, the rest (pre-softdeps). Only modules earlier in the list
     * count, so that softdep loops cannot make a cycle.
     */
    private NeededModule withPredecessors(ProbeStep step, int position, Map<String, Integer> index)
            throws KmodException {
        String name = step.module().name();
        Set<String> hard = new LinkedHashSet<>();
        java.util.Optional<ModuleDependencies> deps = context.dependencies(name);
        if (deps.isPresent()) {
            for (ModuleDependencies.Dependency d : deps.get().dependencies()) {
                hard.add(d.name());
            }
        }
        List<String> dependencies = new ArrayList<>();
        List<String> soft = new ArrayList<>();
        // by name: the blacklist never applies (ALIAS_ONLY), whatever this host's mode
        ProbePlan own = context.planInsert(KernelModule.named(name), ProbeFlags.SHOW_DEPENDS);
        for (ProbeStep s : own.steps()) {
            String other = s.module().name();
            if (other.equals(name)) {
                break;
            }
            Integer at = index.get(other);
            if (at == null || at >= position) {
                continue;
            }
            List<String> into = hard.contains(other) ? dependencies : soft;
            if (!into.contains(other)) {
                into.add(other);
            }
        }
        return new NeededModule(step, dependencies, soft);
    }

    /** The load plans of the modules {@code modalias} resolves to, in lookup order. */
    private List<ProbePlan> plans(String modalias) throws KmodException {
        List<ProbePlan> plans = new ArrayList<>();
        for (KernelModule m : context.lookup(modalias)) {
            plans.add(context.planInsert(m, planFlags()));
        }
        return plans;
    }

    private ProbeFlags planFlags() {
        return ProbeFlags.SHOW_DEPENDS.withBlacklist(blacklist);
    }

    private static MatchedModule.Status status(ProbePlan plan) {
        if (plan.outcome() == ProbePlan.Outcome.BLACKLISTED) {
            return MatchedModule.Status.BLACKLISTED;
        }
        ProbeStep.Action action = ProbeStep.Action.NO_FILE;
        for (ProbeStep s : plan.steps()) {
            if (s.module().name().equals(plan.target().name())) {
                action = s.action();
            }
        }
        return switch (action) {
            case INSERT, ALREADY_LOADED -> MatchedModule.Status.MODULE;
            case RUN_INSTALL -> MatchedModule.Status.INSTALL_COMMAND;
            case BUILTIN -> MatchedModule.Status.BUILTIN;
            case NO_FILE -> MatchedModule.Status.NOT_FOUND;
        };
    }
}
