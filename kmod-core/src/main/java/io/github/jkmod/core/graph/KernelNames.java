package io.github.jkmod.core.graph;

/** Which names can be a directory of {@code sys/module} at all (a softdep may name anything). */
final class KernelNames {
    private KernelNames() {
    }

    /** False for the empty name, {@code .}, {@code ..} and names with a {@code /}. */
    static boolean isUsable(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
    }
}
