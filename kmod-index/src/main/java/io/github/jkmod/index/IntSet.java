package io.github.jkmod.index;

/**
 * A small open-addressing set of positive ints (node offsets), used to notice a node reached twice
 * during one walk of an index.
 */
final class IntSet {
    private int[] slots = new int[16];
    private int size;

    /**
     * Adds {@code value} (which must be positive).
     *
     * @return false when it was already there
     */
    boolean add(int value) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        size++;
        return true;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        size = 0;
        for (int v : old) {
            if (v != 0) {
                add(v);
            }
        }
    }

    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
