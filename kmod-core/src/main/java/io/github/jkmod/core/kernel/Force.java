package io.github.jkmod.core.kernel;

import java.util.Set;

/** What an insertion may ignore ({@code modprobe -f}, {@code --force-modversion}, {@code --force-vermagic}). */
public enum Force {
    /**
     * Ignore symbol versions: {@code finit_module} flag 1; on the {@code init_module} path the copy's
     * {@code __versions} section loses {@code SHF_ALLOC}.
     */
    MODVERSION(KernelCalls.FINIT_IGNORE_MODVERSIONS),
    /**
     * Ignore the version magic: {@code finit_module} flag 2; on the {@code init_module} path the
     * copy's {@code vermagic=} string in {@code .modinfo} is blanked.
     */
    VERMAGIC(KernelCalls.FINIT_IGNORE_VERMAGIC);

    private final int finitFlag;

    Force(int finitFlag) {
        this.finitFlag = finitFlag;
    }

    /** The {@code finit_module} flag. */
    public int finitFlag() {
        return finitFlag;
    }

    /** The {@code finit_module} flags of a set of forces (0 for none). */
    public static int finitFlags(Set<Force> forces) {
        int flags = 0;
        for (Force f : forces) {
            flags |= f.finitFlag;
        }
        return flags;
    }
}
