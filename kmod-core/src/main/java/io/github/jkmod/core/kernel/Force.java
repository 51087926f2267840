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

    /**
     * The {@code finit_module} flag.
     *
     * @return the flag bit this force sets in {@code finit_module}'s flags
     */
    public int finitFlag() {
        return finitFlag;
    }

    /**
     * The {@code finit_module} flags of a set of forces (0 for none).
     *
     * @param forces the forces asked for
     * @return the flags, or-ed together
     */
    public static int finitFlags(Set<Force> forces) {
        int flags = 0;
        for (Force f : forces) {
            flags |= f.finitFlag;
        }
        return flags;
    }
}
