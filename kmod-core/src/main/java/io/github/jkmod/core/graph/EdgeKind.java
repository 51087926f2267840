package io.github.jkmod.core.graph;

/** What an edge of a {@link ModuleGraph} stands for; each kind is drawn in its own style. */
public enum EdgeKind {
    /** A hard dependency: the module cannot load without the other one ({@code modules.dep}, or a live holder). */
    HARD,
    /** A {@code softdep MODULE pre: OTHER}: loaded before the module, its failure ignored. */
    SOFTDEP_PRE,
    /** A {@code softdep MODULE post: OTHER}: loaded after the module, its failure ignored. */
    SOFTDEP_POST,
    /** A {@code weakdep MODULE OTHER}: never loaded by modprobe, listed for initramfs builders (kmod 33+). */
    WEAKDEP
}
