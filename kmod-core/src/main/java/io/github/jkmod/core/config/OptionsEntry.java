package io.github.jkmod.core.config;

import java.util.Objects;

/**
 * One {@code options MODULE OPTS...} line of the configuration, or one {@code module.param[=value]}
 * word of the kernel command line.
 *
 * @param module the module (or alias) name, normalised; matched by equality, never as a pattern
 * @param options the rest of the line exactly as written after the single blank that ends the
 *     module name (leading and trailing blanks kept), with every tab turned into a space
 */
public record OptionsEntry(String module, String options) {
    /**
     * Checks that both parts are present.
     *
     * @param module the module or alias name, normalised
     * @param options the options text, as written
     */
    public OptionsEntry {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(options, "options");
    }
}
