package io.github.jkmod.index;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Walks every node of a subtree with an explicit stack (no recursion, so no depth limit), children in
 * ascending character order, each node either before its children (pre-order, the dump) or after
 * them (post-order, the wildcard scan). Each node is given the key text from the walk's start to its
 * own end.
 *
 * <p>Guards against corrupt files: a node reached twice (a cycle, or a subtree shared by two parents
 * that could otherwise blow up exponentially) is an error, and so is reading more bytes than the
 * {@link Budget} allows: a walk of a sound file reads each byte at most once, only nodes overlapping
 * each other can make it read more. A walk thus costs at most its budget.
 */
final class SubtreeWalk {

    /** Receives each node. */
    @FunctionalInterface
    interface Visitor {
        /** {@code key[0, keyLength)} is the node's key text from the walk's start. */
        void node(Node node, byte[] key, int keyLength) throws IndexFormatException;
    }

    private static final class Frame {
        final Node node;
        final int word;
        final int wordAt;
        final int parentLength;
        final int ch;
        final int length;

        Frame(Node node, int word, int wordAt, int parentLength, int ch, int length) {
            this.node = node;
            this.word = word;
            this.wordAt = wordAt;
            this.parentLength = parentLength;
            this.ch = ch;
            this.length = length;
        }
    }

    /**
     * How many bytes the walks of one call may read: the file size times the number of times a sound
     * file can make that call read a node (one for a dump; for a wildcard search, one plus the
     * wildcard characters of the query, as the walk may step into a subtree it has already scanned).
     * More means overlapping or shared nodes, and could mean exhausting memory with their values.
     */
    static final class Budget {
        private final IndexData data;
        private final long limit;
        private long spent;

        Budget(IndexData data, long times) {
            this.data = data;
            this.limit = data.size() * times;
        }

        /** Counts {@code bytes} more read for {@code node}. */
        void charge(Node node, long bytes) throws IndexFormatException {
            spent += bytes;
            if (spent > limit) {
                throw data.error(node.offset(), "nodes overlap or are shared: one call read more than "
                        + limit + " bytes of the file's " + data.size());
            }
        }
    }

    private final IndexData data;
    private final boolean postOrder;
    private final Budget budget;
    private final IntSet visited = new IntSet();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private byte[] key = new byte[128];

    SubtreeWalk(IndexData data, boolean postOrder, Budget budget) {
        this.data = data;
        this.postOrder = postOrder;
        this.budget = budget;
    }

    /**
     * Walks the subtree of {@code start}, whose key text is {@code text[0, textLength)}.
     */
    void walk(Node start, byte[] text, int textLength, Visitor visitor) throws IndexFormatException {
        visited.add(start.offset());
        charge(start, start.headerBytes());
        ensure(textLength);
        System.arraycopy(text, 0, key, 0, textLength);
        open(start, textLength, visitor);
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            if (f.node != null) {
                visitor.node(f.node, key, f.length);
                continue;
            }
            Node node = data.node(f.word, f.wordAt);
            if (!visited.add(node.offset())) {
                throw data.reachedTwice(node.offset(), f.wordAt);
            }
            charge(node, node.headerBytes());
            int length = f.parentLength + 1 + node.prefixLength();
            ensure(length);
            key[f.parentLength] = (byte) f.ch;
            data.copy(node.prefixStart(), node.prefixEnd(), key, f.parentLength + 1);
            open(node, length, visitor);
        }
    }

    /** Counts {@code bytes} more read for {@code node} against the budget. */
    void charge(Node node, long bytes) throws IndexFormatException {
        budget.charge(node, bytes);
    }

    private void open(Node node, int length, Visitor visitor) throws IndexFormatException {
        if (postOrder) {
            stack.push(new Frame(node, 0, 0, 0, 0, length));
        } else {
            visitor.node(node, key, length);
        }
        for (int c = node.last(); c >= node.first(); c--) {
            int word = data.childWord(node, c);
            if (word != 0) {
                stack.push(new Frame(null, word, node.childWordAt(c), length, c, 0));
            }
        }
    }

    private void ensure(int length) {
        if (length > key.length) {
            key = Arrays.copyOf(key, Math.max(length, key.length * 2));
        }
    }
}
