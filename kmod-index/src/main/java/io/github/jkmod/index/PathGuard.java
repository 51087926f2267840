package io.github.jkmod.index;

import java.util.Arrays;

/**
 * The nodes met on one descent from the root (an exact lookup, or the literal part of a wildcard
 * search): a node met twice means the trie has a cycle. A descent takes one query character per step,
 * so it stays short and a linear scan is enough.
 */
final class PathGuard {
    private final IndexData data;
    private int[] offsets = new int[16];
    private int size;

    PathGuard(IndexData data) {
        this.data = data;
    }

    /** Records the node at {@code offset}, reached through the word at {@code wordAt}. */
    void enter(int offset, int wordAt) throws IndexFormatException {
        for (int i = 0; i < size; i++) {
            if (offsets[i] == offset) {
                throw reachedTwice(data, offset, wordAt);
            }
        }
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        offsets[size++] = offset;
    }

    /** The error for a node reached a second time during one walk. */
    static IndexFormatException reachedTwice(IndexData data, int offset, int wordAt) {
        return data.error(wordAt, "node at offset " + offset
                + " is reached twice on one walk (a cycle or a shared subtree)");
    }
}
