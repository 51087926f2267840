package io.github.jkmod.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The bytes of one binary index with bounds-checked readers: every read that would leave the file,
 * and every field that breaks the format, becomes an {@link IndexFormatException} naming the file and
 * the byte offset. Only absolute reads are used, so one instance serves many threads.
 */
final class IndexData {
    static final int MAGIC = 0xB007F457;
    static final int MAJOR_VERSION = 2;
    static final int HEADER_SIZE = 12;
    static final int ROOT_WORD_AT = 8;

    static final int FLAG_PREFIX = 0x80000000;
    static final int FLAG_VALUES = 0x40000000;
    static final int FLAG_CHILDS = 0x20000000;
    static final int OFFSET_MASK = 0x0FFFFFFF;

    private final IndexBytes buf;
    private final int size;
    private final Path file;
    /** {@link SoundTrie#check} of this file: null until first needed, then a table or NOT_SOUND. */
    private volatile Object shape;
    private static final Object NOT_SOUND = new Object();

    /** Wraps {@code buf} (positions 0 to its limit) and checks the header. */
    IndexData(ByteBuffer buf, Path file) throws IndexFormatException {
        this(IndexBytes.of(buf), file);
    }

    /** Reads {@code buf} and checks the header. */
    IndexData(IndexBytes buf, Path file) throws IndexFormatException {
        this.buf = buf;
        this.size = buf.size();
        this.file = file;
        if (size < HEADER_SIZE) {
            throw error(0, "file too short: " + size + " bytes, an index has at least " + HEADER_SIZE);
        }
        int magic = buf.getInt(0);
        if (magic != MAGIC) {
            throw error(0, String.format("bad magic 0x%08x, expected 0x%08x", magic, MAGIC));
        }
        int version = buf.getInt(4);
        if (version >>> 16 != MAJOR_VERSION) {
            throw error(4, String.format("unsupported version 0x%08x, the major version must be %d",
                    version, MAJOR_VERSION));
        }
    }

    Path file() {
        return file;
    }

    int size() {
        return size;
    }

    /** Whether the whole file is {@linkplain SoundTrie sound}; checked on first use, then kept. */
    boolean sound() {
        return table() != null;
    }

    /** The shape of the file when it is {@linkplain SoundTrie sound}, else null; made on first use. */
    NodeTable table() {
        Object s = shape;
        if (s == null) {
            NodeTable t = SoundTrie.check(this);
            s = t != null ? t : NOT_SOUND;
            shape = s;
        }
        return s == NOT_SOUND ? null : (NodeTable) s;
    }

    /** The root node word. */
    int rootWord() {
        return buf.getInt(ROOT_WORD_AT);
    }

    IndexFormatException error(long offset, String what) {
        return new IndexFormatException(file, offset, what);
    }

    /** The byte at {@code at} (unsigned), or -1 at or past the end. */
    int byteAt(int at) {
        return at < size ? buf.get(at) & 0xff : -1;
    }

    /** The unsigned 32-bit big-endian integer at {@code at}, as int bits; {@code what} names it. */
    int u32(int at, String what) throws IndexFormatException {
        if (at > size - 4) {
            throw error(at, what + " runs past the end of the file (" + size + " bytes)");
        }
        return buf.getInt(at);
    }

    /** The index of the NUL that ends the string starting at {@code start}. */
    int stringEnd(int start) throws IndexFormatException {
        int nul = start < size ? buf.indexOfNul(start) : -1;
        if (nul < 0) {
            throw unterminated(start);
        }
        return nul;
    }

    IndexFormatException unterminated(int start) {
        return error(start, "string without NUL terminator runs to the end of the file (" + size + " bytes)");
    }

    /** The error for the node at {@code offset}, reached through the word at {@code wordAt}, met a second time on one walk. */
    IndexFormatException reachedTwice(int offset, int wordAt) {
        return error(wordAt, "node at offset " + offset
                + " is reached twice on one walk (a cycle or a shared subtree)");
    }

