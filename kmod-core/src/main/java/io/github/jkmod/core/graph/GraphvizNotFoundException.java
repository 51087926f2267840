package io.github.jkmod.core.graph;

/** There is no Graphviz {@code dot} command to run: Graphviz is not installed (or not on {@code PATH}). */
public class GraphvizNotFoundException extends GraphvizException {
    private static final long serialVersionUID = 1L;

    /** @param message where {@code dot} was looked for and what to install */
    public GraphvizNotFoundException(String message) {
        super(message);
    }
}
