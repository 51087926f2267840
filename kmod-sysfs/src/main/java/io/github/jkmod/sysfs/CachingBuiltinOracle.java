package io.github.jkmod.sysfs;

import io.github.jkmod.KmodException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A {@link BuiltinOracle} that asks its delegate once per module (see {@link BuiltinOracle#caching}). */
final class CachingBuiltinOracle implements BuiltinOracle {

    private final BuiltinOracle delegate;
    private final ConcurrentHashMap<String, Boolean> answers = new ConcurrentHashMap<>();
    // A class, not this::ask: linking a method reference costs start-up time.
    private final Function<String, Boolean> asker = new Function<>() {
        @Override
        public Boolean apply(String module) {
            return ask(module);
        }
    };

    CachingBuiltinOracle(BuiltinOracle delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public boolean isBuiltin(String module) throws KmodException {
        Boolean known = answers.get(module);
        if (known != null) {
            return known;
        }
        try {
            return answers.computeIfAbsent(module, asker);
        } catch (Failure failure) {
            throw failure.cause;
        }
    }

    private Boolean ask(String module) {
        try {
            return delegate.isBuiltin(module);
        } catch (KmodException e) {
            throw new Failure(e);
        }
    }

    /** Carries a checked failure out of {@link ConcurrentHashMap#computeIfAbsent}. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient KmodException cause;

        Failure(KmodException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
