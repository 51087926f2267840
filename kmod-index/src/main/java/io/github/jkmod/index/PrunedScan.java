package io.github.jkmod.index;

import java.util.Arrays;

/**
 * The subtree scan of a wildcard search on a {@linkplain SoundTrie sound} index: the same nodes in
 * the same order as the full scan (children in ascending character order, each node after its
 * children), less the subtrees that cannot match. While the pattern text from the wildcard on holds
 * only plain bytes, {@code ?} and {@code *}, the scan keeps the {@link QueryBits} row of the query
 * positions that text can reach; an empty row skips the subtree, and at a node with values the row
 * decides the match. Below a {@code [} or {@code \} the subtree is scanned in full with
 * {@link Fnmatch}. On a sound index no read can fail, so there are no guards here.
 */
final class PrunedScan {
    private final IndexData data;
    private final byte[] query;
    private final QueryBits bits;
    private final OrderedValues results;
    private byte[] key = new byte[128];
    private Node[] nodes = new Node[16];
    private int[] lengths = new int[16];
    private int[] next = new int[16];
    private boolean[] simple = new boolean[16];
    private long[][] rows = new long[16][];

    PrunedScan(IndexData data, byte[] query, OrderedValues results) {
        this.data = data;
        this.query = query;
        this.bits = new QueryBits(query);
        this.results = results;
    }

    /**
     * Scans the subtree of {@code start}, whose pattern text from the wildcard on is
     * {@code text[0, length)}, against the query from {@code from} on.
     */
    void scan(Node start, byte[] text, int length, int from) throws IndexFormatException {
        ensureKey(length);
        System.arraycopy(text, 0, key, 0, length);
        long[] row = row(0);
        bits.single(row, from);
        boolean isSimple = true;
        for (int i = 0; i < length && isSimple; i++) {
            int b = text[i] & 0xff;
            if (b == '[' || b == '\\') {
                isSimple = false;
            } else if (!bits.step(row, row, b)) {
                return;
            }
        }
        nodes[0] = start;
        lengths[0] = length;
        next[0] = start.first();
        simple[0] = isSimple;
        int depth = 0;
        while (depth >= 0) {
            Node node = nodes[depth];
            int c = next[depth];
            int word = 0;
            while (c <= node.last() && (word = data.childWord(node, c)) == 0) {
                c++;
            }
            if (c > node.last()) {
                visit(node, depth, from);
                nodes[depth] = null;
                depth--;
                continue;
            }
            next[depth] = c + 1;
            Node child = data.node(word, node.childWordAt(c));
            int parentLength = lengths[depth];
            int childLength = parentLength + 1 + child.prefixLength();
            ensureKey(childLength);
            key[parentLength] = (byte) c;
            data.copy(child.prefixStart(), child.prefixEnd(), key, parentLength + 1);
            boolean childSimple = simple[depth];
            if (childSimple) {
                long[] to = row(depth + 1);
                long[] fromRow = rows[depth];
                boolean alive = true;
                for (int i = parentLength; i < childLength; i++) {
                    int b = key[i] & 0xff;
                    if (b == '[' || b == '\\') {
                        childSimple = false;
                        break;
                    }
                    if (!bits.step(fromRow, to, b)) {
                        alive = false;
                        break;
                    }
                    fromRow = to;
                }
                if (!alive) {
                    continue;
                }
            }
            depth++;
            ensureDepth(depth);
            nodes[depth] = child;
            lengths[depth] = childLength;
            next[depth] = child.first();
            simple[depth] = childSimple;
        }
    }

    private void visit(Node node, int depth, int from) throws IndexFormatException {
        if (node.count() == 0) {
            return;
        }
        boolean match = simple[depth]
                ? bits.matchesAll(rows[depth])
                : Fnmatch.matches(key, 0, lengths[depth], query, from, query.length);
        if (match) {
            data.readValues(node, results::add);
        }
    }

    private long[] row(int depth) {
        ensureDepth(depth);
        long[] row = rows[depth];
        if (row == null) {
            row = new long[bits.words()];
            rows[depth] = row;
        }
        return row;
    }

    private void ensureDepth(int depth) {
        if (depth >= nodes.length) {
            int n = nodes.length * 2;
            nodes = Arrays.copyOf(nodes, n);
            lengths = Arrays.copyOf(lengths, n);
            next = Arrays.copyOf(next, n);
            simple = Arrays.copyOf(simple, n);
            rows = Arrays.copyOf(rows, n);
        }
    }

    private void ensureKey(int length) {
        if (length > key.length) {
            key = Arrays.copyOf(key, Math.max(length, key.length * 2));
        }
    }
}
