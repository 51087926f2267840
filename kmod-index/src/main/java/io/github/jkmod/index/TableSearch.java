package io.github.jkmod.index;

import java.util.Arrays;
import java.util.List;

/**
 * A wildcard search on a {@linkplain SoundTrie sound} index, read through its {@link NodeTable}:
 * the same walk as {@link WildcardSearch} (the descent along the query, the scans of the subtrees
 * under wildcards, the same nodes in the same order, each node after its children), less the
 * subtrees that cannot match. While a scan's pattern text from the wildcard on holds only plain
 * bytes, {@code ?} and {@code *}, it keeps the {@link QueryBits} row of the query positions that
 * text can reach; an empty row skips the subtree, and at a node with values the row decides the
 * match. Below a {@code [} or {@code \} the subtree is scanned in full with {@link Fnmatch}. On a
 * sound index no read can fail, so there are no guards here.
 */
final class TableSearch {
    private static final byte[] WILDCARD_CHILDREN = {'*', '?', '['};

    private final IndexData data;
    private final NodeTable t;
    private final byte[] query;
    private final OrderedValues results = new OrderedValues();
    private QueryBits bits;
    private byte[] prefix = new byte[64];
    private byte[] key = new byte[128];
    private int[] nodes = new int[16];
    private int[] lengths = new int[16];
    private int[] next = new int[16];
    private boolean[] simple = new boolean[16];
    private long[][] rows = new long[16][];

    TableSearch(IndexData data, NodeTable table, byte[] query) {
        this.data = data;
        this.t = table;
        this.query = query;
    }

    List<IndexValue> run() throws IndexFormatException {
        if (t.prefixStart.length == 0) {
            return results.result();
        }
        int node = 0;
        int i = 0;
        while (true) {
            int length = t.prefixEnd[node] - t.prefixStart[node];
            if (length > 0) {
                if (length > prefix.length) {
                    prefix = new byte[Math.max(length, prefix.length * 2)];
                }
                data.copy(t.prefixStart[node], t.prefixEnd[node], prefix, 0);
                for (int j = 0; j < length; j++) {
                    int b = prefix[j] & 0xff;
                    if (b == '*' || b == '?' || b == '[') {
                        scan(node, prefix, j, length - j, i + j);
                        return results.result();
                    }
                    if (i + j >= query.length || (query[i + j] & 0xff) != b) {
                        return results.result();
                    }
                }
                i += length;
            }
            for (byte wildcard : WILDCARD_CHILDREN) {
                int child = t.child(node, wildcard);
                if (child >= 0) {
                    int childLength = t.prefixEnd[child] - t.prefixStart[child];
                    byte[] text = new byte[1 + childLength];
                    text[0] = wildcard;
                    data.copy(t.prefixStart[child], t.prefixEnd[child], text, 1);
                    scan(child, text, 0, text.length, i);
                }
            }
            if (i == query.length) {
                data.readValuesAt(t.values[node], t.count[node], results::add);
                break;
            }
            node = t.child(node, query[i] & 0xff);
            if (node < 0) {
                break;
            }
            i++;
        }
        return results.result();
    }

    /**
     * Scans the subtree of {@code start}, whose pattern text from the wildcard on is
     * {@code text[textFrom, textFrom + length)}, against the query from {@code from} on.
     */
    private void scan(int start, byte[] text, int textFrom, int length, int from)
            throws IndexFormatException {
        if (bits == null) {
            bits = new QueryBits(query);
        }
        ensureKey(length);
        System.arraycopy(text, textFrom, key, 0, length);
        long[] row = row(0);
        bits.single(row, from);
        boolean isSimple = true;
        for (int i = 0; i < length && isSimple; i++) {
            int b = key[i] & 0xff;
            if (b == '[' || b == '\\') {
                isSimple = false;
            } else if (!bits.step(row, row, b)) {
                return;
            }
        }
        nodes[0] = start;
        lengths[0] = length;
        next[0] = t.edgeStart[start];
        simple[0] = isSimple;
        int depth = 0;
        while (depth >= 0) {
            int node = nodes[depth];
            int e = next[depth];
            if (e >= t.edgeEnd[node]) {
                visit(node, depth, from);
                depth--;
                continue;
            }
            next[depth] = e + 1;
            int child = t.edgeNode[e];
            int parentLength = lengths[depth];
            int childLength = parentLength + 1 + t.prefixEnd[child] - t.prefixStart[child];
            ensureKey(childLength);
            key[parentLength] = t.edgeChar[e];
            data.copy(t.prefixStart[child], t.prefixEnd[child], key, parentLength + 1);
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
            next[depth] = t.edgeStart[child];
            simple[depth] = childSimple;
        }
    }

    private void visit(int node, int depth, int from) throws IndexFormatException {
        if (t.count[node] == 0) {
            return;
        }
        boolean match = simple[depth]
                ? bits.matchesAll(rows[depth])
                : Fnmatch.matches(key, 0, lengths[depth], query, from, query.length);
        if (match) {
            data.readValuesAt(t.values[node], t.count[node], results::add);
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
