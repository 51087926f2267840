package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.config.SoftdepEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the load plan of one module the way the reference implementation orders it
 * (docs/semantics.md): for each dependency, deepest first, its pre-softdeps, itself, its post-softdeps;
 * then the same for the target. A softdep is planned with its own dependencies; a module whose
 * plan was already started in this probe is not planned again (this breaks softdep loops), but a
 * dependency is listed each time a planned module needs it, as modprobe lists it.
 *
 * <p>Plans that ignore the loaded state are made from a {@link PlanTemplate} per module name, kept
 * for the context's life: the plans of one module found through many aliases share their walk.
 */
final class ProbePlanner {

    private final KmodContext context;
    private final Map<String, PlanTemplate> templates = new ConcurrentHashMap<>();
    private final Map<String, PlanTemplate> templatesIgnoringCommands = new ConcurrentHashMap<>();

    ProbePlanner(KmodContext context) {
        this.context = context;
    }

    ProbePlan plan(KernelModule target, ProbeFlags flags, String extraOptions) throws KmodException {
        if (!flags.ignoreLoaded() && context.isInKernel(target)) {
            return new ProbePlan(target,
                    flags.firstTime()
                            ? ProbePlan.Outcome.ALREADY_LOADED_FIRST_TIME
                            : ProbePlan.Outcome.ALREADY_LOADED,
                    List.of());
        }
        if (isBlacklisted(target, flags)) {
            return new ProbePlan(target, ProbePlan.Outcome.BLACKLISTED, List.of());
        }
        List<ProbeStep> steps = flags.ignoreLoaded() ? fromTemplate(target, flags, extraOptions) : null;
        if (steps == null) {
            Walk walk = new Walk();
            walk.probeList(target, true, flags.ignoreCommands());
            steps = new ArrayList<>(walk.entries.size());
            for (KernelModule m : walk.entries) {
                // The flags are read once the walk is over, as the reference reads them per module
                // object after building the whole list.
                steps.add(step(m, walk.required.contains(m), walk.ignoreCommand.contains(m),
                        target, flags, extraOptions));
            }
        }
        return new ProbePlan(target, ProbePlan.Outcome.LOAD, steps);
    }

    /**
     * The steps from the template of the target's name (made on first use), or null when that
     * name has none: when the walk meets the name anywhere but at the target itself (a softdep
     * or dependency of that name, found by name or through an alias), the target's alias could
     * change the plan. Only for plans that ignore the loaded state: then a step depends on nothing
     * but its module, the target and the configuration and indexes, which never change.
     */
    private List<ProbeStep> fromTemplate(KernelModule target, ProbeFlags flags, String extraOptions)
            throws KmodException {
        Map<String, PlanTemplate> byName = flags.ignoreCommands() ? templatesIgnoringCommands : templates;
        PlanTemplate template = byName.get(target.name());
        if (template == null) {
            template = template(KernelModule.named(target.name()), flags);
            byName.putIfAbsent(target.name(), template);
        }
        if (template == PlanTemplate.NONE) {
            return null;
        }
        // An anonymous class, not a lambda: a lambda costs jmodprobe start-up time.
        return template.steps(new PlanTemplate.TargetStep() {
            @Override
            public ProbeStep make(boolean required, boolean ignoreCommand) throws KmodException {
                return step(target, required, ignoreCommand, target, flags, extraOptions);
            }
        });
    }

    /** Walks the plan of {@code base} (a module by its name) and keeps what other targets share. */
    private PlanTemplate template(KernelModule base, ProbeFlags flags) throws KmodException {
        Walk walk = new Walk();
        walk.watch = base.name();
        walk.probeList(base, true, flags.ignoreCommands());
        // The base alone may carry the name: one probe-list call, one softdep fill unless ignored.
        if (walk.watchedProbes != 1 || walk.watchedFills != (flags.ignoreCommands() ? 0 : 1)) {
            return PlanTemplate.NONE;
        }
        int n = walk.entries.size();
        ProbeStep[] shared = new ProbeStep[n];
        boolean[] required = new boolean[n];
        boolean[] ignoreCommand = new boolean[n];
        for (int i = 0; i < n; i++) {
            KernelModule m = walk.entries.get(i);
            if (m.equals(base)) {
                required[i] = walk.required.contains(m);
                ignoreCommand[i] = walk.ignoreCommand.contains(m);
            } else {
                shared[i] = step(m, walk.required.contains(m), walk.ignoreCommand.contains(m),
                        base, flags, null);
            }
        }
        return new PlanTemplate(shared, required, ignoreCommand);
    }

