package io.github.jkmod.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code modprobe -r} removes a module. Start from {@link #DEFAULT} and change what you need
 * with the {@code with...} methods: {@code RemoveFlags.DEFAULT.withRemoveHolders(true).withWait(Duration.ofSeconds(5))}.
 *
 * @param ignoreLoaded act as if every module were loaded and unused ({@code -D})
 * @param ignoreCommands ignore remove commands and softdeps ({@code -i})
 * @param dryRun change nothing ({@code -n}, {@code -D})
 * @param firstTime fail when the module is not loaded ({@code --first-time})
 * @param removeHolders remove the modules holding it first ({@code --remove-holders})
 * @param force remove even if in use ({@code -f}: {@code O_TRUNC})
 * @param waitMillis retry for up to this long while the module is in use ({@code -w}); 0: no wait;
 *     unsigned, as modprobe reads it (a negative value is a wait of more than 2<sup>63</sup> ms)
 */
public record RemoveFlags(
        boolean ignoreLoaded,
        boolean ignoreCommands,
        boolean dryRun,
        boolean firstTime,
        boolean removeHolders,
        boolean force,
        long waitMillis) {

    /** What {@code modprobe -r NAME} does. */
    public static final RemoveFlags DEFAULT = new RemoveFlags(false, false, false, false, false, false, 0);

    /**
     * These flags with {@code ignoreCommands} changed ({@code modprobe -r -i}).
     *
     * @param value ignore remove commands and softdeps
     * @return the new flags
     */
    public RemoveFlags withIgnoreCommands(boolean value) {
        return new RemoveFlags(ignoreLoaded, value, dryRun, firstTime, removeHolders, force, waitMillis);
    }

    /**
     * These flags with {@code dryRun} changed ({@code modprobe -r -n}).
     *
     * @param value change nothing
     * @return the new flags
     */
    public RemoveFlags withDryRun(boolean value) {
        return new RemoveFlags(ignoreLoaded, ignoreCommands, value, firstTime, removeHolders, force, waitMillis);
    }

    /**
     * These flags with {@code firstTime} changed ({@code modprobe -r --first-time}).
     *
     * @param value fail when the module is not loaded
     * @return the new flags
     */
    public RemoveFlags withFirstTime(boolean value) {
        return new RemoveFlags(ignoreLoaded, ignoreCommands, dryRun, value, removeHolders, force, waitMillis);
    }

    /**
     * These flags with {@code removeHolders} changed ({@code modprobe -r --remove-holders}).
     *
     * @param value remove the modules holding it first
     * @return the new flags
     */
    public RemoveFlags withRemoveHolders(boolean value) {
        return new RemoveFlags(ignoreLoaded, ignoreCommands, dryRun, firstTime, value, force, waitMillis);
    }

    /**
     * These flags with {@code force} changed ({@code modprobe -r -f}).
     *
     * @param value remove even if in use
     * @return the new flags
     */
    public RemoveFlags withForce(boolean value) {
        return new RemoveFlags(ignoreLoaded, ignoreCommands, dryRun, firstTime, removeHolders, value, waitMillis);
    }

    /**
     * These flags with the wait changed ({@code modprobe -r -w MSEC}).
     *
     * @param value how long to retry while the module is in use; {@link Duration#ZERO}: no wait
     * @return the new flags
     * @throws IllegalArgumentException when {@code value} is negative
     */
    public RemoveFlags withWait(Duration value) {
        if (Objects.requireNonNull(value, "value").isNegative()) {
            throw new IllegalArgumentException("a wait cannot be negative: " + value);
        }
        return new RemoveFlags(ignoreLoaded, ignoreCommands, dryRun, firstTime, removeHolders, force, value.toMillis());
    }
}
