package io.github.jkmod.index;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Builds a module index ({@code modules.*.bin}) the way depmod does, and writes it byte for byte
 * as depmod writes it.
 *
 * <p>Each {@link #add} inserts a (key, value, priority) triple into a Patricia trie: a mismatch
 * inside a node's prefix splits the node there; the values of a key are kept sorted by ascending
 * (unsigned) priority, a new value going before the first one whose priority is &gt;= its own, so
 * equal priorities end up newest-first; duplicates are kept. The trie is then laid out in one of
 * the two {@link Layout}s. Given the entries of depmod's text files in file order with depmod's
 * priorities, the bytes equal depmod's own files (checked against real kmod 30 and kmod 34 files).
 *
 * <p>Keys and values are 7-bit ASCII without NUL. The format's offsets have 28 bits, so an index
 * is limited to 256 MiB. Not thread-safe; the writer can be written out any number of times.
 */
public final class IndexWriter {
    static final int MAGIC = 0xB007F457;
    static final int VERSION = 0x00020001;
    static final int FLAG_PREFIX = 0x80000000;
    static final int FLAG_VALUES = 0x40000000;
    static final int FLAG_CHILDS = 0x20000000;
    private static final int HEADER_SIZE = 12;
    private static final long MAX_OFFSET = 0x0FFFFFFF;

    /** Where the nodes go in the file; readers accept both. */
    public enum Layout {
        /** Root at offset 12, each node followed by its children's subtrees (depmod of kmod 34+). */
        PRE_ORDER,
        /** Children's subtrees first, each node after them, the root last (depmod of kmod &lt;= 33). */
        POST_ORDER
    }

    private final TrieNode root = new TrieNode("");
    private int size;

    /** Creates an empty index (written out, it is the 12-byte header with an empty root). */
    public IndexWriter() {
    }

    /**
     * Inserts one value under {@code key}.
     *
     * @param key the key, e.g. a module name or a normalised alias pattern
     * @param value the value string (may be empty)
     * @param priority the priority, compared as unsigned 32-bit (depmod uses the module's order
     *     number)
     * @return true when the same value string was already stored under {@code key} (depmod warns
     *     about such duplicates; the new one is kept all the same)
     * @throws IllegalArgumentException when the key or the value holds a NUL or a non-ASCII char
     */
    public boolean add(String key, String value, int priority) {
        checkAscii("key", key);
        checkAscii("value", value);
        size++;
        return root.insert(key, value, priority);
    }

    private static void checkAscii(String what, String s) {
        Objects.requireNonNull(s, what);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 128) {
                throw new IllegalArgumentException(String.format(
                        "%s \"%s\": character 0x%02x at %d is not 7-bit ASCII without NUL", what, s, (int) c, i));
            }
        }
    }

    /**
     * The number of values added so far.
     *
     * @return how many values {@link #add} has taken, counting each (key, value) pair once
     */
    public int size() {
        return size;
    }

    /**
     * Serialises the index in {@code layout}.
     *
     * @param layout the node order to write, as depmod of kmod 34+ or of kmod 33 and older does
     * @return the whole index file
     */
    public byte[] toBytes(Layout layout) {
        long total = assignOffsets(Objects.requireNonNull(layout, "layout"));
        byte[] bytes = new byte[(int) total];
        ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        out.putInt(MAGIC).putInt(VERSION).putInt(root.offset | root.flags());
        Deque<TrieNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            TrieNode node = todo.pop();
            out.position(node.offset);
            writeNode(node, out);
            for (TrieNode child : node.children) {
                todo.push(child);
            }
        }
        return bytes;
    }

    /**
     * Serialises the index in {@code layout} into a new heap buffer (position 0, limit = size).
     *
     * @param layout the byte layout to write
     * @return a buffer holding the whole index file, ready to read with {@link BinaryIndex#of}
     */
    public ByteBuffer toByteBuffer(Layout layout) {
        return ByteBuffer.wrap(toBytes(layout));
    }

    /**
     * Writes the index to {@code file}: first to a temporary file in the same directory, then
     * moved over {@code file} atomically (where the file system can), so a reader never sees a
     * half-written index.
     *
     * @param file the index file to write or replace
     * @param layout the byte layout to write
     * @throws KmodException when the file cannot be written; the message names it
     */
    public void write(Path file, Layout layout) throws KmodException {
        byte[] bytes = toBytes(layout);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new KmodException(file + ": cannot write index: " + e, e);
        }
    }

    /** Gives every node its offset in {@code layout}; returns the file size. */
    private long assignOffsets(Layout layout) {
        long pos = HEADER_SIZE;
        if (layout == Layout.PRE_ORDER) {
            Deque<TrieNode> todo = new ArrayDeque<>();
            todo.push(root);
            while (!todo.isEmpty()) {
                TrieNode node = todo.pop();
                pos = place(node, pos);
                for (int k = node.children.length - 1; k >= 0; k--) {
                    todo.push(node.children[k]);
                }
            }
        } else {
            Deque<TrieNode> nodes = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            nodes.push(root);
            next.push(0);
            while (!nodes.isEmpty()) {
                TrieNode node = nodes.peek();
                int k = next.pop();
                if (k < node.children.length) {
                    next.push(k + 1);
                    nodes.push(node.children[k]);
                    next.push(0);
                } else {
                    nodes.pop();
                    pos = place(node, pos);
                }
            }
        }
        if (pos > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("index too large: " + pos + " bytes");
        }
        return pos;
    }

    private static long place(TrieNode node, long pos) {
        if (pos > MAX_OFFSET) {
            throw new IllegalStateException(
                    "index too large: a node would start at offset " + pos + ", the format allows " + MAX_OFFSET);
        }
        node.offset = (int) pos;
        return pos + node.size();
    }

    private static void writeNode(TrieNode node, ByteBuffer out) {
        if (!node.prefix.isEmpty()) {
            putString(out, node.prefix);
        }
        if (node.childChars.length > 0) {
            char first = node.childChars[0];
            char last = node.childChars[node.childChars.length - 1];
            out.put((byte) first).put((byte) last);
            int k = 0;
            for (char c = first; c <= last; c++) {
                if (node.childChars[k] == c) {
                    TrieNode child = node.children[k++];
                    out.putInt(child.offset | child.flags());
                } else {
                    out.putInt(0);
                }
            }
        }
        if (!node.values.isEmpty()) {
            out.putInt(node.values.size());
            for (IndexValue v : node.values) {
                out.putInt(v.priority());
                putString(out, v.value());
            }
        }
    }

    private static void putString(ByteBuffer out, String s) {
        for (int i = 0; i < s.length(); i++) {
            out.put((byte) s.charAt(i));
        }
        out.put((byte) 0);
    }
}
