package io.github.jkmod.index;

/**
 * The positions of a query that a wildcard-pattern prefix can reach, as a bit row: bit {@code p} set
 * means the pattern read so far matches {@code query[from, p)} for the scan's start {@code from}.
 * The prefix must be made of plain bytes, {@code ?} and {@code *} only (each of these is one pattern
 * element whatever follows; {@code [} and {@code \} are not, so a scan stops using rows at them).
 *
 * <p>A pattern can only match the query's rest when its prefix matches a prefix of that rest: an
 * empty row proves that no pattern under the node matches. A whole simple pattern matches exactly
 * when the bit of the query's length is set, as {@link Fnmatch} decides. Rows are
 * {@code long[words()]}; steps write one row from another, or the same row.
 */
final class QueryBits {
    private final byte[] query;
    private final int words;
    private final long[][] occurrences = new long[256][];
    private final long[] valid;

    QueryBits(byte[] query) {
        this.query = query;
        this.words = (query.length + 64) >>> 6;
        this.valid = new long[words];
        fillFrom(valid, 0);
    }

    /** The length of a row. */
    int words() {
        return words;
    }

    /** Sets {@code row} to the single position {@code p}. */
    void single(long[] row, int p) {
        java.util.Arrays.fill(row, 0L);
        row[p >>> 6] = 1L << p;
    }

    /** Whether position {@code p} is in {@code row}. */
    static boolean has(long[] row, int p) {
        return (row[p >>> 6] & (1L << p)) != 0;
    }

    /** Whether a whole pattern whose row is {@code row} matches the query's rest. */
    boolean matchesAll(long[] row) {
        return has(row, query.length);
    }

    /**
     * Steps {@code from} over the pattern byte {@code c} (a plain byte, {@code ?} or {@code *}) into
     * {@code to} (which may be {@code from}).
     *
     * @return false when {@code to} is empty
     */
    boolean step(long[] from, long[] to, int c) {
        if (c == '*') {
            for (int w = 0; w < words; w++) {
                if (from[w] != 0) {
                    int lowest = (w << 6) + Long.numberOfTrailingZeros(from[w]);
                    java.util.Arrays.fill(to, 0, w, 0L);
                    fillFrom(to, lowest);
                    return true;
                }
            }
            java.util.Arrays.fill(to, 0L);
            return false;
        }
        long[] mask = c == '?' ? valid : occurrences(c);
        long any = 0;
        for (int w = words - 1; w >= 0; w--) {
            long shifted = from[w] << 1;
            if (w > 0) {
                shifted |= from[w - 1] >>> 63;
            }
            to[w] = shifted & mask[w];
            any |= to[w];
        }
        return any != 0;
    }

    /** Bit {@code p} set where {@code query[p - 1] == c}. */
    private long[] occurrences(int c) {
        long[] row = occurrences[c];
        if (row == null) {
            row = new long[words];
            for (int i = 0; i < query.length; i++) {
                if ((query[i] & 0xff) == c) {
                    row[(i + 1) >>> 6] |= 1L << (i + 1);
                }
            }
            occurrences[c] = row;
        }
        return row;
    }

    /** Sets, in words {@code from >> 6} and above, the bits from {@code from} to the query's length. */
    private void fillFrom(long[] row, int from) {
        int last = query.length;
        for (int w = from >>> 6; w < words; w++) {
            int lo = Math.max(from, w << 6) & 63;
            int hi = Math.min(last, (w << 6) + 63) - (w << 6);
            row[w] = hi < lo ? 0L : (-1L >>> (63 - hi)) & (-1L << lo);
        }
    }
}
