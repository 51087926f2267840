package io.github.jkmod.index;

import java.util.BitSet;

/**
 * Whether a whole binary index is sound, checked once by walking every node from the root: every
 * node word points inside the file, every node parses (prefix terminated, child range and table,
 * value count), every value reads (priority and terminated string), no node is reached twice (the
 * nodes form a tree) and no two nodes' bytes overlap.
 *
 * <p>On a sound file no call can fail: every node a walk meets was parsed here; a tree has no cycle
 * and no shared subtree; and as nodes do not overlap, all of them together hold at most the file's
 * bytes, while one call reads a node at most once plus once per wildcard character of its query
 * (a scan nested in another one is entered through a child edge that consumed such a character), so
 * no call exceeds its read budget. A search may then skip subtrees that cannot match, which it must
 * not do on a file that is not sound, where skipping would hide the error a full walk reports.
 */
final class SoundTrie {
    private SoundTrie() {
    }

    /** True when the index is sound; false when any check fails (the check never throws). */
    static boolean check(IndexData data) {
        try {
            return walk(data);
        } catch (IndexFormatException e) {
            return false;
        }
    }

    private static boolean walk(IndexData data) throws IndexFormatException {
        int root = data.rootWord();
        if (root == 0) {
            return true;
        }
        BitSet reached = new BitSet(data.size() + 1);
        BitSet used = new BitSet(data.size());
        int[] words = new int[64];
        int[] wordsAt = new int[64];
        words[0] = root;
        wordsAt[0] = IndexData.ROOT_WORD_AT;
        int top = 1;
        while (top > 0) {
            top--;
            Node node = data.node(words[top], wordsAt[top]);
            if (reached.get(node.offset())) {
                return false;
            }
            reached.set(node.offset());
            int end = node.offset() + node.headerBytes() + valueBytes(data, node);
            int clash = used.nextSetBit(node.offset());
            if (clash >= 0 && clash < end) {
                return false;
            }
            used.set(node.offset(), end);
            for (int c = node.first(); c <= node.last(); c++) {
                int word = data.childWord(node, c);
                if (word != 0) {
                    if (top == words.length) {
                        words = java.util.Arrays.copyOf(words, top * 2);
                        wordsAt = java.util.Arrays.copyOf(wordsAt, top * 2);
                    }
                    words[top] = word;
                    wordsAt[top] = node.childWordAt(c);
                    top++;
                }
            }
        }
        return true;
    }

    /** The bytes of the node's values (priorities and strings), each one checked as a read does. */
    private static int valueBytes(IndexData data, Node node) throws IndexFormatException {
        int pos = node.values();
        for (long k = 0; k < node.count(); k++) {
            data.u32(pos, "value priority");
            pos = data.stringEnd(pos + 4) + 1;
        }
        return node.count() == 0 ? 0 : pos - node.values();
    }
}
