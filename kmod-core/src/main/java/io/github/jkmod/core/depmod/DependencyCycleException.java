package io.github.jkmod.core.depmod;

import io.github.jkmod.KmodException;

/**
 * The modules' dependencies hold a cycle: depmod reports each cycle ({@code Cycle detected: a -> b
 * -> a}) and the count of modules in cycles, writes nothing and fails.
 */
public class DependencyCycleException extends KmodException {
    private static final long serialVersionUID = 1L;

    /** A cycle was found; the cycles themselves went to the run's listener. */
    public DependencyCycleException() {
        super("dependency cycles found; no index written");
    }
}
