package io.github.jkmod.cli.common;

/** A command line a tool refuses: the text for standard error (newline-terminated); exit status 1. */
public final class ToolUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param text what to print on standard error */
    public ToolUsageException(String text) {
        super(text, null, false, false);
    }

    /**
     * What to print on standard error.
     *
     * @return the text, as the real tool prints it
     */
    public String text() {
        return getMessage();
    }
}
