package io.github.jkmod.cli.insmod;

import java.util.List;

/** The module parameters of insmod's command line, joined into the one string the kernel gets. */
final class ModuleOptions {
    private ModuleOptions() {
    }

    /**
     * kmod 30: the arguments joined with spaces, as they are.
     *
     * @param args the arguments after the file name
     * @return the parameters ({@code ""} for none)
     */
    static String joined(List<String> args) {
        return String.join(" ", args);
    }

    /**
     * kmod 34.2: joined with spaces, and a value holding a space that is not quoted already gets
     * double quotes ({@code name=a b} becomes {@code name="a b"}), so that the kernel reads it as one.
     *
     * @param args the arguments after the file name
     * @return the parameters ({@code ""} for none)
     */
    static String quoted(List<String> args) {
        StringBuilder b = new StringBuilder();
        for (String a : args) {
            if (b.length() > 0) {
                b.append(' ');
            }
            int eq = a.indexOf('=');
            String value = eq < 0 ? null : a.substring(eq + 1);
            if (value != null && !value.startsWith("\"") && !value.startsWith("'") && value.indexOf(' ') >= 0) {
                b.append(a, 0, eq + 1).append('"').append(value).append('"');
            } else {
                b.append(a);
            }
        }
        return b.toString();
    }
}
