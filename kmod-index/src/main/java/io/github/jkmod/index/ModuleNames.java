package io.github.jkmod.index;

/**
 * Module names as the index files use them: {@code -} is always {@code _}, and a name taken from a
 * file name ({@code kernel/fs/fuse/fuse.ko.xz}) is its base name cut at the first {@code .}.
 */
public final class ModuleNames {
    private ModuleNames() {
    }

    /**
     * The module name of a module file: the part of {@code path} after the last {@code /}, cut
     * at its first {@code .}, with {@code -} replaced by {@code _}; e.g.
     * {@code kernel/arch/x86/crypto/libblake2s-x86_64.ko.zst} gives {@code libblake2s_x86_64}.
     *
     * @param path the module file's path, relative or absolute, with any extension
     * @return the module name
     */
    public static String fromPath(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        return normalize(dot < 0 ? base : base.substring(0, dot));
    }

    /**
     * {@code name} with every {@code -} replaced by {@code _} (nothing is cut).
     *
     * @param name a module name or alias as written
     * @return the name in its normal form
     */
    public static String normalize(String name) {
        return name.replace('-', '_');
    }
}
