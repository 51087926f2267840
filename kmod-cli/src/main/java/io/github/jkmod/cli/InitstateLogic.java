package io.github.jkmod.cli;

import java.util.Optional;

/**
 * How a module's state is read from sysfs (see SEMANTICS.md §5): {@link #KMOD20}, the default, or
 * the racy {@link #KMOD18} logic kept to reproduce the original bug. Chosen with jkmod's own option
 * {@code --initstate-logic=kmod18|kmod20} or the environment variable
 * {@code JKMOD_INITSTATE_LOGIC}; the option wins.
 */
public enum InitstateLogic {
    /** kmod 18: a module directory without an {@code initstate} file is taken for builtin. */
    KMOD18("kmod18"),
    /** kmod 20 and later: builtin only per {@code modules.builtin.bin}; no {@code initstate} is COMING. */
    KMOD20("kmod20");

    private final String spelling;

    InitstateLogic(String spelling) {
        this.spelling = spelling;
    }

    /** The value as written on the command line: {@code kmod18} or {@code kmod20}. */
    public String spelling() {
        return spelling;
    }

    /** The logic spelled {@code text} exactly ({@code kmod18} or {@code kmod20}), if any. */
    public static Optional<InitstateLogic> fromSpelling(String text) {
        for (InitstateLogic l : values()) {
            if (l.spelling.equals(text)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
