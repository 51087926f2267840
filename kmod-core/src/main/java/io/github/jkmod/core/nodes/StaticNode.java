package io.github.jkmod.core.nodes;

import java.util.Objects;

/**
 * One device node that a module serves, from a line of {@code modules.devname}
 * ({@code MODULE DEVNAME TYPEMAJOR:MINOR}, e.g. {@code fuse fuse c10:229}): created under
 * {@code /dev} before the module is loaded, so that opening it loads the module.
 *
 * @param module the module's name as the file gives it (e.g. {@code snd-timer})
 * @param deviceName the node's path under {@code /dev} (e.g. {@code snd/timer})
 * @param type character or block device
 * @param major the major number, an unsigned 32-bit value as kmod reads it (0 to 4294967295)
 * @param minor the minor number, likewise
 */
public record StaticNode(String module, String deviceName, Type type, long major, long minor) {
    /** The largest major or minor number: kmod reads them as C {@code unsigned int}. */
    public static final long MAX_NUMBER = 0xFFFF_FFFFL;

    /** The kind of device node. */
    public enum Type {
        /** A character device: {@code c} in {@code modules.devname}. */
        CHARACTER('c'),
        /** A block device: {@code b} in {@code modules.devname}. */
        BLOCK('b');

        private final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        /**
         * The letter {@code modules.devname} and {@code mknod} use for this type.
         *
         * @return {@code 'c'} or {@code 'b'}
         */
        public char letter() {
            return letter;
        }
    }

    /**
     * Checks the parts.
     *
     * @param module the module's name
     * @param deviceName the node's path under {@code /dev}
     * @param type character or block device
     * @param major the major number, 0 to {@link #MAX_NUMBER}
     * @param minor the minor number, 0 to {@link #MAX_NUMBER}
     * @throws NullPointerException for a null part
     * @throws IllegalArgumentException for an empty name or a number outside 0 to {@link #MAX_NUMBER}
     */
    public StaticNode {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(type, "type");
        if (module.isEmpty() || deviceName.isEmpty()) {
            throw new IllegalArgumentException("empty " + (module.isEmpty() ? "module" : "device") + " name");
        }
        if (major < 0 || major > MAX_NUMBER || minor < 0 || minor > MAX_NUMBER) {
            throw new IllegalArgumentException("device number out of range: " + major + ":" + minor);
        }
    }
}
