package io.github.jkmod.core.upstream;

/**
 * The trees of the upstream cases that both the library test ({@code UpstreamLibraryCasesTest})
 * and kmod-cli's command-line test use; each written from the case's description, in this
 * project's words (module names kept where the case is about them).
 */
public final class UpstreamTrees {
    private UpstreamTrees() {
    }

    /**
     * test-weakdep: mod-loop-b has weak dependencies mod-loop-a and mod-simple (modprobe.d),
     * mod-weakdep has mod-simple ({@code modules.weakdep}); a weakdep line for mod-loop-a that names
     * nothing but white space (a space and a tab).
     */
    public static UpstreamTree weakdep(UpstreamTree t) {
        return t.depmodLike("kernel/mod-weakdep.ko:", "kernel/mod-simple.ko:", "kernel/mod-loop-b.ko:",
                "kernel/mod-loop-a.ko: kernel/mod-loop-b.ko")
                .text("modules.weakdep", "# Weak dependencies extracted from modules themselves.",
                        "weakdep mod_weakdep mod-simple")
                .emptyIndex("modules.builtin.alias.bin")
                .conf("weak.conf", "weakdep mod-loop-a \t", "weakdep mod-loop-b mod-loop-a mod-simple");
    }

    /** test-dependencies: mod-foo needs mod-foo-a, mod-foo-b and mod-foo-c, in three directories. */
    public static UpstreamTree dependencies(UpstreamTree t) {
        return t.depmodLike("kernel/fs/foo/mod-foo-b.ko:", "kernel/mod-foo-c.ko:", "kernel/lib/mod-foo-a.ko:",
                "kernel/fs/mod-foo.ko: kernel/fs/foo/mod-foo-b.ko kernel/lib/mod-foo-a.ko kernel/mod-foo-c.ko");
    }

    /**
     * test-multi-softdep: several softdep lines (tab-separated) for one module, in one file and
     * across two files.
     */
    public static UpstreamTree multiSoftdep(UpstreamTree t) {
        return t.depmodLike("kernel/mod-foo-b.ko:", "kernel/mod-foo-c.ko:", "kernel/mod-foo-a.ko:",
                "kernel/mod-softdep-b.ko:", "kernel/mod-softdep-a.ko:")
                .emptyIndex("modules.builtin.alias.bin")
                .conf("s1.conf", "softdep\tmod-softdep-a\tpre: mod-foo-a", "softdep\tmod-softdep-a\tpre: mod-foo-b",
                        "softdep\tmod-softdep-a\tpost: mod-foo-c", "softdep\tmod-softdep-b\tpre: mod-foo-a")
                .conf("s2.conf", "softdep\tmod-softdep-b\tpost: mod-foo-b mod-foo-c");
    }

    /**
     * test-initstate and test-init's load_resources: no module, one builtin (fake_builtin), no
     * {@code modules.builtin.modinfo} (so no builtin alias index).
     */
    public static UpstreamTree initstate(UpstreamTree t) {
        return t.dep().text("modules.builtin", "kernel/fake_builtin.ko")
                .text("modules.alias", "# Aliases extracted from modules themselves.")
                .text("modules.symbols", "# Aliases for symbols, used by symbol_request().")
                .text("modules.softdep", "# Soft dependencies extracted from modules themselves.")
                .text("modules.devname", "# Device nodes to trigger on-demand module loading.");
    }

    /** test-blacklist: four modules, two of them blacklisted. */
    public static UpstreamTree blacklist(UpstreamTree t) {
        return t.depmodLike("kernel/beeper.ko:", "kernel/beeper2.ko:", "kernel/diskette.ko:", "kernel/fsmod.ko:")
                .conf("bl.conf", "blacklist diskette", "blacklist beeper");
    }
}
