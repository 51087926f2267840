package io.github.jkmod.core.devices;

import java.util.Objects;

/**
 * A module a device's modalias resolves to, as {@code modprobe -R MODALIAS} names it, and what a
 * load would do with it.
 *
 * @param name the module's name
 * @param status what a load of the modalias does for this module
 */
public record MatchedModule(String name, Status status) {
    /**
     * Checks that nothing is null.
     *
     * @param name the module's name
     * @param status what a load does for it
     */
    public MatchedModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    /** What loading the device's modalias does for the module. */
    public enum Status {
        /** Inserted from its file (with its dependencies). */
        MODULE,
        /** Its install command runs instead. */
        INSTALL_COMMAND,
        /** Built into the kernel: nothing to load. */
        BUILTIN,
        /** Blacklisted: {@code modprobe} skips a blacklisted module found through an alias. */
        BLACKLISTED,
        /** Named by an alias but neither in {@code modules.dep} nor builtin: a load fails. */
        NOT_FOUND;

        /**
         * The lower-case name used in text and JSON output ({@code install-command}, ...).
         *
         * @return the name
         */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
