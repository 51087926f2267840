package io.github.jkmod.sysfs;

import java.util.Locale;
import java.util.Map;

/**
 * How {@link KernelState#state(String)} decides a module's state .
 *
 * <p>The kernel creates {@code /sys/module/NAME/} <em>before</em> the {@code initstate} file. Under
 * both logics a module that the {@linkplain BuiltinOracle builtin oracle} ({@code modules.builtin.bin})
 * lists is {@link ModuleState#BUILTIN}, and otherwise {@code initstate} is read; no directory is
 * {@link ModuleState#NOT_LOADED}. They differ only in what the window (a directory without
 * {@code initstate}) means:
 *
 * <ul>
 *   <li>{@link #KMOD_20} (the default): {@link ModuleState#COMING}; a second {@code modprobe} calls
 *       {@code finit_module}, which the kernel holds until the first load is done.
 *   <li>{@link #KMOD_18}: {@link ModuleState#BUILTIN}. A parallel {@code modprobe} looking inside the
 *       window takes a module still loading for a builtin one and reports success too early. Kept to
 *       show the race.
 * </ul>
 *
 * <p>Selected by name on the command line ({@code --initstate-logic=kmod18|kmod20}) or with the
 * environment variable {@value #ENVIRONMENT_VARIABLE}; see {@link #fromName} and
 * {@link #fromEnvironment}.
 */
public enum InitstateLogic {
    /** kmod 20 and later: window = {@link ModuleState#COMING}. */
    KMOD_20("kmod20"),
    /** kmod 18: window = {@link ModuleState#BUILTIN} (racy). */
    KMOD_18("kmod18");

    /** The environment variable that selects a logic by name: {@value}. */
    public static final String ENVIRONMENT_VARIABLE = "JKMOD_INITSTATE_LOGIC";

    /** The logic used when none is chosen: {@link #KMOD_20}. */
    public static final InitstateLogic DEFAULT = KMOD_20;

    private final String cliName;

    InitstateLogic(String cliName) {
        this.cliName = cliName;
    }

    /**
     * The name accepted on the command line and in the environment: {@code kmod20} or {@code
     * kmod18}.
     *
     * @return {@code kmod20} or {@code kmod18}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * The logic with that name: {@code kmod20} or {@code kmod18} (or the constant's name,
     * {@code KMOD_20}), case-insensitively.
     *
     * @param name the name as the user wrote it
     * @return the logic it names
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static InitstateLogic fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (InitstateLogic logic : values()) {
            if (logic.cliName.equals(wanted) || logic.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return logic;
            }
        }
        throw new IllegalArgumentException(
                "unknown initstate logic '" + name + "' (expected kmod18 or kmod20)");
    }

    /**
     * The logic named by {@value #ENVIRONMENT_VARIABLE} in {@code environment}, or {@link #DEFAULT}
     * when the variable is unset or empty.
     *
     * @param environment the environment to read, e.g. {@link System#getenv()}
     * @return the logic the variable names, or the default
     * @throws IllegalArgumentException naming the variable and the value when the value is unknown
     */
    public static InitstateLogic fromEnvironment(Map<String, String> environment) {
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
