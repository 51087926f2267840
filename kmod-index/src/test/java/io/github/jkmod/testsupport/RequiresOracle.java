package io.github.jkmod.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class or method that compares with one {@link Oracle} only: under another
 * {@code jkmod.oracle} it is disabled (reported as skipped, with {@link #reason()}), not run. Keep
 * such tests few, each with its reason, and name them in {@code .ci/allowed-skips} when they show as
 * skipped in a suite run by {@code .ci/run}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OracleCondition.class)
public @interface RequiresOracle {
    /** The oracle the test needs. */
    Oracle value();

    /** Why the test cannot run against the other oracle. */
    String reason();
}
