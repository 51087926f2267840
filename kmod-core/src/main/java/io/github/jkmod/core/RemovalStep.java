package io.github.jkmod.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a removal did (or, in a dry run, would do), in order.
 *
 * @param module the module it was done for
 * @param action what was done
 * @param command the remove command run ({@link Action#RUN_REMOVE_COMMAND} only; without
 *     {@code $CMDLINE_OPTS}, which removal replaces by nothing)
 */
public record RemovalStep(String module, Action action, Optional<String> command) {

    /**
     * Checks the components.
     *
     * @param module the module it was done for
     * @param action what was done
     * @param command the remove command, with {@link Action#RUN_REMOVE_COMMAND} only
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the command is present for a module removal or absent for a command
     */
    public RemovalStep {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(command, "command");
        if (command.isPresent() != (action == Action.RUN_REMOVE_COMMAND)) {
            throw new IllegalArgumentException("a command goes with RUN_REMOVE_COMMAND only: " + action + " " + command);
        }
    }

    /**
     * The removal of a module from the kernel.
     *
     * @param module the module name
     * @return the step
     */
    public static RemovalStep removed(String module) {
        return new RemovalStep(module, Action.REMOVE, Optional.empty());
    }

    /**
     * A remove command of the configuration, run instead of removing the module.
     *
     * @param module the module name
     * @param command the command as run with {@code /bin/sh -c}
     * @return the step
     */
    public static RemovalStep command(String module, String command) {
        return new RemovalStep(module, Action.RUN_REMOVE_COMMAND, Optional.of(command));
    }

    /** What a removal step does. */
    public enum Action {
        /** The module was removed from the kernel ({@code delete_module}). */
        REMOVE,
        /** The configuration's {@code remove} command ran instead. */
        RUN_REMOVE_COMMAND
    }
}
