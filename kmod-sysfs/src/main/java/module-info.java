/**
 * Kernel module state from {@code /sys/module} and {@code /proc/modules} under any root, with
 * kmod 18's and kmod 20's reading of a module directory without {@code initstate}; the package
 * {@code io.github.jkmod.sysfs.testing} builds fake trees for tests.
 */
module io.github.jkmod.sysfs {
    requires transitive io.github.jkmod.index;

    exports io.github.jkmod.sysfs;
    exports io.github.jkmod.sysfs.testing;
}
