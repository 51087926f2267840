package io.github.jkmod.core.graph;

import io.github.jkmod.KmodException;

/** Graphviz's {@code dot} failed to render a graph: it exited with an error, or did not finish in time. */
public class GraphvizException extends KmodException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the {@code dot} command and, when it wrote any, its
     *     standard error
     */
    public GraphvizException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the I/O error behind it
     */
    public GraphvizException(String message, Throwable cause) {
        super(message, cause);
    }
}
