package io.github.jkmod.core.devices;

import java.util.Objects;

/**
 * What coldplug did with one module.
 *
 * @param module the module's name
 * @param outcome what happened
 * @param wave the module's wave: 1 for a module that needs no other module of the list, else one
 *     more than the highest wave of the modules it waits for; a wave can start as soon as the
 *     modules it waits for are live
 * @param detail why it failed or was skipped (modprobe's words, e.g. {@code Unknown symbol in module}),
 *     or {@code ""}
 * @param round 1, or with {@link Coldplug#runUntilSettled} the pass over the devices that found the
 *     module (a later pass finds the devices that appeared once the drivers of an earlier one were loaded)
 */
public record ColdplugResult(String module, Outcome outcome, int wave, String detail, int round) {
    /**
     * Checks the components.
     *
     * @param module the module's name
     * @param outcome what happened
     * @param wave its wave, 1 or more
     * @param detail why it failed or was skipped, or {@code ""}
     * @param round the pass that found the module, 1 or more
     */
    public ColdplugResult {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (wave < 1 || round < 1) {
            throw new IllegalArgumentException("wave " + wave + " or round " + round + " < 1");
        }
    }

    /** What happened to a module. */
    public enum Outcome {
        /** Inserted (or its install command ran) by this coldplug; it is live. */
        LOADED,
        /** It was in the kernel already (live or builtin): nothing done. */
        IN_KERNEL,
        /** Its load failed; {@link #detail()} says why. */
        FAILED,
        /** Not tried: a module it depends on failed or was skipped ({@link #detail()} names it). */
        SKIPPED,
        /** Dry run: it would be loaded. */
        WOULD_LOAD;

        /**
         * The lower-case name used in output ({@code in-kernel}, {@code would-load}...).
         *
         * @return the name
         */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /**
         * Whether the module is (or, in a dry run, would be) in the kernel afterwards.
         *
         * @return true for {@link #LOADED}, {@link #IN_KERNEL} and {@link #WOULD_LOAD}
         */
        public boolean succeeded() {
            return this == LOADED || this == IN_KERNEL || this == WOULD_LOAD;
        }
    }
}
