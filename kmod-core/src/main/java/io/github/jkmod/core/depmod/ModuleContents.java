package io.github.jkmod.core.depmod;

import java.util.List;

/**
 * What depmod reads from one module file.
 *
 * @param exports the exported symbols (names and crcs), in the file's order
 * @param dependencySymbols the undefined symbols, then the unmatched {@code __versions} entries
 * @param aliases the {@code alias} values of {@code .modinfo}, in order
 * @param softdeps the {@code softdep} values
 * @param weakdeps the {@code weakdep} values
 */
record ModuleContents(List<Symbol> exports, List<Symbol> dependencySymbols, List<String> aliases,
        List<String> softdeps, List<String> weakdeps) {

    static final ModuleContents EMPTY = new ModuleContents(List.of(), List.of(), List.of(), List.of(), List.of());

    /**
     * A symbol with its crc and, for a dependency, whether it is weak.
     *
     * @param name the symbol name
     * @param crc its version crc (0 when unknown)
     * @param weak whether an undefined symbol is bound weakly
     */
    record Symbol(String name, long crc, boolean weak) {
    }
}
