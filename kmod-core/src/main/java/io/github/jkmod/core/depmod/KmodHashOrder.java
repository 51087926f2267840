package io.github.jkmod.core.depmod;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order in which kmod's own hash table hands out its entries, which decides the order of
 * depmod's output wherever depmod walks a hash table (the modules missing from {@code modules.order},
 * every line of {@code modules.symbols}): buckets in index order, the bucket of a key being its Paul
 * Hsieh "SuperFastHash" (16-bit reads in little-endian order, as on x86) modulo the bucket count (a
 * power of two); inside a bucket, keys in {@code strcmp} order.
 */
final class KmodHashOrder {
    /** Buckets of depmod's table of modules by name. */
    static final int MODULE_BUCKETS = 512;
    /** Buckets of depmod's table of symbols. */
    static final int SYMBOL_BUCKETS = 2048;

    private KmodHashOrder() {
    }

    /**
     * The hash of {@code key}'s bytes (ISO-8859-1 chars, one byte each).
     *
     * @param key the key
     * @return the 32-bit hash value
     */
    static int superFastHash(String key) {
        int len = key.length();
        int hash = len;
        int rem = len & 3;
        int at = 0;
        for (int n = len >>> 2; n > 0; n--) {
            hash += u16(key, at);
            int tmp = (u16(key, at + 2) << 11) ^ hash;
            hash = (hash << 16) ^ tmp;
            at += 4;
            hash += hash >>> 11;
        }
        switch (rem) {
            case 3:
                hash += u16(key, at);
                hash ^= hash << 16;
                hash ^= ((byte) key.charAt(at + 2)) << 18;
                hash += hash >>> 11;
                break;
            case 2:
                hash += u16(key, at);
                hash ^= hash << 11;
                hash += hash >>> 17;
                break;
            case 1:
                hash += (byte) key.charAt(at);
                hash ^= hash << 10;
                hash += hash >>> 1;
                break;
            default:
                break;
        }
        hash ^= hash << 3;
        hash += hash >>> 5;
        hash ^= hash << 4;
        hash += hash >>> 17;
        hash ^= hash << 25;
        hash += hash >>> 6;
        return hash;
    }

    private static int u16(String s, int at) {
        return (s.charAt(at) & 0xff) | (s.charAt(at + 1) & 0xff) << 8;
    }

    /**
     * {@code items} in the iteration order of a kmod hash table of {@code buckets} buckets that
     * holds them under {@code key} (keys are unique).
     *
     * @param <T> the item type
     * @param items the items
     * @param key the key of an item
     * @param buckets the table's bucket count, a power of two
     * @return a new list in kmod's iteration order
     */
    static <T> List<T> iterationOrder(Collection<T> items, Function<T, String> key, int buckets) {
        int mask = buckets - 1;
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T t : items) {
            String k = key.apply(t);
            keyed.add(new Keyed<>(superFastHash(k) & mask, k, t));
        }
        keyed.sort(Comparator.<Keyed<T>>comparingInt(Keyed::bucket).thenComparing(Keyed::key, KmodHashOrder::strcmp));
        List<T> out = new ArrayList<>(keyed.size());
        for (Keyed<T> k : keyed) {
            out.add(k.item());
        }
        return out;
    }

    private record Keyed<T>(int bucket, String key, T item) {
    }

    /**
     * {@code strcmp} of two byte strings held as ISO-8859-1 chars.
     *
     * @param a one string
     * @param b the other
     * @return negative, zero or positive as {@code strcmp}
     */
    static int strcmp(String a, String b) {
        return a.compareTo(b);
    }
}
