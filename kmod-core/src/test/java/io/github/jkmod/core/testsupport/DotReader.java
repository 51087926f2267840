package io.github.jkmod.core.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the DOT that {@code DotWriter} writes, independently of it: a tokenizer of DOT's
 * quoted strings ({@code \"} the only escape, as in Graphviz) and punctuation, then the statements
 * {@code ID [attrs];} (a node) and {@code ID -> ID [attrs];} (an edge) of one {@code digraph};
 * {@code graph}, {@code node} and {@code edge} default statements are skipped. Fails on anything
 * unbalanced: an unterminated string, a statement without {@code ;}, text after the closing brace.
 */
public final class DotReader {
    /** A node: its id (the quoted string, unescaped as Graphviz does) and attributes. */
    public record Node(String id, Map<String, String> attributes) {
    }

    /** An edge and its attributes. */
    public record Edge(String from, String to, Map<String, String> attributes) {
    }

    /** The statements read. */
    public record Graph(List<Node> nodes, List<Edge> edges) {
    }

    private final List<String> tokens = new ArrayList<>();
    private final List<Boolean> quoted = new ArrayList<>();
    private int pos;

    private DotReader(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unterminated string");
                    }
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        b.append('"');
                        i += 2;
                    } else if (d == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                        // kept as two, as Graphviz keeps it, but not read as an escape of the next quote
                        b.append("\\\\");
                        i += 2;
                    } else if (d == '"') {
                        i++;
                        break;
                    } else {
                        b.append(d);
                        i++;
                    }
                }
                tokens.add(b.toString());
                quoted.add(true);
            } else if (text.startsWith("->", i)) {
                tokens.add("->");
                quoted.add(false);
                i += 2;
            } else if ("{}[];,=".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                quoted.add(false);
                i++;
            } else {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '.' || text.charAt(i) == '#')) {
                    i++;
                }
                if (start == i) {
                    throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
                }
                tokens.add(text.substring(start, i));
                quoted.add(false);
            }
        }
    }

    /**
     * Parses DOT text.
     *
     * @param text the text
     * @return its nodes and edges, in file order
     * @throws IllegalArgumentException when it is not well-formed
     */
    public static Graph read(String text) {
        return new DotReader(text).graph();
    }

    private Graph graph() {
        expect("digraph");
        next(); // the graph's id
        expect("{");
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        while (!peek().equals("}") || quoted.get(pos)) {
            boolean isQuoted = quoted.get(pos);
            String first = next();
            if (!isQuoted && (first.equals("graph") || first.equals("node") || first.equals("edge"))) {
                attributes();
            } else if (peek().equals("->")) {
                next();
                String to = next();
                edges.add(new Edge(first, to, attributes()));
            } else {
                nodes.add(new Node(first, attributes()));
            }
            expect(";");
        }
        expect("}");
        if (pos != tokens.size()) {
            throw new IllegalArgumentException("text after the graph");
        }
        return new Graph(nodes, edges);
    }

    private Map<String, String> attributes() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!peek().equals("[")) {
            return out;
        }
        next();
        while (!peek().equals("]")) {
            String key = next();
            expect("=");
            out.put(key, next());
            if (peek().equals(",")) {
                next();
            }
        }
        next();
        return out;
    }

    private String peek() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return tokens.get(pos);
    }

    private String next() {
        String t = peek();
        pos++;
        return t;
    }

    private void expect(String token) {
        String t = next();
        if (!t.equals(token)) {
            throw new IllegalArgumentException("expected " + token + ", found " + t);
        }
    }
}
