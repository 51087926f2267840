package io.github.jkmod.core.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link ModuleGraph} as Graphviz DOT text: one {@code digraph}, nodes sorted by name, edges by
 * (from, to, kind), so that the same graph always gives the same bytes. Styles:
 * <ul>
 * <li>edges: hard dependency solid, softdep pre dashed, softdep post dotted, weakdep blue with an
 * empty arrowhead (each labelled with its kind and, when the configuration names the module
 * through an alias, that alias: {@code pre: crypto-crc32c}); in a reverse graph an edge known
 * only from {@code holders/} is orange, one known
 * from both {@code modules.dep} and {@code holders/} black and orange;</li>
 * <li>nodes: builtin filled grey, loaded filled green, not found dashed red (each with a second
 * label line saying so), the modules asked for with a double border.</li>
 * </ul>
 * A load graph is laid out top to bottom, a reverse graph right to left (the module needed at the
 * left, what needs it to the right). The graph's label is the legend. Names are written as DOT quoted strings: {@code "} and
 * {@code \} escaped, so any name gives a well-formed file (a node's id, and Graphviz's SVG
 * {@code <title>}, is the name with each backslash doubled).
 */
public final class DotWriter {
    /** The colour of an edge known from the live {@code holders/}. */
    static final String HOLDERS_COLOUR = "#d95f02";
    /** The colour of a weakdep edge. */
    static final String WEAKDEP_COLOUR = "#1f5fbf";

    private DotWriter() {
    }

    /**
     * The DOT text of a graph.
     *
     * @param graph the graph
     * @return the text, newline-terminated
     */
    public static String write(ModuleGraph graph) {
        StringBuilder b = new StringBuilder(256 + 64 * (graph.nodes().size() + graph.edges().size()));
        b.append("digraph ").append(quote(graph.direction() == GraphDirection.LOAD ? "load plan" : "needed by"))
                .append(" {\n");
        // a reverse graph fans in: laid out right to left, it grows downwards instead of sideways
        b.append("  graph [rankdir=").append(graph.direction() == GraphDirection.LOAD ? "TB" : "RL")
                .append(", fontname=\"Helvetica\", fontsize=10, labelloc=b, labeljust=l, label=\"")
                .append(legend(graph)).append("\"];\n");
        b.append("  node [shape=box, fontname=\"Helvetica\", fontsize=11];\n");
        b.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        List<GraphNode> nodes = new ArrayList<>(graph.nodes());
        nodes.sort(Comparator.comparing(GraphNode::name));
        for (GraphNode n : nodes) {
            b.append("  ").append(quote(n.name())).append(" [").append(nodeAttributes(n)).append("];\n");
        }
        List<GraphEdge> edges = new ArrayList<>(graph.edges());
        edges.sort(Comparator.comparing(GraphEdge::from).thenComparing(GraphEdge::to)
                .thenComparing(GraphEdge::kind));
        for (GraphEdge e : edges) {
            b.append("  ").append(quote(e.from())).append(" -> ").append(quote(e.to()));
            String attributes = edgeAttributes(e);
            if (!attributes.isEmpty()) {
                b.append(" [").append(attributes).append(']');
            }
            b.append(";\n");
        }
        return b.append("}\n").toString();
    }

    private static String nodeAttributes(GraphNode n) {
        String label = escape(n.name());
        StringBuilder a = new StringBuilder();
        switch (n.mark()) {
            case BUILTIN:
                a.append("style=filled, fillcolor=\"#dddddd\"");
                label += "\\nbuiltin";
                break;
            case LOADED:
                a.append("style=filled, fillcolor=\"#c7e9c0\"");
                label += "\\nloaded";
                break;
            case NOT_FOUND:
                a.append("style=dashed, color=\"#cc0000\", fontcolor=\"#cc0000\"");
                label += "\\nnot found";
                break;
            default:
                break;
        }
        if (n.requested()) {
            a.append(a.length() == 0 ? "" : ", ").append("peripheries=2");
        }
        a.append(a.length() == 0 ? "" : ", ").append("label=\"").append(label).append('"');
        return a.toString();
    }

    private static String edgeAttributes(GraphEdge e) {
        String via = e.via().isEmpty() ? "" : ": " + escape(String.join(" ", e.via()));
        switch (e.kind()) {
            case SOFTDEP_PRE:
                return "style=dashed, label=\"pre" + via + "\"";
            case SOFTDEP_POST:
                return "style=dotted, label=\"post" + via + "\"";
            case WEAKDEP:
                return "color=\"" + WEAKDEP_COLOUR + "\", fontcolor=\"" + WEAKDEP_COLOUR
                        + "\", arrowhead=empty, label=\"weak" + via + "\"";
            default:
                break;
        }
        boolean dep = e.sources().contains(EdgeSource.MODULES_DEP);
        boolean holders = e.sources().contains(EdgeSource.HOLDERS);
        if (holders && dep) {
            return "color=\"black:" + HOLDERS_COLOUR + "\"";
        }
        return holders ? "color=\"" + HOLDERS_COLOUR + "\"" : "";
    }

    private static String legend(ModuleGraph graph) {
        String edges = graph.direction() == GraphDirection.LOAD
                ? "solid: modules.dep, dashed: softdep pre, dotted: softdep post, blue: weakdep"
                : "A -> B: A needs B. black: modules.dep, orange: holders/ in sysfs, both: black and orange";
        return edges + "\\lgrey: builtin, green: loaded, red dashed: not found, double border: "
                + escape(String.join(" ", graph.requested())) + "\\l";
    }

    /** A DOT quoted string: {@code "} and {@code \} escaped. */
    static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
