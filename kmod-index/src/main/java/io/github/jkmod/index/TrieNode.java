package io.github.jkmod.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One node of the in-memory Patricia trie that {@link IndexWriter} builds: the rest of the edge
 * label ({@code prefix}), the children sorted by their character, and the values sorted by
 * ascending priority (ties newest-first). Not thread-safe.
 */
final class TrieNode {
    private static final char[] NO_CHARS = new char[0];
    private static final TrieNode[] NO_NODES = new TrieNode[0];

    String prefix;
    char[] childChars = NO_CHARS;
    TrieNode[] children = NO_NODES;
    List<IndexValue> values = new ArrayList<>(1);

    /** Offset assigned by the layout pass of {@link IndexWriter}. */
    int offset;

    TrieNode(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Inserts {@code value} under {@code key} (starting at this node, the root) and reports
     * whether an equal value string was already stored under that key.
     */
    boolean insert(String key, String value, int priority) {
        TrieNode node = this;
        int i = 0;
        while (true) {
            String pre = node.prefix;
            for (int j = 0; j < pre.length(); j++) {
                if (i + j >= key.length() || pre.charAt(j) != key.charAt(i + j)) {
                    node.split(j);
                    break;
                }
            }
            i += node.prefix.length();
            if (i == key.length()) {
                return node.addValue(value, priority);
            }
            char ch = key.charAt(i);
            TrieNode child = node.child(ch);
            if (child == null) {
                TrieNode leaf = new TrieNode(key.substring(i + 1));
                leaf.addValue(value, priority);
                node.putChild(ch, leaf);
                return false;
            }
            node = child;
            i++;
        }
    }

    /** Keeps {@code prefix[0..j)} here and moves everything else to a child at {@code prefix[j]}. */
    private void split(int j) {
        TrieNode moved = new TrieNode(prefix.substring(j + 1));
        moved.childChars = childChars;
        moved.children = children;
        moved.values = values;
        char ch = prefix.charAt(j);
        prefix = prefix.substring(0, j);
        childChars = new char[] {ch};
        children = new TrieNode[] {moved};
        values = new ArrayList<>(1);
    }

    /** Ordered insert: before the first value whose priority is >= {@code priority} (unsigned). */
    private boolean addValue(String value, int priority) {
        boolean duplicate = false;
        int at = values.size();
        for (int k = 0; k < values.size(); k++) {
            IndexValue v = values.get(k);
            if (at == values.size() && Integer.compareUnsigned(v.priority(), priority) >= 0) {
                at = k;
            }
            duplicate |= v.value().equals(value);
        }
        values.add(at, new IndexValue(priority, value));
        return duplicate;
    }

    TrieNode child(char ch) {
        int k = Arrays.binarySearch(childChars, ch);
        return k >= 0 ? children[k] : null;
    }

    private void putChild(char ch, TrieNode node) {
        int k = -Arrays.binarySearch(childChars, ch) - 1;
        char[] chars = new char[childChars.length + 1];
        TrieNode[] nodes = new TrieNode[children.length + 1];
        System.arraycopy(childChars, 0, chars, 0, k);
        System.arraycopy(children, 0, nodes, 0, k);
        chars[k] = ch;
        nodes[k] = node;
        System.arraycopy(childChars, k, chars, k + 1, childChars.length - k);
        System.arraycopy(children, k, nodes, k + 1, children.length - k);
        childChars = chars;
        children = nodes;
    }

    /** The flags of this node's word: which parts it holds. */
    int flags() {
        int flags = 0;
        if (!prefix.isEmpty()) {
            flags |= IndexWriter.FLAG_PREFIX;
        }
        if (childChars.length > 0) {
            flags |= IndexWriter.FLAG_CHILDS;
        }
        if (!values.isEmpty()) {
            flags |= IndexWriter.FLAG_VALUES;
        }
        return flags;
    }

    /** Bytes this node takes on disk (children's subtrees not included). */
    long size() {
        long size = 0;
        if (!prefix.isEmpty()) {
            size += prefix.length() + 1;
        }
        if (childChars.length > 0) {
            size += 2 + 4L * (childChars[childChars.length - 1] - childChars[0] + 1);
        }
        if (!values.isEmpty()) {
            size += 4;
            for (IndexValue v : values) {
                size += 4 + v.value().length() + 1;
            }
        }
        return size;
    }
}
