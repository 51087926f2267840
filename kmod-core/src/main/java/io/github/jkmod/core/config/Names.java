package io.github.jkmod.core.config;

/**
 * Module name normalisation as libkmod does it for names read from the configuration and the
 * kernel command line: {@code -} becomes {@code _}, except inside a {@code [...]} set, which is
 * copied as written. A {@code [} that never closes, or a {@code ]} outside a set, makes the name bad.
 */
final class Names {
    private Names() {
    }

    /** The normalised name, or null when the name is bad. */
    static String underscores(String name) {
        StringBuilder out = new StringBuilder(name.length());
        return normalise(name, out) ? out.toString() : null;
    }

    /**
     * The name as libkmod leaves it when it gives up on a bad name: normalised up to the bad
     * bracket, the rest as written.
     */
    static String partial(String name) {
        StringBuilder out = new StringBuilder(name.length());
        if (!normalise(name, out)) {
            out.append(name, out.length(), name.length());
        }
        return out.toString();
    }

    /** Appends the normalised name to {@code out}; false (with the good prefix appended) when bad. */
    private static boolean normalise(String name, StringBuilder out) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-') {
                out.append('_');
            } else if (c == ']') {
                return false;
            } else if (c == '[') {
                int close = name.indexOf(']', i);
                if (close < 0) {
                    return false;
                }
                out.append(name, i, close + 1);
                i = close;
            } else {
                out.append(c);
            }
        }
        return true;
    }

    /** The name as a query: normalised when it is good, else {@code -} to {@code _} everywhere. */
    static String query(String name) {
        String n = underscores(name);
        return n != null ? n : name.replace('-', '_');
    }
}
