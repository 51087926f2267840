package io.github.jkmod.core;

import java.util.List;
import java.util.Objects;

/**
 * The load plan of one module: what modprobe would do, in order.
 *
 * @param target the module asked for
 * @param outcome whether anything is to be done
 * @param steps the ordered steps (empty unless the outcome is {@link Outcome#LOAD})
 */
public record ProbePlan(KernelModule target, Outcome outcome, List<ProbeStep> steps) {

    /**
     * Copies the list.
     *
     * @param target the module asked for
     * @param outcome whether anything is to be done
     * @param steps the ordered steps; copied
     */
    public ProbePlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        steps = List.copyOf(steps);
    }

    /** The overall result of planning. */
    public enum Outcome {
        /** Run the steps. */
        LOAD,
        /** The target is already live or builtin: success, nothing to do. */
        ALREADY_LOADED,
        /** The target is already in the kernel and {@code --first-time} was given: failure. */
        ALREADY_LOADED_FIRST_TIME,
        /** The target is blacklisted: skipped silently, success. */
        BLACKLISTED
    }
}
