package io.github.jkmod.core;

/**
 * How {@code modprobe -r} removes a module.
 *
 * @param ignoreLoaded act as if every module were loaded and unused ({@code -D})
 * @param ignoreCommands ignore remove commands and softdeps ({@code -i})
 * @param dryRun change nothing ({@code -n}, {@code -D})
 * @param firstTime fail when the module is not loaded ({@code --first-time})
 * @param removeHolders remove the modules holding it first ({@code --remove-holders})
 * @param force remove even if in use ({@code -f}: {@code O_TRUNC})
 * @param waitMillis retry for up to this long while the module is in use ({@code -w}); 0: no wait
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
}
