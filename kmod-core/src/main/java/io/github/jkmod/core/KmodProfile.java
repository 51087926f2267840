package io.github.jkmod.core;

import io.github.jkmod.core.config.ConfigLoader;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which kmod release jkmod behaves as, where kmod releases differ (checked against the real tools:
 * Debian 12's kmod 30 and Debian 13's kmod 34.2; {@code docs/kmod30-vs-kmod34.md} lists each
 * difference with the commands that show it):
 *
 * <ul>
 *   <li>configuration directories: kmod 34 also reads {@code /usr/lib/modprobe.d}
 *       ({@link #configDirectories()});
 *   <li>{@code weakdep} lines and {@code modules.weakdep} ({@link #weakdeps()}): kmod 30 warns about
 *       them as bad lines;
 *   <li>a module given as a path ({@code /x/m.ko}, {@code ./m.ko}) is that file under kmod 34, a
 *       name under kmod 30 ({@link #modulePaths()});
 *   <li>messages: kmod 30 names libkmod's source file, line and function, kmod 34 only the function
 *       on its own log and nothing through modprobe's ({@link #libkmodLine}, {@link #logPrefix});
 *       {@code -V} and {@code -h} texts.
 * </ul>
 *
 * <p>Library: {@link KmodContext.Builder#profile}; command line: {@code --profile=kmod30|kmod34} or
 * the environment variable {@value #ENVIRONMENT_VARIABLE}, the option winning.
 */
public enum KmodProfile {
    /** Debian 12's kmod 30 (2022). */
    KMOD_30("kmod30", "30"),
    /** kmod 34.2 as Debian 13 ships it: the default. */
    KMOD_34("kmod34", "34.2");

    /** The environment variable that selects a profile by name: {@value}. */
    public static final String ENVIRONMENT_VARIABLE = "JKMOD_PROFILE";

    /** The profile used when none is chosen: {@link #KMOD_34}. */
    public static final KmodProfile DEFAULT = KMOD_34;

    private final String cliName;
    private final String kmodVersion;

    KmodProfile(String cliName, String kmodVersion) {
        this.cliName = cliName;
        this.kmodVersion = kmodVersion;
    }

    /**
     * The name accepted by {@code --profile} and {@value #ENVIRONMENT_VARIABLE}: {@code kmod30} or
     * {@code kmod34}.
     *
     * @return the profile's command-line name
     */
    public String cliName() {
        return cliName;
    }

    /**
     * The kmod version this profile follows, as {@code kmod -V} prints it: {@code 30} or {@code
     * 34.2}.
     *
     * @return the kmod version this profile follows
     */
    public String kmodVersion() {
        return kmodVersion;
    }

    /**
     * The modprobe.d directories read when no {@code -C} is given, highest precedence first,
     * relative to the root.
     *
     * @return the directories, e.g. {@code etc/modprobe.d}
     */
    public List<String> configDirectories() {
        return this == KMOD_30 ? ConfigLoader.KMOD30_DIRECTORIES : ConfigLoader.KMOD34_DIRECTORIES;
    }

    /**
     * Whether {@code weakdep} lines and {@code modules.weakdep} are understood (kmod 33 and later).
     *
     * @return true from kmod 33 on
     */
    public boolean weakdeps() {
        return this != KMOD_30;
    }

    /**
     * Whether a module argument that starts with {@code /} or {@code ./} names a file (kmod 34).
     *
     * @return true for kmod 34, false for kmod 30 (which looks such an argument up as a name)
     */
    public boolean modulePaths() {
        return this != KMOD_30;
    }

    /**
     * A line of libkmod's own log on standard error (before modprobe installs its log function),
     * without the newline: kmod 30 {@code libkmod: ERROR ../libkmod/F.c:N FUNC: MESSAGE}, kmod 34
     * {@code libkmod: ERROR: FUNC: MESSAGE}.
     *
     * @param origin kmod 30's source location and function, e.g. {@code ../libkmod/libkmod-config.c:712 kmod_config_parse}
     * @param message the message
     * @return the line
     */
    public String libkmodLine(String origin, String message) {
        if (this == KMOD_30) {
            return "libkmod: ERROR " + origin + ": " + message;
        }
        // kmod 34 names the function only; an origin of jkmod's own (not a libkmod source line) stays whole
        String function = origin.startsWith("../") ? origin.substring(origin.lastIndexOf(' ') + 1) : origin;
        return "libkmod: ERROR: " + function + ": " + message;
    }

    /**
     * What libkmod puts before a message it logs through modprobe's log function: kmod 30 its source
     * location and function ({@code ../libkmod/libkmod-module.c:1047 command_do() }), kmod 34 nothing.
     *
     * @param location kmod 30's source file and line, e.g. {@code ../libkmod/libkmod-module.c:1047}
     * @param function the function, e.g. {@code command_do}
     * @return the prefix, empty or ending in a space
     */
    public String logPrefix(String location, String function) {
        return this == KMOD_30 ? location + " " + function + "() " : "";
    }

    /**
     * The profile with that name, {@code kmod30} or {@code kmod34} (or the constant's name), case-insensitively.
     *
     * @param name the name
     * @return the profile
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static KmodProfile fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (KmodProfile p : values()) {
            if (p.cliName.equals(wanted) || p.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "' (expected kmod30 or kmod34)");
    }

    /**
     * The profile named by {@value #ENVIRONMENT_VARIABLE} in {@code environment}, or {@link #DEFAULT}
     * when the variable is unset or empty.
     *
     * @param environment the environment, e.g. {@code System.getenv()}
     * @return the profile
     * @throws IllegalArgumentException naming the variable and the value when the value is unknown
     */
    public static KmodProfile fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return fromName(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": " + e.getMessage(), e);
        }
    }
}
