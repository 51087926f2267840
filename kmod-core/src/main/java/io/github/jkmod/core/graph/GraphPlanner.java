package io.github.jkmod.core.graph;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.ModuleDependencies;
import io.github.jkmod.core.ModuleNotFoundException;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbePlan;
import io.github.jkmod.core.ProbeStep;
import io.github.jkmod.core.config.SoftdepEntry;
import io.github.jkmod.core.config.WeakdepEntry;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.ModuleState;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds {@link ModuleGraph}s from a context's lookup and load planning, the way
 * {@code modprobe --show-depends} plans: the modules of a load graph are exactly those of the
 * modules' load plans ({@link KmodContext#planInsert} with {@link ProbeFlags#SHOW_DEPENDS}), and its
 * edges are each module's {@code modules.dep} line, its {@code softdep} line (each name looked up
 * as the plan looks it up) and its {@code weakdep} line. Loaded marks and {@code holders/} come from
 * a {@link KernelState} (by default the context's).
 *
 * <p>Thread-safe when the context is (it is); each call reads anew.
 */
public final class GraphPlanner {
    private final KmodContext context;
    private final KernelState live;

    /**
     * A planner whose loaded marks and holders come from the context's root.
     *
     * @param context the modules, configuration and indexes
     */
    public GraphPlanner(KmodContext context) {
        this(context, Objects.requireNonNull(context, "context").kernelState());
    }

    /**
     * A planner whose loaded marks and holders come from {@code live}.
     *
     * @param context the modules, configuration and indexes
     * @param live the kernel whose {@code sys/module} tells which modules are loaded and who holds them
     */
    public GraphPlanner(KmodContext context, KernelState live) {
        this.context = Objects.requireNonNull(context, "context");
        this.live = Objects.requireNonNull(live, "live");
    }

    /**
     * The load graph of modules: every module the load plans of {@code names} list (as
     * {@code modprobe --show-depends} plans them: loaded modules ignored, a blacklisted alias
     * planned as nothing but itself), the hard dependencies of each ({@code modules.dep}), its
     * softdeps pre and post and its weakdeps (configuration, {@code modules.softdep},
     * {@code modules.weakdep}). A softdep or weakdep name that nothing answers is a
     * {@link NodeMark#NOT_FOUND} node; weakdeps are nodes that are not {@linkplain GraphNode#planned
     * planned} and are not followed further.
     *
     * @param names module names or aliases, as given to modprobe
     * @return the graph
     * @throws ModuleNotFoundException for the first name nothing answers
     * @throws KmodException when an index is corrupt or sysfs cannot be read
     */
    public ModuleGraph loadGraph(List<String> names) throws KmodException {
        GraphAccumulator acc = new GraphAccumulator();
        for (String name : names) {
            for (KernelModule m : require(name)) {
                ProbePlan plan = context.planInsert(m, ProbeFlags.SHOW_DEPENDS);
                for (ProbeStep step : plan.steps()) {
                    add(acc, step.module().name());
                    acc.planned(step.module().name());
                }
                add(acc, m.name());
                acc.requested(m.name());
            }
        }
        for (String n : acc.names()) {
            if (acc.isPlanned(n)) {
                links(acc, n);
            }
        }
        return acc.build(GraphDirection.LOAD, names);
    }

    /** The edges of one planned module, adding the not-found and weakdep nodes they lead to. */
    private void links(GraphAccumulator acc, String n) throws KmodException {
        Optional<ModuleDependencies> dep = context.dependencies(n);
        if (dep.isPresent()) {
            for (ModuleDependencies.Dependency d : dep.get().dependencies()) {
                add(acc, d.name());
                acc.edge(n, d.name(), EdgeKind.HARD, EdgeSource.MODULES_DEP);
            }
        }
        Optional<SoftdepEntry> softdep = context.config().softdep(n);
        if (softdep.isPresent()) {
            named(acc, n, softdep.get().pre(), EdgeKind.SOFTDEP_PRE);
            named(acc, n, softdep.get().post(), EdgeKind.SOFTDEP_POST);
        }
        if (context.profile().weakdeps()) {
            Optional<WeakdepEntry> weakdep = context.config().weakdep(n);
            if (weakdep.isPresent()) {
                named(acc, n, weakdep.get().deps(), EdgeKind.WEAKDEP);
            }
        }
    }

    /** Edges from {@code from} to what each configuration name finds (or to the name, not found). */
    private void named(GraphAccumulator acc, String from, List<String> names, EdgeKind kind) throws KmodException {
        for (String name : names) {
            List<KernelModule> found = context.lookup(name);
            if (found.isEmpty()) {
                add(acc, name);
                acc.edge(from, name, kind, name);
            }
            for (KernelModule m : found) {
                add(acc, m.name());
                acc.edge(from, m.name(), kind, name);
            }
        }
    }

    /**
     * The reverse graph of modules: the modules found for {@code names} and every module that needs
     * one of them, transitively: from {@code modules.dep} (each module whose dependency list names
     * it) and from the live kernel ({@code sys/module/NAME/holders/}). Edges go from the module that
     * needs to the module needed, marked with their source ({@link EdgeSource#MODULES_DEP},
     * {@link EdgeSource#HOLDERS}, or both); every {@code modules.dep} dependency between two modules
     * of the graph is an edge.
     *
     * @param names module names or aliases
     * @return the graph
     * @throws ModuleNotFoundException for the first name nothing answers
     * @throws KmodException when an index is corrupt or sysfs cannot be read
     */
    public ModuleGraph reverseGraph(List<String> names) throws KmodException {
        Map<String, List<String>> dependsOn = new HashMap<>();
        Map<String, List<String>> neededBy = new HashMap<>();
        for (ModuleDependencies entry : context.allDependencies()) {
            List<String> deps = new ArrayList<>();
            for (ModuleDependencies.Dependency d : entry.dependencies()) {
                deps.add(d.name());
                neededBy.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(entry.name());
            }
            dependsOn.put(entry.name(), deps);
        }
        GraphAccumulator acc = new GraphAccumulator();
        Deque<String> queue = new ArrayDeque<>();
        for (String name : names) {
            for (KernelModule m : require(name)) {
                if (add(acc, m.name())) {
                    queue.add(m.name());
                }
                acc.requested(m.name());
            }
        }
        while (!queue.isEmpty()) {
            String x = queue.poll();
            for (String d : neededBy.getOrDefault(x, List.of())) {
                if (add(acc, d)) {
                    queue.add(d);
                }
            }
            for (String h : holders(x)) {
                if (add(acc, h)) {
                    queue.add(h);
                }
                acc.edge(h, x, EdgeKind.HARD, EdgeSource.HOLDERS);
            }
        }
        for (String n : acc.names()) {
            for (String d : dependsOn.getOrDefault(n, List.of())) {
                if (acc.has(d)) {
                    acc.edge(n, d, EdgeKind.HARD, EdgeSource.MODULES_DEP);
                }
            }
        }
        return acc.build(GraphDirection.REVERSE, names);
    }

    private List<KernelModule> require(String name) throws KmodException {
        return context.require(Objects.requireNonNull(name, "name"));
    }

    private List<String> holders(String module) throws KmodException {
        return KernelNames.isUsable(module) ? live.holders(module) : List.of();
    }

    private boolean add(GraphAccumulator acc, String name) throws KmodException {
        return acc.add(name, new GraphAccumulator.Marker<KmodException>() {
            @Override
            public NodeMark mark(String n) throws KmodException {
                return markOf(n);
            }

            @Override
            public Optional<Path> file(String n) throws KmodException {
                return context.dependencies(n).map(ModuleDependencies::file);
            }
        });
    }

    /**
     * Builtin, loaded (live: a module coming or going, or a sysfs directory in its window, is not
     * marked), a module file, or not found: in that order of precedence.
     */
    private NodeMark markOf(String name) throws KmodException {
        if (context.isBuiltin(name)) {
            return NodeMark.BUILTIN;
        }
        if (KernelNames.isUsable(name)) {
            ModuleState state = live.state(name);
            if (state == ModuleState.BUILTIN) {
                return NodeMark.BUILTIN;
            }
            if (state == ModuleState.LIVE) {
                return NodeMark.LOADED;
            }
        }
        return context.dependencies(name).isPresent() ? NodeMark.MODULE : NodeMark.NOT_FOUND;
    }
}
