package io.github.jkmod.core.devices;

import io.github.jkmod.core.ProbeStep;
import java.util.List;
import java.util.Objects;

/**
 * A module of a host's load list: its load step and the modules that must be in the kernel first.
 *
 * @param step how it is loaded: {@link ProbeStep.Action#INSERT} (file and options),
 *     {@link ProbeStep.Action#RUN_INSTALL} (install command) or {@link ProbeStep.Action#NO_FILE}
 * @param dependencies the modules of the list it depends on ({@code modules.dep}): when one of them
 *     cannot be loaded, neither can this one
 * @param softPredecessors other modules of the list that modprobe loads before it (pre-softdeps and
 *     their dependencies): loaded first, but their failure does not stop this one, as in modprobe
 */
public record NeededModule(ProbeStep step, List<String> dependencies, List<String> softPredecessors) {
    /**
     * Copies the lists.
     *
     * @param step how it is loaded
     * @param dependencies the modules it depends on
     * @param softPredecessors the modules loaded before it whose failure does not matter
     */
    public NeededModule {
        Objects.requireNonNull(step, "step");
        dependencies = List.copyOf(dependencies);
        softPredecessors = List.copyOf(softPredecessors);
    }

    /**
     * The module's name.
     *
     * @return the name
     */
    public String name() {
        return step.module().name();
    }
}
