package io.github.jkmod.index;

/**
 * One value stored under a key of a module index, with its priority (the owning module's order
 * number). Results are ordered by ascending priority; equal priorities newest-first.
 *
 * @param priority the priority as stored (unsigned 32-bit in the file, here 0..2^31-1 in practice)
 * @param value the value string (a {@code modules.dep} line, a module name, or empty)
 */
public record IndexValue(int priority, String value) {
    /**
     * Checks that the value is present.
     *
     * @param priority the priority, the owning module's order number
     * @param value the value string; not null
     */
    public IndexValue {
        if (value == null) {
            throw new NullPointerException("value");
        }
    }
}
