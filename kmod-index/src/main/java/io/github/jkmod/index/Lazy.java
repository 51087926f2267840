package io.github.jkmod.index;

import io.github.jkmod.KmodException;

/**
 * A value computed on first use, at most once when it succeeds, safely for many threads; a failed
 * computation is not remembered (the next call tries again).
 */
final class Lazy<T> {
    /** Computes the value. */
    @FunctionalInterface
    interface Loader<T> {
        T load() throws KmodException;
    }

    private final Loader<T> loader;
    private volatile T value;

    Lazy(Loader<T> loader) {
        this.loader = loader;
    }

    T get() throws KmodException {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = loader.load();
                    value = v;
                }
            }
        }
        return v;
    }
}
