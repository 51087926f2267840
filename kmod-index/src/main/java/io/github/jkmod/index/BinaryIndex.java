package io.github.jkmod.index;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A module index in the binary trie format ({@code modules.*.bin}, see FORMAT.md), read through a
 * memory map: opening costs the same for any size, and nothing is read until a lookup needs it.
 * Both on-disk layouts (post-order, kmod &lt;= 33; pre-order, kmod 34) are read alike.
 */
public final class BinaryIndex implements ModuleIndex {

    private BinaryIndex() {
    }

    /**
     * Opens {@code file} by memory-mapping it and checks its header.
     *
     * @throws IndexFormatException when the header is wrong; other I/O errors as {@code KmodException}
     */
    public static BinaryIndex open(Path file) throws io.github.jkmod.KmodException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Reads an index held in memory ({@code buffer} from position 0 to its limit); {@code name}
     * is used in error messages.
     */
    public static BinaryIndex of(ByteBuffer buffer, Path name) throws IndexFormatException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Path file() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Optional<String> lookup(String key) throws IndexFormatException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public List<IndexValue> search(String query) throws IndexFormatException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void forEach(Visitor visitor) throws IndexFormatException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
