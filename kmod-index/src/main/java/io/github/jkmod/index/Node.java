package io.github.jkmod.index;

/**
 * One parsed node of a binary index: where its parts are in the file. Only the parts its flags name
 * are present; the values themselves are read on demand.
 *
 * @param offset where the node starts
 * @param prefixStart where the prefix string starts (equals {@code prefixEnd} when there is none)
 * @param prefixEnd where the prefix's NUL is (or {@code offset} when there is no prefix)
 * @param first the first child character, or -1 without children
 * @param last the last child character, or -2 without children
 * @param table where the child words start, or -1
 * @param count the number of values (unsigned 32-bit, checked to fit in the file), 0 without values
 * @param values where the first value starts (after the count), or -1
 * @param headerBytes the bytes of prefix, child table and count (what reading the node costs)
 */
record Node(int offset, int prefixStart, int prefixEnd, int first, int last, int table, long count,
        int values, int headerBytes) {

    /** The length of the prefix string (without its NUL). */
    int prefixLength() {
        return prefixEnd - prefixStart;
    }

    /** Where the child word for character {@code c} is, or -1 when {@code c} is outside the table. */
    int childWordAt(int c) {
        return c >= first && c <= last ? table + 4 * (c - first) : -1;
    }
}
