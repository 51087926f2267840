package io.github.jkmod.core.modinfo;

import java.util.Optional;

/**
 * How a module file is compressed, recognised by its first bytes (never by its name), as libkmod
 * and the kernel do. {@link #sysfsName()} is the word {@code /sys/module/compression} uses for the
 * method the kernel can decompress itself.
 */
public enum Compression {
    /** Not compressed: the file is the ELF image. */
    NONE("none", new byte[0]),
    /** gzip, magic {@code 1F 8B}. */
    GZIP("gzip", new byte[] {0x1f, (byte) 0x8b}),
    /** xz, magic {@code FD 37 7A 58 5A 00}. */
    XZ("xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
    /** zstd, magic {@code 28 B5 2F FD}. */
    ZSTD("zstd", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

    private final String sysfsName;
    private final byte[] magic;

    Compression(String sysfsName, byte[] magic) {
        this.sysfsName = sysfsName;
        this.magic = magic;
    }

    /**
     * The name used by {@code /sys/module/compression}: {@code gzip}, {@code xz}, {@code zstd}
     * ({@code none} for NONE).
     *
     * @return the method's sysfs name
     */
    public String sysfsName() {
        return sysfsName;
    }

    /**
     * The magic bytes that start a file compressed this way (empty for NONE).
     *
     * @return a new copy of the magic bytes
     */
    public byte[] magic() {
        return magic.clone();
    }

    /**
     * The compression of a file that starts with {@code head} (any length; NONE when no magic
     * matches).
     *
     * @param head the first bytes of the file, as many as are at hand
     * @return the compression whose magic starts {@code head}, or NONE
     */
    public static Compression detect(byte[] head) {
        for (Compression c : values()) {
            if (c != NONE && startsWith(head, c.magic)) {
                return c;
            }
        }
        return NONE;
    }

    /**
     * The method named {@code name} as written in {@code /sys/module/compression} (surrounding
     * blanks ignored).
     *
     * @param name the sysfs name, e.g. {@code "xz\n"} as read
     * @return the method, or empty for a name the kernel does not use
     */
    public static Optional<Compression> fromSysfsName(String name) {
        String n = name.strip();
        for (Compression c : values()) {
            if (c != NONE && c.sysfsName.equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
