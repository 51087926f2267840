package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import java.util.ArrayList;
import java.util.List;

/**
 * The load plan of one module name, made once per context for plans that ignore the loaded state
 * ({@code --show-depends}): the steps of every module but the target, shared by all plans of that
 * name, and the target's places with its flags. A plan's walk depends on its target's alias only
 * when another module of the plan has the target's name: such a name gets {@link #NONE} and is
 * planned afresh each time. Immutable.
 */
final class PlanTemplate {

    /** The name's plans depend on the target's alias: no template. */
    static final PlanTemplate NONE = new PlanTemplate(new ProbeStep[0], new boolean[0], new boolean[0]);

    /** Makes the target's step. */
    @FunctionalInterface
    interface TargetStep {
        ProbeStep make(boolean required, boolean ignoreCommand) throws KmodException;
    }

    private final ProbeStep[] shared;
    private final boolean[] required;
    private final boolean[] ignoreCommand;

    /**
     * @param shared each entry's step, null where the target goes
     * @param required for the target's places: whether it is required there
     * @param ignoreCommand for the target's places: whether its install command is ignored there
     */
    PlanTemplate(ProbeStep[] shared, boolean[] required, boolean[] ignoreCommand) {
        this.shared = shared;
        this.required = required;
        this.ignoreCommand = ignoreCommand;
    }

    /** The steps of a plan, the target's made by {@code target}. Never called on {@link #NONE}. */
    List<ProbeStep> steps(TargetStep target) throws KmodException {
        List<ProbeStep> steps = new ArrayList<>(shared.length);
        for (int i = 0; i < shared.length; i++) {
            steps.add(shared[i] != null ? shared[i] : target.make(required[i], ignoreCommand[i]));
        }
        return steps;
    }
}
