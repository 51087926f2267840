package io.github.jkmod.index;

import java.util.Arrays;

/**
 * The shape of a {@linkplain SoundTrie sound} index in a few int arrays, made once by the soundness
 * check: for each node (numbered from 0, the root) where its prefix and values are in the file and
 * which edges lead to its children, in ascending character order. The bytes themselves (prefixes,
 * values) stay in the mapped file; searches read the shape from here instead of parsing node
 * headers again and again. About 30 bytes a node (1 MB for a 35,000-node modules.alias.bin).
 * Immutable once built.
 */
final class NodeTable {
    int[] prefixStart = new int[256];
    int[] prefixEnd = new int[256];
    int[] values = new int[256];
    int[] count = new int[256];
    int[] edgeStart = new int[256];
    int[] edgeEnd = new int[256];
    byte[] edgeChar = new byte[256];
    int[] edgeNode = new int[256];
    private int nodes;
    private int edges;

    /** A new node, its fields to be set; returns its number. */
    int addNode() {
        if (nodes == prefixStart.length) {
            int n = nodes * 2;
            prefixStart = Arrays.copyOf(prefixStart, n);
            prefixEnd = Arrays.copyOf(prefixEnd, n);
            values = Arrays.copyOf(values, n);
            count = Arrays.copyOf(count, n);
            edgeStart = Arrays.copyOf(edgeStart, n);
            edgeEnd = Arrays.copyOf(edgeEnd, n);
        }
        return nodes++;
    }

    /** A new edge under character {@code c} to node {@code node}; returns its number. */
    int addEdge(int c, int node) {
        if (edges == edgeChar.length) {
            edgeChar = Arrays.copyOf(edgeChar, edges * 2);
            edgeNode = Arrays.copyOf(edgeNode, edges * 2);
        }
        edgeChar[edges] = (byte) c;
        edgeNode[edges] = node;
        return edges++;
    }

    /** The number of edges so far. */
    int edges() {
        return edges;
    }

    /** Drops the spare room once every node is in. */
    NodeTable trim() {
        prefixStart = Arrays.copyOf(prefixStart, nodes);
        prefixEnd = Arrays.copyOf(prefixEnd, nodes);
        values = Arrays.copyOf(values, nodes);
        count = Arrays.copyOf(count, nodes);
        edgeStart = Arrays.copyOf(edgeStart, nodes);
        edgeEnd = Arrays.copyOf(edgeEnd, nodes);
        edgeChar = Arrays.copyOf(edgeChar, edges);
        edgeNode = Arrays.copyOf(edgeNode, edges);
        return this;
    }

    /** The child of {@code node} under character {@code c}, or -1 (a binary search of its edges). */
    int child(int node, int c) {
        int lo = edgeStart[node];
        int hi = edgeEnd[node] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int ch = edgeChar[mid] & 0xff;
            if (ch < c) {
                lo = mid + 1;
            } else if (ch > c) {
                hi = mid - 1;
            } else {
                return edgeNode[mid];
            }
        }
        return -1;
    }
}
