package io.github.jkmod.cli.common;

import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.core.KmodProfile;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a tool of the multi-call executable works with: its standard output and error,
 * its environment, the root its kernel files are read under ({@code /} for the running system)
 * and the syslog for {@code -s}.
 *
 * @param out standard output
 * @param err standard error
 * @param env the environment ({@code JKMOD_PROFILE} is read)
 * @param root the root under which {@code proc/} and {@code sys/} are read
 * @param syslog where messages go with {@code -s}
 */
public record ToolRun(PrintStream out, PrintStream err, Map<String, String> env, Path root, SyslogSink syslog) {
    /**
     * Checks that nothing is null.
     *
     * @param out standard output
     * @param err standard error
     * @param env the environment
     * @param root the root of {@code proc/} and {@code sys/}
     * @param syslog where messages go with {@code -s}
     */
    public ToolRun {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(syslog, "syslog");
    }

    /**
     * Prints {@code text} on standard output; returns 0, the status of help and version.
     *
     * @param text the text, printed as it is
     * @return 0
     */
    public int print(String text) {
        out.print(text);
        out.flush();
        return 0;
    }

    /**
     * Prints {@code text} (newline-terminated) on standard error; returns 1, the status of a
     * failure.
     *
     * @param text the text, newline included (printed as it is)
     * @return 1
     */
    public int fail(String text) {
        err.print(text);
        err.flush();
        return 1;
    }

    /**
     * The part of {@code argv0} after its last slash, like {@code program_invocation_short_name}.
     *
     * @param argv0 the program name, as {@code argv[0]}
     * @return the base name, e.g. {@code lsmod} for {@code /sbin/lsmod}
     */
    public static String baseName(String argv0) {
        return argv0.substring(argv0.lastIndexOf('/') + 1);
    }

    /**
     * The profile named {@code value} exactly ({@code kmod30}, {@code kmod34}).
     *
     * @param programName the name messages start with
     * @param what what the value is, as the message names it, e.g. {@code profile value}
     * @param value the profile name given
     * @return the profile
     * @throws ToolUsageException with jmodprobe's message for an unknown value
     */
    public static KmodProfile profile(String programName, String what, String value) throws ToolUsageException {
        for (KmodProfile p : KmodProfile.values()) {
            if (p.cliName().equals(value)) {
                return p;
            }
        }
        throw new ToolUsageException(programName + ": ERROR: unexpected " + what + " '" + value
                + "' (expected kmod30 or kmod34).\n");
    }

    /**
     * The profile of {@code JKMOD_PROFILE} in this run's environment, else the default (kmod 34.2).
     *
     * @param programName the name messages start with
     * @return the profile
     * @throws ToolUsageException when {@code JKMOD_PROFILE} names no profile
     */
    public KmodProfile profile(String programName) throws ToolUsageException {
        return profile(programName, env);
    }

    /**
     * The profile of {@code JKMOD_PROFILE} in {@code env}, else the default (kmod 34.2).
     *
     * @param programName the name messages start with
     * @param env the environment to read
     * @return the profile
     * @throws ToolUsageException with jmodprobe's message for an unknown value
     */
    public static KmodProfile profile(String programName, Map<String, String> env) throws ToolUsageException {
        String value = env.get(KmodProfile.ENVIRONMENT_VARIABLE);
        return value == null ? KmodProfile.DEFAULT
                : profile(programName, KmodProfile.ENVIRONMENT_VARIABLE + " value", value);
    }
}