    private boolean isBlacklisted(KernelModule target, ProbeFlags flags) {
        boolean applies = flags.blacklist() == ProbeFlags.BlacklistMode.ALL
                || target.alias().isPresent();
        return applies && context.configMemo().isBlacklisted(target.name());
    }

    private ProbeStep step(KernelModule m, boolean required, boolean ignoreCommand, KernelModule target,
            ProbeFlags flags, String extraOptions) throws KmodException {
        String options = Options.concat(context.moduleOptions(m),
                m.equals(target) ? extraOptions : null);
        if (!flags.ignoreLoaded() && context.isInKernel(m)) {
            return new ProbeStep(m, ProbeStep.Action.ALREADY_LOADED, Optional.empty(),
                    Optional.empty(), options, required);
        }
        Optional<String> command = context.configMemo().installCommand(m.name());
        if (command.isPresent() && !ignoreCommand) {
            return new ProbeStep(m, ProbeStep.Action.RUN_INSTALL, Optional.empty(), command,
                    options, required);
        }
        if (m.file().isPresent()) {
            return new ProbeStep(m, ProbeStep.Action.INSERT, m.file(), Optional.empty(), options, required);
        }
        Optional<ModuleDependencies> dep = context.dependencies(m.name());
        if (dep.isPresent()) {
            return new ProbeStep(m, ProbeStep.Action.INSERT, Optional.of(dep.get().file()),
                    Optional.empty(), options, required);
        }
        ProbeStep.Action action = context.isBuiltin(m.name())
                ? ProbeStep.Action.BUILTIN
                : ProbeStep.Action.NO_FILE;
        return new ProbeStep(m, action, Optional.empty(), Optional.empty(), options, required);
    }

    /** The state of one probe-list walk. */
    private final class Walk {
        final List<KernelModule> entries = new ArrayList<>();
        final Set<KernelModule> visited = new HashSet<>();
        final Set<KernelModule> required = new HashSet<>();
        final Set<KernelModule> ignoreCommand = new HashSet<>();
        /** A name whose every probe-list call and softdep fill is counted, or null. */
        String watch;
        int watchedProbes;
        int watchedFills;

        void probeList(KernelModule m, boolean isRequired, boolean ignoreCmd) throws KmodException {
            if (m.name().equals(watch)) {
                watchedProbes++;
            }
            if (!visited.add(m)) {
                return;
            }
            List<KernelModule> deps = dependencyModules(m);
            if (isRequired) {
                required.add(m);
                required.addAll(deps);
            }
            for (KernelModule d : deps) {
                fillSoftdep(d);
            }
            if (ignoreCmd) {
                ignoreCommand.add(m);
                append(m);
            } else {
                fillSoftdep(m);
            }
        }

        void fillSoftdep(KernelModule m) throws KmodException {
            if (m.name().equals(watch)) {
                watchedFills++;
            }
            List<KernelModule> pre = new ArrayList<>();
            List<KernelModule> post = new ArrayList<>();
            Optional<SoftdepEntry> softdep = context.configMemo().softdep(m.name());
            if (softdep.isPresent()) {
                for (String name : softdep.get().pre()) {
                    pre.addAll(context.lookup(name));
                }
                for (String name : softdep.get().post()) {
                    post.addAll(context.lookup(name));
                }
            }
            for (KernelModule p : pre) {
                probeList(p, false, false);
            }
            append(m);
            if (!pre.isEmpty() || !post.isEmpty()) {
                ignoreCommand.add(m);
            } else {
                ignoreCommand.remove(m);
            }
            for (KernelModule p : post) {
                probeList(p, false, false);
            }
        }

        void append(KernelModule m) {
            entries.add(m);
        }

        List<KernelModule> dependencyModules(KernelModule m) throws KmodException {
            Optional<ModuleDependencies> dep = context.dependencies(m.name());
            if (dep.isEmpty()) {
                return List.of();
            }
            List<KernelModule> out = new ArrayList<>();
            for (ModuleDependencies.Dependency d : dep.get().dependencies()) {
                out.add(KernelModule.named(d.name()));
            }
            return out;
        }
    }
}
