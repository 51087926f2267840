package io.github.jkmod.index;

/**
 * The five module indexes of a module directory, each with its binary file and the text file it
 * is built from.
 */
public enum IndexKind {
    /** Module name to its {@code modules.dep} line; exact search. */
    DEP("modules.dep.bin", "modules.dep", false),
    /** Normalised alias pattern to module name; wildcard search. */
    ALIAS("modules.alias.bin", "modules.alias", true),
    /** {@code symbol:NAME} to the module exporting it; wildcard search. */
    SYMBOLS("modules.symbols.bin", "modules.symbols", true),
    /** Builtin module name to the empty string; exact search. */
    BUILTIN("modules.builtin.bin", "modules.builtin", false),
    /** Normalised alias of a builtin module to its name; wildcard search. */
    BUILTIN_ALIAS("modules.builtin.alias.bin", "modules.builtin.modinfo", true);

    private final String binaryName;
    private final String textName;
    private final boolean wildcard;

    IndexKind(String binaryName, String textName, boolean wildcard) {
        this.binaryName = binaryName;
        this.textName = textName;
        this.wildcard = wildcard;
    }

    /**
     * The binary index's file name, e.g. {@code modules.alias.bin}.
     *
     * @return the name of the binary index file in the module directory
     */
    public String binaryName() {
        return binaryName;
    }

    /**
     * The file name of the text file the index is built from, e.g. {@code modules.alias}.
     *
     * @return the name of the text file in the module directory
     */
    public String textName() {
        return textName;
    }

    /**
     * Whether the keys are fnmatch patterns ({@link ModuleIndex#search}) rather than exact ({@link
     * ModuleIndex#lookup}).
     *
     * @return true when the index is searched with {@link ModuleIndex#search}, false for {@link
     *     ModuleIndex#lookup}
     */
    public boolean wildcard() {
        return wildcard;
    }
}
