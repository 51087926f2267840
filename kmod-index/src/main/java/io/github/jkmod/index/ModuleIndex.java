package io.github.jkmod.index;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A read-only module index: the key/value trie of one {@code modules.*.bin} file (or of its text
 * twin). Implementations are immutable and safe for use by many threads at once.
 */
public interface ModuleIndex {

    /**
     * The file this index was read from (used in error messages).
     *
     * @return the path of the index file, as error messages name it
     */
    Path file();

    /**
     * Exact search (used for {@code modules.dep.bin} and {@code modules.builtin.bin}).
     *
     * @param key the exact key, e.g. a module name
     * @return the first value stored under exactly {@code key}, or empty
     * @throws IndexFormatException when the file is corrupt along the way
     */
    Optional<String> lookup(String key) throws IndexFormatException;

    /**
     * Wildcard search (used for the alias, symbol and builtin-alias indexes): the stored keys are
     * fnmatch patterns (glibc semantics, flags 0) and {@code query} is literal.
     *
     * @param query the literal text to match against the stored patterns, e.g. a normalised alias
     * @return every value of every matching pattern, in the reference order (ascending priority,
     *     ties newest-first); never null
     * @throws IndexFormatException when the file is corrupt along the way
     */
    List<IndexValue> search(String query) throws IndexFormatException;

    /**
     * Visits every (key, value) pair in the reference dump order (pre-order: a node's values in
     * stored order, then its children by ascending character), as {@code modprobe -c} prints them.
     *
     * @param visitor receives each (key, value) pair, in dump order
     * @throws IndexFormatException when the file is corrupt along the way; pairs before the problem
     *     have been visited
     */
    void forEach(Visitor visitor) throws IndexFormatException;

    /** Receives the entries of {@link #forEach}. */
    @FunctionalInterface
    interface Visitor {
        /**
         * Called once per stored value.
         *
         * @param key the key, in full
         * @param value one value stored under it, with its priority
         */
        void entry(String key, IndexValue value);
    }
}
