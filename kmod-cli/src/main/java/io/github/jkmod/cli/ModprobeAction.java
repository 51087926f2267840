package io.github.jkmod.cli;

/**
 * What a modprobe invocation does, decided the way kmod 30 decides it when several action options
 * are given: {@code -c} beats {@code --show-modversions}, which beats {@code --show-exports}, which
 * beats {@code -r}; otherwise modules are inserted ({@code -R}, {@code -D} and {@code -n} only change
 * how).
 */
public enum ModprobeAction {
    /** {@code -c}: print the configuration and the indexes. */
    SHOW_CONFIG,
    /** {@code --show-modversions}: print the symbol versions of the file named by the first operand. */
    SHOW_MODVERSIONS,
    /** {@code --show-exports}: print the exported symbols of the file named by the first operand. */
    SHOW_EXPORTS,
    /** {@code -r}: remove the modules. */
    REMOVE,
    /** The default: insert the modules (or, with {@code -R}, {@code -D}, {@code -n}, only show). */
    INSERT
}
