package io.github.jkmod.core.testsupport;

import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.config.ConfigLoader;
import io.github.jkmod.testsupport.Oracle;

/**
 * The behaviour profile of the library that matches the chosen {@link Oracle} ({@code jkmod.oracle}),
 * for conformance tests that compare the library's output (not jmodprobe's) with the real modprobe:
 * build the {@link KmodContext} or {@link ConfigLoader} through {@code apply}. jmodprobe itself gets
 * the profile from the environment ({@link Oracle#withProfile}).
 */
public final class ConformanceProfile {
    private ConformanceProfile() {
    }

    /** The profile's name, {@code kmod30} or {@code kmod34}: the value jmodprobe reads from {@code JKMOD_PROFILE}. */
    public static String name() {
        return Oracle.current().profile();
    }

    /**
     * {@code builder} set to the profile of the chosen oracle.
     *
     * @param builder a context builder
     * @return {@code builder}
     */
    public static KmodContext.Builder apply(KmodContext.Builder builder) {
        return builder.profile(profile());
    }

    /**
     * {@code builder} set to the profile of the chosen oracle (the configuration reader's part of it:
     * directories, {@code weakdep}, {@code modules.weakdep}, message prefixes).
     *
     * @param builder a configuration loader builder
     * @return {@code builder}
     */
    public static ConfigLoader.Builder apply(ConfigLoader.Builder builder) {
        return builder.profile(profile());
    }

    /** The library's profile of the chosen oracle. */
    public static KmodProfile profile() {
        return KmodProfile.fromName(name());
    }
}
