package io.github.jkmod.sysfs;

import java.util.Optional;

/**
 * The state of a module as the kernel exposes it, with the numeric values libkmod uses
 * ({@code BUILTIN 0, LIVE 1, COMING 2, GOING 3}, a negative errno when unknown).
 */
public enum ModuleState {
    /** Compiled into the kernel image: it cannot be loaded nor removed. */
    BUILTIN(0, "builtin"),
    /** Loaded and initialised ({@code initstate} holds {@code live}). */
    LIVE(1, "live"),
    /** Being loaded: its init function has not returned yet ({@code coming}). */
    COMING(2, "coming"),
    /** Being removed ({@code going}). */
    GOING(3, "going"),
    /** Neither loaded nor builtin; its {@link #code()} is {@code -ENOENT} (-2). */
    NOT_LOADED(-2, "not loaded");

    private final int code;
    private final String text;

    ModuleState(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /**
     * The numeric value libkmod gives this state; {@code -2} ({@code -ENOENT}) for {@link
     * #NOT_LOADED}.
     *
     * @return libkmod's {@code enum kmod_module_initstate} value, or {@code -2} for a module that
     *     is not loaded
     */
    public int code() {
        return code;
    }

    /**
     * The word of this state: what {@code initstate} holds for {@link #LIVE}, {@link #COMING} and
     * {@link #GOING}; {@code builtin} and {@code not loaded} for the others.
     *
     * @return the state's word, e.g. {@code live}, {@code builtin} or {@code not loaded}
     */
    public String text() {
        return text;
    }

    /**
     * The state named by the content of an {@code initstate} file (without its newline).
     *
     * @param content the file's content, newline removed
     * @return {@link #LIVE}, {@link #COMING} or {@link #GOING}; empty for any other text
     */
    public static Optional<ModuleState> fromInitstate(String content) {
        switch (content) {
            case "live":
                return Optional.of(LIVE);
            case "coming":
                return Optional.of(COMING);
            case "going":
                return Optional.of(GOING);
            default:
                return Optional.empty();
        }
    }
}
