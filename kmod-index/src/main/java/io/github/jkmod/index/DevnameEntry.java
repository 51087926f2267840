package io.github.jkmod.index;

/**
 * One line of {@code modules.devname}: {@code MODULE DEVNAME TYPEMAJOR:MINOR}, e.g.
 * {@code fuse fuse c10:229}: the device node {@code /dev/fuse}, a character device 10:229,
 * is served by module {@code fuse}.
 *
 * @param module the module name
 * @param devname the device node name under {@code /dev}
 * @param type {@code 'c'} (character device) or {@code 'b'} (block device)
 * @param major the major number
 * @param minor the minor number
 */
public record DevnameEntry(String module, String devname, char type, int major, int minor) {
    /**
     * Checks the parts.
     *
     * @param module the module name
     * @param devname the device node name under {@code /dev}
     * @param type {@code 'c'} or {@code 'b'}; anything else is refused
     * @param major the major device number
     * @param minor the minor device number
     */
    public DevnameEntry {
        if (module == null || devname == null) {
            throw new NullPointerException(module == null ? "module" : "devname");
        }
        if (type != 'c' && type != 'b') {
            throw new IllegalArgumentException("type must be 'c' or 'b', not '" + type + "'");
        }
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative device number " + major + ":" + minor);
        }
    }
}
