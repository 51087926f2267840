package io.github.jkmod.core;

/**
 * How a probe is planned and run; the switches of {@code modprobe} that shape a load.
 *
 * @param ignoreLoaded plan as if nothing were loaded ({@code --show-depends} does this)
 * @param ignoreCommands ignore the target's install command and softdeps ({@code -i})
 * @param blacklist which names the blacklist applies to
 * @param firstTime fail when the target is already in the kernel ({@code --first-time})
 * @param dryRun do everything but the system calls and commands ({@code -n}, {@code -D})
 */
public record ProbeFlags(
        boolean ignoreLoaded,
        boolean ignoreCommands,
        BlacklistMode blacklist,
        boolean firstTime,
        boolean dryRun) {

    /** What {@code modprobe NAME} does. */
    public static final ProbeFlags DEFAULT =
            new ProbeFlags(false, false, BlacklistMode.ALIAS_ONLY, false, false);

    /** What {@code modprobe --show-depends NAME} does. */
    public static final ProbeFlags SHOW_DEPENDS =
            new ProbeFlags(true, false, BlacklistMode.ALIAS_ONLY, false, true);

    /**
     * Checks the components.
     *
     * @param ignoreLoaded plan as if nothing were loaded
     * @param ignoreCommands ignore install commands and softdeps of the target
     * @param blacklist which names the blacklist applies to; not null
     * @param firstTime fail when the target is already in the kernel
     * @param dryRun make no system call and run no command
     */
    public ProbeFlags {
        java.util.Objects.requireNonNull(blacklist, "blacklist");
    }

    /** Which modules the blacklist applies to. */
    public enum BlacklistMode {
        /** Only modules found through an alias (modprobe's default). */
        ALIAS_ONLY,
        /** Also modules named directly ({@code -b}, {@code --use-blacklist}). */
        ALL
    }
}
