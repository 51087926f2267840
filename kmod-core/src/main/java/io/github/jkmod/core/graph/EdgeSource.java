package io.github.jkmod.core.graph;

/** Where the graph learned an edge from. */
public enum EdgeSource {
    /** The module directory's {@code modules.dep}. */
    MODULES_DEP,
    /**
     * The configuration: {@code softdep} and {@code weakdep} lines of modprobe.d,
     * {@code modules.softdep}, {@code modules.weakdep}.
     */
    CONFIG,
    /** The live kernel: {@code /sys/module/OTHER/holders/MODULE}. */
    HOLDERS
}
