package io.github.jkmod.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem met while reading the configuration; the rest of the configuration still counts.
 *
 * <p>{@link #message()} is the exact text libkmod 30 logs (after its {@code libkmod: ERROR ...:}
 * prefix), e.g. {@code /etc/modprobe.d/x.conf line 3: ignoring bad line starting with 'foo'}; it
 * names the file as modprobe would (see {@link ModprobeConfig#files()}). {@link #stderrLine()} is
 * the whole line Debian 12's {@code modprobe} writes to standard error. The one exception is
 * {@link Kind#TOO_LARGE}, a bound of jkmod's own that kmod does not have, worded in the same way.
 *
 * @param file the file the problem is in (the kernel command line file for {@link Kind#BAD_CMDLINE_OPTION})
 * @param line the 1-based line number (the last physical line of a continued line), 0 when the
 *     problem is not about a line
 * @param message the message text, as libkmod words it
 * @param kind what kind of problem it is
 */
public record ConfigWarning(Path file, int line, String message, Kind kind) {
    /**
     * Checks that every part is present.
     *
     * @param file the file the problem is in
     * @param line the 1-based line number, or 0
     * @param message the message text
     * @param kind the kind of problem
     */
    public ConfigWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    /** The kinds of warning, each with the source location libkmod 30 (Debian 12) prints. */
    public enum Kind {
        /** Unknown command, missing word, or a bad name ({@code [} without {@code ]}). */
        BAD_LINE("../libkmod/libkmod-config.c:712 kmod_config_parse"),
        /** The {@code include} and {@code config} commands of module-init-tools. */
        DEPRECATED_COMMAND("../libkmod/libkmod-config.c:708 kmod_config_parse"),
        /** A {@code *.conf} entry of a configuration directory that is itself a directory. */
        DIRECTORY_IN_DIRECTORY("../libkmod/libkmod-config.c:772 conf_files_filter_out"),
        /** kmod 34 only: an entry of a configuration directory that cannot be stat'ed (a broken link). */
        CANNOT_STAT("../libkmod/libkmod-config.c conf_files_filter_out"),
        /** A {@code module.param} word of the kernel command line whose module name is bad. */
        BAD_CMDLINE_OPTION("../libkmod/libkmod-config.c:489 kcmdline_parse_result"),
        /**
         * A file longer than {@link ConfigLoader#MAX_FILE_SIZE}, skipped whole: jkmod's own bound,
         * which kmod does not have (so its origin names jkmod rather than a libkmod source line).
         */
        TOO_LARGE("jkmod ConfigLoader");

        private final String origin;

        Kind(String origin) {
            this.origin = origin;
        }

        /**
         * Where libkmod 30 (as built by Debian 12) says the message comes from.
         *
         * @return the source location and function that libkmod's message prefix names, e.g. {@code
         *     ../libkmod/libkmod-config.c:712 kmod_config_parse}
         */
        public String origin() {
            return origin;
        }
    }

    /**
     * The line {@code modprobe} (kmod 30, Debian 12) writes to standard error for this warning,
     * without the newline: {@code libkmod: ERROR <origin>: <message>}.
     *
     * @return the whole line
     */
    public String stderrLine() {
        return "libkmod: ERROR " + kind.origin() + ": " + message;
    }

    /**
     * The line {@code modprobe} of {@code profile} writes to standard error for this warning,
     * without the newline: as {@link #stderrLine()} for kmod 30, {@code libkmod: ERROR: FUNCTION: MESSAGE}
     * for kmod 34.
     *
     * @param profile the kmod release followed
     * @return the line
     */
    public String stderrLine(io.github.jkmod.core.KmodProfile profile) {
        return profile.libkmodLine(kind.origin(), message);
    }

    @Override
    public String toString() {
        return message;
    }
}
