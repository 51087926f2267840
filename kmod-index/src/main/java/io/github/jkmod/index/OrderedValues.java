package io.github.jkmod.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects search results with the reference's ordered insert: each new value goes before the first
 * one whose priority is greater or equal. The outcome is the same as sorting by ascending priority
 * (unsigned 32-bit) with equal priorities newest-first, which is what {@link #result} does, in
 * O(n log n) instead of O(n&sup2;).
 */
final class OrderedValues implements IndexData.ValueSink {
    private record Entry(int priority, long sequence, String value) {
    }

    // A class, not a lambda: linking lambdas costs start-up time.
    private static final Comparator<Entry> ORDER = new Comparator<>() {
        @Override
        public int compare(Entry a, Entry b) {
            int byPriority = Integer.compareUnsigned(a.priority, b.priority);
            return byPriority != 0 ? byPriority : Long.compare(b.sequence, a.sequence);
        }
    };

    private final List<Entry> entries = new ArrayList<>();

    /** Inserts a value found after all the earlier ones. */
    void add(int priority, String value) {
        entries.add(new Entry(priority, entries.size(), value));
    }

    /** Same as {@link #add}: the values of a node go straight in. */
    @Override
    public void value(int priority, String value) {
        add(priority, value);
    }

    /** The values in order, as an unmodifiable list. */
    List<IndexValue> result() {
        if (entries.isEmpty()) {
            return List.of();
        }
        entries.sort(ORDER);
        List<IndexValue> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(new IndexValue(e.priority, e.value));
        }
        return Collections.unmodifiableList(out);
    }
}