    /** The bytes {@code [from, to)} decoded as UTF-8. */
    String string(int from, int to) {
        byte[] bytes = new byte[to - from];
        buf.get(from, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Copies the bytes {@code [from, to)} into {@code dst} at {@code dstAt}. */
    void copy(int from, int to, byte[] dst, int dstAt) {
        buf.get(from, dst, dstAt, to - from);
    }

    /**
     * Checks the node word {@code word} read at {@code wordAt}.
     *
     * @return the node's offset
     */
    int nodeOffset(int word, int wordAt) throws IndexFormatException {
        int offset = word & OFFSET_MASK;
        if (offset < HEADER_SIZE) {
            throw error(wordAt, "node offset " + offset + " points into the header");
        }
        boolean empty = (word & (FLAG_PREFIX | FLAG_VALUES | FLAG_CHILDS)) == 0;
        if (offset > size || (offset == size && !empty)) {
            throw error(wordAt, "node offset " + offset + " is at or past the end of the file ("
                    + size + " bytes)");
        }
        return offset;
    }

    /** Parses the node of {@code word} (read at {@code wordAt}) in full. */
    Node node(int word, int wordAt) throws IndexFormatException {
        int offset = nodeOffset(word, wordAt);
        if ((word & FLAG_PREFIX) != 0) {
            return nodeAfterPrefix(word, offset, stringEnd(offset));
        }
        return nodeAfterPrefix(word, offset, offset);
    }

    /**
     * Parses the rest of the node of {@code word} at {@code offset} once its prefix is known to end
     * at {@code prefixEnd} (the NUL; {@code offset} when the node has no prefix).
     */
    Node nodeAfterPrefix(int word, int offset, int prefixEnd) throws IndexFormatException {
        int pos = (word & FLAG_PREFIX) != 0 ? prefixEnd + 1 : offset;
        int first = -1;
        int last = -2;
        int table = -1;
        if ((word & FLAG_CHILDS) != 0) {
            if (pos > size - 2) {
                throw error(pos, "child range runs past the end of the file (" + size + " bytes)");
            }
            first = buf.get(pos) & 0xff;
            last = buf.get(pos + 1) & 0xff;
            if (first >= 0x80) {
                throw error(pos, String.format("child character 0x%02x is not 7-bit ASCII", first));
            }
            if (last >= 0x80) {
                throw error(pos + 1, String.format("child character 0x%02x is not 7-bit ASCII", last));
            }
            if (first > last) {
                throw error(pos, String.format("child range first 0x%02x > last 0x%02x", first, last));
            }
            table = pos + 2;
            int words = last - first + 1;
            if (table > size - 4 * words) {
                throw error(pos, "child table of " + words + " words runs past the end of the file ("
                        + size + " bytes)");
            }
            pos = table + 4 * words;
        }
        long count = 0;
        int values = -1;
        if ((word & FLAG_VALUES) != 0) {
            count = u32(pos, "value count") & 0xFFFFFFFFL;
            values = pos + 4;
            long left = size - values;
            if (count * 5 > left) {
                throw error(pos, "value count " + count + " cannot fit in the " + left + " bytes left");
            }
            pos = values;
        }
        int prefixStart = (word & FLAG_PREFIX) != 0 ? offset : prefixEnd;
        return new Node(offset, prefixStart, prefixEnd, first, last, table, count, values, pos - offset);
    }

    /** The node word of child {@code c} of {@code node}, or 0 when there is none. */
    int childWord(Node node, int c) {
        int at = node.childWordAt(c);
        return at < 0 ? 0 : buf.getInt(at);
    }

    /** Receives the values of a node. */
    @FunctionalInterface
    interface ValueSink {
        void value(int priority, String value);
    }

    /**
     * Reads the values of {@code node} in stored order.
     *
     * @return the number of bytes read
     */
    int readValues(Node node, ValueSink sink) throws IndexFormatException {
        int pos = node.values();
        for (long k = 0; k < node.count(); k++) {
            int priority = u32(pos, "value priority");
            int end = stringEnd(pos + 4);
            sink.value(priority, string(pos + 4, end));
            pos = end + 1;
        }
        return node.count() == 0 ? 0 : pos - node.values();
    }

    /**
     * Reads {@code count} values from {@code at} on, in stored order, on a {@linkplain SoundTrie
     * sound} file (where they were all checked).
     */
    void readValuesAt(int at, int count, ValueSink sink) throws IndexFormatException {
        int pos = at;
        for (int k = 0; k < count; k++) {
            int priority = buf.getInt(pos);
            int end = stringEnd(pos + 4);
            sink.value(priority, string(pos + 4, end));
            pos = end + 1;
        }
    }

    /** The first value of {@code node}, or null when it has none. */
    String firstValue(Node node) throws IndexFormatException {
        if (node.count() == 0) {
            return null;
        }
        int pos = node.values();
        u32(pos, "value priority");
        return string(pos + 4, stringEnd(pos + 4));
    }
}
