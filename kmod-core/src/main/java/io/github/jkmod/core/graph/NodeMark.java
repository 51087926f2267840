package io.github.jkmod.core.graph;

/** What a node of a {@link ModuleGraph} is, as far as loading goes. */
public enum NodeMark {
    /** A module file that is not loaded: loading it inserts it. */
    MODULE,
    /**
     * Live in the kernel whose sysfs was read ({@code initstate} {@code live}). A module coming or
     * going, or a {@code sys/module} directory without {@code initstate} that the builtin index
     * does not explain (kmod 20 reads it as coming), is not marked loaded.
     */
    LOADED,
    /** Built into the kernel ({@code modules.builtin}): nothing to load. */
    BUILTIN,
    /**
     * Neither in {@code modules.dep} nor builtin: an alias or softdep that points at a module the
     * tree does not have, or a softdep or weakdep name that nothing answers.
     */
    NOT_FOUND
}
