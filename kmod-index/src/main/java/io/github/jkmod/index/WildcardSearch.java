package io.github.jkmod.index;

import java.util.List;

/**
 * One wildcard search (docs/index-format.md): the stored keys are fnmatch patterns, the query is
 * literal. The walk descends along the query; where a node's prefix holds a wildcard, that node's
 * subtree is scanned and the walk stops; else the subtrees under the children {@code *}, {@code ?}
 * and {@code [} are scanned before stepping on, and the values of the node where the query ends are
 * taken. A scan takes the values of every node whose pattern (from the wildcard on) matches the rest
 * of the query, children before their parent. All results are merged in the reference order.
 * A sound file is searched by {@link TableSearch} instead, which skips what cannot match.
 */
final class WildcardSearch {
    private static final byte[] WILDCARD_CHILDREN = {'*', '?', '['};

    private final IndexData data;
    private final byte[] query;
    private final OrderedValues results = new OrderedValues();
    private final SubtreeWalk.Budget budget;
    /** The shape of a sound file, when pruning is on; null on other files. */
    private final NodeTable table;

    /**
     * @param prune whether to search a {@linkplain SoundTrie sound} file with {@link TableSearch},
     *     which skips the subtrees that cannot match; the results are the same either way
     */
    WildcardSearch(IndexData data, byte[] query, boolean prune) {
        this.data = data;
        this.query = query;
        int wildcards = 0;
        for (byte b : query) {
            if (b == '*' || b == '?' || b == '[') {
                wildcards++;
            }
        }
        this.budget = new SubtreeWalk.Budget(data, 1L + wildcards);
        this.table = prune ? data.table() : null;
    }

    List<IndexValue> run() throws IndexFormatException {
        if (table != null) {
            return new TableSearch(data, table, query).run();
        }
        KeyDescent descent = new KeyDescent(data, query, true);
        for (Node node = descent.next(); node != null; node = descent.next()) {
            int i = descent.matched();
            for (byte wildcard : WILDCARD_CHILDREN) {
                int childWord = data.childWord(node, wildcard);
                if (childWord != 0) {
                    Node child = data.node(childWord, node.childWordAt(wildcard));
                    byte[] text = new byte[1 + child.prefixLength()];
                    text[0] = wildcard;
                    data.copy(child.prefixStart(), child.prefixEnd(), text, 1);
                    scan(child, text, text.length, i);
                }
            }
            if (descent.atEnd()) {
                data.readValues(node, results);
                return results.result();
            }
            descent.descend(node);
        }
        int wildcardAt = descent.wildcardAt();
        if (wildcardAt >= 0) {
            Node node = descent.wildcardNode();
            int length = node.prefixEnd() - wildcardAt;
            byte[] text = new byte[length];
            data.copy(wildcardAt, node.prefixEnd(), text, 0);
            scan(node, text, length, descent.matched());
        }
        return results.result();
    }

    /**
     * Scans the subtree of {@code start}, whose pattern text from the wildcard on is
     * {@code text[0, length)}, against the query from {@code from} on.
     */
    private void scan(Node start, byte[] text, int length, int from) throws IndexFormatException {
        SubtreeWalk walk = new SubtreeWalk(data, true, budget);
        // A class, not a lambda: linking lambdas costs start-up time (alias lookups come here).
        walk.walk(start, text, length, new SubtreeWalk.Visitor() {
            @Override
            public void node(Node node, byte[] pattern, int patternLength) throws IndexFormatException {
                if (node.count() > 0
                        && Fnmatch.matches(pattern, 0, patternLength, query, from, query.length)) {
                    walk.charge(node, data.readValues(node, results));
                }
            }
        });
    }
}
