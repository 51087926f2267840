/**
 * The kmod index files of a module directory: {@code modules.dep}, {@code modules.alias},
 * {@code modules.symbols}, ... and their {@code .bin} tries, read and written byte for byte as
 * kmod's depmod does; and {@link io.github.jkmod.KmodException}, the checked exception family of
 * every jkmod module.
 */
module io.github.jkmod.index {
    exports io.github.jkmod;
    exports io.github.jkmod.index;
}
