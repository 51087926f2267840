package io.github.jkmod.core.graph;

/** Which way a {@link ModuleGraph} was walked from the modules asked for. */
public enum GraphDirection {
    /** What the modules need: their load plan, as {@code modprobe --show-depends} plans it. */
    LOAD,
    /** Who needs the modules: the modules that depend on them ({@code modules.dep}) or hold them (sysfs). */
    REVERSE
}
