package io.github.jkmod.core;

/** How module options are joined, exactly as modprobe renders them. */
final class Options {
    private Options() {
    }

    /**
     * Joins the options from the configuration and kernel command line ({@code configured}, may be
     * empty) with the caller's own ({@code extra}, null for modules other than the target). When
     * there are configured options, a space always follows them, even when {@code extra} is null:
     * modprobe prints {@code insmod FILE opt=1 } with that space.
     */
    static String concat(String configured, String extra) {
        String e = extra == null ? "" : extra;
        if (configured == null || configured.isEmpty()) {
            return e;
        }
        return configured + " " + e;
    }
}
