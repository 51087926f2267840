package io.github.jkmod.index;

import java.util.Arrays;

/**
 * One walk down the trie along a key, shared by an exact lookup and the literal part of a
 * wildcard search: each step enters a node, matches its prefix against the key byte by byte, and
 * then descends into the child for the next key byte. A node met twice on the walk means the trie
 * has a cycle; the walk takes one key byte per step, so it stays short and the nodes met are
 * checked with a linear scan.
 *
 * <pre>{@code
 * KeyDescent d = new KeyDescent(data, key, false);
 * for (Node node = d.next(); node != null; node = d.next()) {
 *     if (d.atEnd()) { ... the key ends at node ... }
 *     d.descend(node);
 * }
 * }</pre>
 */
final class KeyDescent {
    private final IndexData data;
    private final byte[] key;
    private final boolean stopAtWildcard;
    /** The offsets of the nodes entered so far, {@code [0, depth)}. */
    private int[] entered = new int[16];
    private int depth;
    private int word;
    private int wordAt = IndexData.ROOT_WORD_AT;
    private int matched;
    private int wildcardAt = -1;

    /**
     * @param stopAtWildcard whether a prefix byte {@code *}, {@code ?} or {@code [} ends the walk
     *     (see {@link #wildcardAt()}) instead of being matched literally
     */
    KeyDescent(IndexData data, byte[] key, boolean stopAtWildcard) {
        this.data = data;
        this.key = key;
        this.stopAtWildcard = stopAtWildcard;
        this.word = data.rootWord();
    }

    /**
     * Enters the next node and matches its prefix: the node (read up to its values), or null when
     * the walk ends there: there is no such node, its prefix differs from the key (or outlasts it),
     * or it holds a wildcard ({@link #wildcardAt()} is then set).
     *
     * @throws IndexFormatException when the node is out of the file, unterminated, reached twice, or malformed
     */
    Node next() throws IndexFormatException {
        if (word == 0) {
            return null;
        }
        int offset = data.nodeOffset(word, wordAt);
        enter(offset);
        int prefixEnd = offset;
        if ((word & IndexData.FLAG_PREFIX) != 0) {
            for (int j = 0; ; j++) {
                int b = data.byteAt(offset + j);
                if (b < 0) {
                    throw data.unterminated(offset);
                }
                if (b == 0) {
                    prefixEnd = offset + j;
                    break;
                }
                if (stopAtWildcard && (b == '*' || b == '?' || b == '[')) {
                    wildcardAt = offset + j;
                    matched += j;
                    return null;
                }
                if (matched + j >= key.length || (key[matched + j] & 0xff) != b) {
                    return null;
                }
            }
            matched += prefixEnd - offset;
        }
        return data.nodeAfterPrefix(word, offset, prefixEnd);
    }

    private void enter(int offset) throws IndexFormatException {
        for (int i = 0; i < depth; i++) {
            if (entered[i] == offset) {
                throw data.reachedTwice(offset, wordAt);
            }
        }
        if (depth == entered.length) {
            entered = Arrays.copyOf(entered, depth * 2);
        }
        entered[depth++] = offset;
    }

    /**
     * How many key bytes the walk has matched: after {@link #next()}, up to the end of the node's
     * prefix (or up to its wildcard).
     */
    int matched() {
        return matched;
    }

    /** Whether the whole key is matched: it ends at the node {@link #next()} returned. */
    boolean atEnd() {
        return matched == key.length;
    }

    /** Moves to the child of {@code node} (the node {@link #next()} returned) for the next key byte. */
    void descend(Node node) {
        int c = key[matched] & 0xff;
        wordAt = node.childWordAt(c);
        word = data.childWord(node, c);
        matched++;
    }

    /** The offset of the wildcard that ended the walk, or -1. */
    int wildcardAt() {
        return wildcardAt;
    }

    /** The node the walk stopped in at a wildcard, read in full (prefix included). */
    Node wildcardNode() throws IndexFormatException {
        return data.node(word, wordAt);
    }
}
