package io.github.jkmod.index;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A module index in the binary trie format ({@code modules.*.bin}, see docs/index-format.md), read through a
 * memory map: opening costs the same for any size, nothing is read until a lookup needs it, and
 * the index stays out of the Java heap. Both on-disk layouts (post-order, kmod &lt;= 33; pre-order, kmod 34) are read alike: offsets are
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
     * Opens {@code file} by memory-mapping it, and checks its header.
     *
     * @param file the {@code .bin} index file to map
     * @return the index, ready for lookups and searches
     * @throws IndexFormatException when the header is wrong; other I/O errors as {@code KmodException}
     */
    public static BinaryIndex open(Path file) throws KmodException {
        ByteBuffer map;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > IndexData.OFFSET_MASK) {
                throw new IndexFormatException(file, 0, "file too large for an index: " + size + " bytes");
            }
            map = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (NoSuchFileException e) {
            throw new KmodException(file + ": no such file", e);
        } catch (IndexFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new KmodException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new BinaryIndex(new IndexData(map, file));
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
