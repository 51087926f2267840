package io.github.jkmod.index;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A module index in the binary trie format ({@code modules.*.bin}, see docs/index-format.md), read a
 * page at a time ({@code IndexFilePages}): opening costs the same for any size, and nothing is
 * read until a lookup needs it (a lookup reads the few pages its nodes are on). Not a memory map:
 * on JDK 17 {@code FileChannel.map} sets up the JDK's method-handle machinery, some 4 ms of a
 * modprobe start. Both on-disk layouts (post-order, kmod &lt;= 33; pre-order, kmod 34) are read alike: offsets are
 * followed, no order is assumed.
 *
 * <p>Keys and queries are compared as UTF-8 bytes (the files hold 7-bit ASCII); values are decoded
 * as UTF-8. {@link IndexValue#priority()} holds the stored unsigned 32-bit priority as its int bit
 * pattern; results are ordered by its unsigned value.
 *
 * <p>Instances are immutable and safe for use by many threads (only absolute reads of the buffer).
 * A corrupt file never makes a call fail with anything but {@link IndexFormatException}, which names
 * the file and the byte offset: wrong magic or major version, an offset at or past the end, a child
 * range with {@code first > last} or a character &gt;= 128, a string without its NUL, a value count
 * that cannot fit in the file, a node reached twice on one walk (a cycle, or a subtree shared by two
 * parents), overlapping nodes. Every walk is iterative and reads each node at most once; a call reads
 * at most the file's size in node bytes (a wildcard search: times one plus the number of wildcard
 * characters in its query), plus the fnmatch calls of a wildcard search.
 *
 * <p>The first wildcard search checks the whole file once ({@code SoundTrie}); on a sound file
 * (every one depmod writes) searches then skip the subtrees whose patterns cannot match the query,
 * with the same results; on any other file they walk in full and fail as described above.
 */
public final class BinaryIndex implements ModuleIndex {

    private final IndexData data;

    private BinaryIndex(IndexData data) {
        this.data = data;
    }

    /**
     * Opens {@code file} and checks its header; the rest is read as lookups need it (a file of
     * another file system than the default one is read whole).
     *
     * @param file the {@code .bin} index file to read
     * @return the index, ready for lookups and searches
     * @throws IndexFormatException when the header is wrong; other I/O errors as {@code KmodException}
     */
    public static BinaryIndex open(Path file) throws KmodException {
        IndexBytes bytes;
        try {
            if (file.getFileSystem() != FileSystems.getDefault()) {
                // another file system (one in memory, in tests): its bytes, all at once
                byte[] all = Files.readAllBytes(file);
                checkSize(file, all.length);
                bytes = IndexBytes.of(ByteBuffer.wrap(all));
            } else {
                bytes = pages(file);
            }
        } catch (NoSuchFileException e) {
            throw new KmodException(file + ": no such file", e);
        } catch (IndexFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new KmodException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new BinaryIndex(new IndexData(bytes, file));
    }

    /** The file of the default file system, read a page at a time as lookups need its bytes. */
    private static IndexBytes pages(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        RandomAccessFile in = new RandomAccessFile(file.toFile(), "r");
        try {
            long size = in.length();
            checkSize(file, size);
            return new IndexFilePages(file, in, (int) size);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void checkSize(Path file, long size) throws IndexFormatException {
        if (size > IndexData.OFFSET_MASK) {
            throw new IndexFormatException(file, 0, "file too large for an index: " + size + " bytes");
        }
    }

    /**
     * Reads an index held in memory ({@code buffer} from position 0 to its limit); {@code name}
     * is used in error messages. The buffer's content must not change afterwards.
     *
     * @param buffer the index bytes, from position 0 to the limit; kept, not copied
     * @param name the file name to give in error messages (the buffer need not come from a file)
     * @return the index, reading {@code buffer}
     * @throws IndexFormatException when the header (magic, version) or the root offset is wrong;
     *     the message names {@code name} and the offset
     */
    public static BinaryIndex of(ByteBuffer buffer, Path name) throws IndexFormatException {
        ByteBuffer view = buffer.duplicate().position(0).slice().asReadOnlyBuffer();
        return new BinaryIndex(new IndexData(view, name));
    }

    @Override
    public Path file() {
        return data.file();
    }

    @Override
    public Optional<String> lookup(String key) throws IndexFormatException {
        KeyDescent descent = new KeyDescent(data, key.getBytes(StandardCharsets.UTF_8), false);
        for (Node node = descent.next(); node != null; node = descent.next()) {
            if (descent.atEnd()) {
                return Optional.ofNullable(data.firstValue(node));
            }
            descent.descend(node);
        }
        return Optional.empty();
    }

    @Override
    public List<IndexValue> search(String query) throws IndexFormatException {
        return new WildcardSearch(data, query.getBytes(StandardCharsets.UTF_8), true).run();
    }

    @Override
    public void forEach(Visitor visitor) throws IndexFormatException {
        int word = data.rootWord();
        if (word == 0) {
            return;
        }
        Node root = data.node(word, IndexData.ROOT_WORD_AT);
        byte[] text = new byte[root.prefixLength()];
        data.copy(root.prefixStart(), root.prefixEnd(), text, 0);
        SubtreeWalk walk = new SubtreeWalk(data, false, new SubtreeWalk.Budget(data, 1));
        walk.walk(root, text, text.length, (node, key, keyLength) -> {
            if (node.count() > 0) {
                String k = new String(key, 0, keyLength, StandardCharsets.UTF_8);
                walk.charge(node, data.readValues(node,
                        (priority, value) -> visitor.entry(k, new IndexValue(priority, value))));
            }
        });
    }

    @Override
    public String toString() {
        return "BinaryIndex[" + data.file() + ", " + data.size() + " bytes]";
    }
}
