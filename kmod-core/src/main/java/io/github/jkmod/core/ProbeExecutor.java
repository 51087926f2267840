package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.Force;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.ModuleLoad;
import io.github.jkmod.core.kernel.ModuleLoader;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs load plans the way modprobe does (docs/semantics.md, step 4): for each step, unless loaded state
 * is ignored, a module already in the kernel (LIVE or BUILTIN as the context's initstate logic
 * reads it; COMING is not) is skipped; otherwise the listener hears of the step and, unless it is
 * a dry run, the install command runs or the module is inserted. {@code EEXIST} from the kernel
 * is success. A failing softdep is ignored; a failing dependency or target stops the load.
 */
public final class ProbeExecutor {

    private final KmodContext context;
    private final KernelCalls kernel;
    private final CommandRunner commands;
    private final Map<String, String> commandEnvironment;

    /**
     * @param context the context the plans were made with
     * @param kernel the kernel calls (only used when something is inserted)
     * @param commands runs install commands
     * @param commandEnvironment added to the environment of install commands (e.g.
     *     {@code MODPROBE_OPTIONS}); {@code MODPROBE_MODULE} is set per command
     */
    public ProbeExecutor(KmodContext context, KernelCalls kernel, CommandRunner commands,
            Map<String, String> commandEnvironment) {
        this.context = Objects.requireNonNull(context, "context");
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.commandEnvironment = Map.copyOf(commandEnvironment);
    }

    /**
     * Runs one plan.
     *
     * @param plan a plan from {@link KmodContext#planInsert}
     * @param flags the flags the plan was made with
     * @param force force flags for insertions
     * @param listener hears of each step acted on
     * @throws ProbeFailedException when the target, or a module it needs, could not be loaded
     * @throws KmodException when state, files or the kernel interface cannot be used at all
     */
    public void execute(ProbePlan plan, ProbeFlags flags, Set<Force> force, ProbeListener listener)
            throws KmodException {
        String target = plan.target().name();
        switch (plan.outcome()) {
            case ALREADY_LOADED, BLACKLISTED:
                return;
            case ALREADY_LOADED_FIRST_TIME:
                throw ProbeFailedException.of(target, Errno.EEXIST, null);
            case LOAD:
                break;
            default:
                throw new IllegalStateException("unknown outcome " + plan.outcome());
        }
        ModuleLoad load = null;
        for (ProbeStep step : plan.steps()) {
            KernelModule m = step.module();
            boolean isTarget = m.equals(plan.target());
            if (step.action() == ProbeStep.Action.ALREADY_LOADED
                    || (!flags.ignoreLoaded() && context.isInKernel(m))) {
                if (isTarget && flags.firstTime()) {
                    throw ProbeFailedException.of(target, Errno.EEXIST, null);
                }
                continue;
            }
            listener.action(step);
            if (flags.dryRun()) {
                continue;
            }
            int errno = 0;
            Throwable cause = null;
            switch (step.action()) {
                case RUN_INSTALL -> {
                    String command = step.command().orElseThrow();
                    int status = runInstall(step, command);
                    if (status != 0) {
                        listener.commandFailed(step, command, status);
                        errno = Errno.EINVAL;
                    }
                }
                case INSERT -> {
                    if (load == null) {
                        load = new ModuleLoad(new ModuleLoader(kernel, context.kernelState()),
                                context.initstateLogic());
                    }
                    try {
                        ModuleLoad.Outcome outcome = load.loadIfNeeded(m.name(),
                                step.file().orElseThrow(), step.optionsText(), force, true);
                        if (outcome == ModuleLoad.Outcome.ALREADY_LOADED && isTarget
                                && flags.firstTime()) {
                            errno = Errno.EEXIST;
                        }
                    } catch (KernelCallException e) {
                        listener.insertFailed(step, e);
                        errno = e.errno();
                        cause = e;
                    }
                }
                case NO_FILE -> {
                    listener.noFile(step);
                    errno = Errno.ENOENT;
                }
                case BUILTIN, ALREADY_LOADED -> {
                }
                default -> throw new IllegalStateException("unknown action " + step.action());
            }
            if (errno == 0 || !step.required()) {
                continue;
            }
            throw ProbeFailedException.of(target, errno, cause);
        }
    }

    private int runInstall(ProbeStep step, String command) throws KmodException {
        return commands.runFor(step.module().name(),
                command.replace("$CMDLINE_OPTS", step.optionsText()), commandEnvironment);
    }
}
