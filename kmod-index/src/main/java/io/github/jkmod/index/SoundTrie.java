package io.github.jkmod.index;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Whether a whole binary index is sound, checked once by walking every node from the root: every
 * node word points inside the file, every node parses (prefix terminated, child range and table,
 * value count), every value reads (priority and terminated string), no node is reached twice (the
 * nodes form a tree) and no two nodes' bytes overlap. These are the checks of {@link IndexData}'s
 * readers, made here on a copy of the bytes in one tight loop, as the check runs before the first
 * search, usually before the code is compiled. A sound index's shape is kept as a {@link NodeTable}.
 *
 * <p>On a sound file no call can fail: every node a walk meets was parsed here; a tree has no cycle
 * and no shared subtree; and as nodes do not overlap, all of them together hold at most the file's
 * bytes, while one call reads a node at most once plus once per wildcard character of its query
 * (a scan nested in another one is entered through a child edge that consumed such a character), so
 * no call exceeds its read budget. A search may then skip subtrees that cannot match, which it must
 * not do on a file that is not sound, where skipping would hide the error a full walk reports.
 */
final class SoundTrie {
    private static final int FLAGS = IndexData.FLAG_PREFIX | IndexData.FLAG_VALUES | IndexData.FLAG_CHILDS;

    private SoundTrie() {
    }

    /** The shape of the index when it is sound, else null. */
    static NodeTable check(IndexData data) {
        int size = data.size();
        byte[] b = new byte[size];
        data.copy(0, size, b, 0);
        int root = readInt(b, IndexData.ROOT_WORD_AT);
        NodeTable table = new NodeTable();
        if (root == 0) {
            return table.trim();
        }
        BitSet reached = new BitSet(size + 1);
        BitSet used = new BitSet(size);
        int[] stack = new int[64];
        int[] numbers = new int[64];
        stack[0] = root;
        numbers[0] = table.addNode();
        int top = 1;
        while (top > 0) {
            int word = stack[--top];
            int number = numbers[top];
            int offset = word & IndexData.OFFSET_MASK;
            if (offset < IndexData.HEADER_SIZE || offset > size
                    || (offset == size && (word & FLAGS) != 0) || reached.get(offset)) {
                return null;
            }
            reached.set(offset);
            int pos = offset;
            table.prefixStart[number] = offset;
            table.prefixEnd[number] = offset;
            if ((word & IndexData.FLAG_PREFIX) != 0) {
                pos = nul(b, pos);
                if (pos < 0) {
                    return null;
                }
                table.prefixEnd[number] = pos;
                pos++;
            }
            int first = 0;
            int last = -1;
            int childTable = pos;
            if ((word & IndexData.FLAG_CHILDS) != 0) {
                if (pos > size - 2) {
                    return null;
                }
                first = b[pos] & 0xff;
                last = b[pos + 1] & 0xff;
                childTable = pos + 2;
                if (first >= 0x80 || last >= 0x80 || first > last
                        || childTable > size - 4 * (last - first + 1)) {
                    return null;
                }
                pos = childTable + 4 * (last - first + 1);
            }
            if ((word & IndexData.FLAG_VALUES) != 0) {
                if (pos > size - 4) {
                    return null;
                }
                long count = readInt(b, pos) & 0xFFFFFFFFL;
                pos += 4;
                if (count * 5 > size - pos) {
                    return null;
                }
                table.values[number] = pos;
                table.count[number] = (int) count;
                for (long k = 0; k < count; k++) {
                    if (pos > size - 4) {
                        return null;
                    }
                    pos = nul(b, pos + 4);
                    if (pos < 0) {
                        return null;
                    }
                    pos++;
                }
            }
            int clash = used.nextSetBit(offset);
            if (clash >= 0 && clash < pos) {
                return null;
            }
            used.set(offset, pos);
            table.edgeStart[number] = table.edges();
            for (int c = first; c <= last; c++) {
                int child = readInt(b, childTable + 4 * (c - first));
                if (child != 0) {
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                        numbers = Arrays.copyOf(numbers, top * 2);
                    }
                    stack[top] = child;
                    numbers[top] = table.addNode();
                    table.addEdge(c, numbers[top]);
                    top++;
                }
            }
            table.edgeEnd[number] = table.edges();
        }
        return table.trim();
    }

    /** The index of the first NUL at or after {@code from}, or -1. */
    private static int nul(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
