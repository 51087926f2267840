package io.github.jkmod.index;

import io.github.jkmod.KmodException;

/**
 * An alias cannot be normalised: it holds a {@code ]} without a {@code [} before it, or a
 * {@code [} without a {@code ]} after it. The message names the alias and the position.
 */
public class InvalidAliasException extends KmodException {
    private static final long serialVersionUID = 1L;

    /** The alias as given, quoted in the message. */
    private final String alias;

    /**
     * @param alias the alias as given
     * @param reason what is wrong with it, e.g. "'[' at 1 has no ']'"
     */
    public InvalidAliasException(String alias, String reason) {
        super("invalid alias \"" + alias + "\": " + reason);
        this.alias = alias;
    }

    /**
     * The alias as given.
     *
     * @return the alias that could not be normalised, unchanged
     */
    public String alias() {
        return alias;
    }
}
