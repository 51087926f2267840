package io.github.jkmod.core;

import io.github.jkmod.core.kernel.Force;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a probe is planned and run; the switches of {@code modprobe} that shape a load. Start from
 * {@link #DEFAULT} or {@link #SHOW_DEPENDS} and change what you need with the {@code with...}
 * methods: {@code ProbeFlags.DEFAULT.withDryRun(true).withFirstTime(true)}.
 *
 * @param ignoreLoaded plan as if nothing were loaded ({@code --show-depends} does this)
 * @param ignoreCommands ignore the target's install command and softdeps ({@code -i})
 * @param blacklist which names the blacklist applies to
 * @param firstTime fail when the target is already in the kernel ({@code --first-time})
 * @param dryRun do everything but the system calls and commands ({@code -n}, {@code -D})
 * @param force what insertions may ignore ({@code -f}: both; {@code --force-modversion},
 *     {@code --force-vermagic}); empty by default
 */
public record ProbeFlags(
        boolean ignoreLoaded,
        boolean ignoreCommands,
        BlacklistMode blacklist,
        boolean firstTime,
        boolean dryRun,
        Set<Force> force) {

    /** What {@code modprobe NAME} does. */
    public static final ProbeFlags DEFAULT =
            new ProbeFlags(false, false, BlacklistMode.ALIAS_ONLY, false, false, Set.of());

    /** What {@code modprobe --show-depends NAME} does. */
    public static final ProbeFlags SHOW_DEPENDS =
            new ProbeFlags(true, false, BlacklistMode.ALIAS_ONLY, false, true, Set.of());

    /**
     * Checks the components.
     *
     * @param ignoreLoaded plan as if nothing were loaded
     * @param ignoreCommands ignore install commands and softdeps of the target
     * @param blacklist which names the blacklist applies to; not null
     * @param firstTime fail when the target is already in the kernel
     * @param dryRun make no system call and run no command
     * @param force what insertions may ignore; copied
     * @throws NullPointerException when {@code blacklist} or {@code force} is null
     */
    public ProbeFlags {
        Objects.requireNonNull(blacklist, "blacklist");
        force = Set.copyOf(Objects.requireNonNull(force, "force"));
    }

    /**
     * Flags without force.
     *
     * @param ignoreLoaded plan as if nothing were loaded
     * @param ignoreCommands ignore the target's install command and softdeps
     * @param blacklist which names the blacklist applies to
     * @param firstTime fail when the target is already in the kernel
     * @param dryRun do everything but the system calls and commands
     */
    public ProbeFlags(boolean ignoreLoaded, boolean ignoreCommands, BlacklistMode blacklist, boolean firstTime,
            boolean dryRun) {
        this(ignoreLoaded, ignoreCommands, blacklist, firstTime, dryRun, Set.of());
    }

    /**
     * These flags with {@code ignoreLoaded} changed.
     *
     * @param value plan as if nothing were loaded
     * @return the new flags
     */
    public ProbeFlags withIgnoreLoaded(boolean value) {
        return new ProbeFlags(value, ignoreCommands, blacklist, firstTime, dryRun, force);
    }

    /**
     * These flags with {@code ignoreCommands} changed ({@code modprobe -i}).
     *
     * @param value ignore install commands and softdeps
     * @return the new flags
     */
    public ProbeFlags withIgnoreCommands(boolean value) {
        return new ProbeFlags(ignoreLoaded, value, blacklist, firstTime, dryRun, force);
    }

    /**
     * These flags with {@code blacklist} changed ({@code modprobe -b}: {@link BlacklistMode#ALL}).
     *
     * @param value which names the blacklist applies to
     * @return the new flags
     */
    public ProbeFlags withBlacklist(BlacklistMode value) {
        return new ProbeFlags(ignoreLoaded, ignoreCommands, value, firstTime, dryRun, force);
    }

    /**
     * These flags with {@code firstTime} changed ({@code modprobe --first-time}).
     *
     * @param value fail when the target is already in the kernel
     * @return the new flags
     */
    public ProbeFlags withFirstTime(boolean value) {
        return new ProbeFlags(ignoreLoaded, ignoreCommands, blacklist, value, dryRun, force);
    }

    /**
     * These flags with {@code dryRun} changed ({@code modprobe -n}).
     *
     * @param value make no system call and run no command
     * @return the new flags
     */
    public ProbeFlags withDryRun(boolean value) {
        return new ProbeFlags(ignoreLoaded, ignoreCommands, blacklist, firstTime, value, force);
    }

    /**
     * These flags with {@code force} replaced ({@code modprobe -f} is both {@link Force} values).
     *
     * @param value what insertions may ignore (none for an empty array)
     * @return the new flags
     */
    public ProbeFlags withForce(Force... value) {
        EnumSet<Force> set = EnumSet.noneOf(Force.class);
        for (Force f : value) {
            set.add(Objects.requireNonNull(f, "force"));
        }
        return new ProbeFlags(ignoreLoaded, ignoreCommands, blacklist, firstTime, dryRun, set);
    }

    /** Which modules the blacklist applies to. */
    public enum BlacklistMode {
        /** Only modules found through an alias (modprobe's default). */
        ALIAS_ONLY,
        /** Also modules named directly ({@code -b}, {@code --use-blacklist}). */
        ALL
    }
}
