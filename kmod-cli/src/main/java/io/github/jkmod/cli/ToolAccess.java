package io.github.jkmod.cli;

import io.github.jkmod.core.KmodProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the other tools of the multi-call executable ({@code io.github.jkmod.cli.multicall}) share
 * with jmodprobe, whose classes stay package-private: glibc-exact option parsing ({@link Getopt}),
 * the {@code -V} text ({@link VersionText}), the command line as raw bytes ({@link RawArguments})
 * and the system's syslog ({@link SystemLogSink}).
 */
public final class ToolAccess {
    /** The options the small tools know (lsmod's, kmod's, insmod's, rmmod's), jkmod's {@code --profile} included. */
    public enum Opt {
        /** {@code -f, --force}. */
        FORCE,
        /** {@code -p}: kmod 30 insmod's letter, accepted and ignored. */
        COMPAT,
        /** {@code -w}: in kmod 30 rmmod's option string, yet handled by nothing. */
        WAIT,
        /** {@code -s, --syslog}. */
        SYSLOG,
        /** {@code -v, --verbose}. */
        VERBOSE,
        /** {@code -V, --version}. */
        VERSION,
        /** {@code -h, --help}. */
        HELP,
        /** jkmod's {@code --profile=kmod30|kmod34} (full name only). */
        PROFILE
    }

    /**
     * One result of the option parser: an option (with its argument for {@link Opt#PROFILE}) or a
     * failure with glibc's text ({@code failure} non-null, newline-terminated).
     */
    public record Event(Opt opt, String argument, String failure) {
    }

    private final Getopt getopt;

    private ToolAccess(Getopt getopt) {
        this.getopt = getopt;
    }

    /**
     * A parser of {@code args} with the short options {@code letters} (each one of {@code f p s v V w h}
     * in the tool's option-string order) and the long options {@code longNames} in the tool's table
     * order ({@code force}, {@code syslog}, {@code verbose}, {@code version}, {@code help}), plus
     * {@code --profile}.
     *
     * @param argv0 the name getopt's messages start with
     * @param requireOrder true for an option string starting with {@code +} (stop at the first operand)
     */
    public static ToolAccess parser(String argv0, String letters, List<String> longNames, List<String> args,
            boolean requireOrder) {
        List<ShortOption> shorts = new ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            shorts.add(new ShortOption(c, false, idOf(String.valueOf(c))));
        }
        List<LongOption> longs = new ArrayList<>();
        for (String name : longNames) {
            longs.add(new LongOption(name, false, idOf(name)));
        }
        return new ToolAccess(new Getopt(argv0, shorts, longs,
                List.of(new LongOption("profile", true, OptionId.PROFILE)), args, requireOrder));
    }

    private static OptionId idOf(String spelling) {
        switch (spelling) {
            case "f":
            case "force":
                return OptionId.FORCE;
            case "p":
                return OptionId.COMPAT;
            case "w":
                return OptionId.WAIT;
            case "s":
            case "syslog":
                return OptionId.SYSLOG;
            case "v":
            case "verbose":
                return OptionId.VERBOSE;
            case "V":
            case "version":
                return OptionId.VERSION;
            case "h":
            case "help":
                return OptionId.HELP;
            default:
                throw new IllegalArgumentException("no such option: " + spelling);
        }
    }

    /** The next option or failure; null once the options are exhausted. */
    public Event next() {
        Optional<GetoptEvent> e = getopt.next();
        if (e.isEmpty()) {
            return null;
        }
        if (e.get() instanceof GetoptEvent.Failure f) {
            return new Event(null, null, f.text());
        }
        GetoptEvent.Option o = (GetoptEvent.Option) e.get();
        Opt opt;
        switch (o.id()) {
            case FORCE:
                opt = Opt.FORCE;
                break;
            case COMPAT:
                opt = Opt.COMPAT;
                break;
            case WAIT:
                opt = Opt.WAIT;
                break;
            case SYSLOG:
                opt = Opt.SYSLOG;
                break;
            case VERBOSE:
                opt = Opt.VERBOSE;
                break;
            case VERSION:
                opt = Opt.VERSION;
                break;
            case HELP:
                opt = Opt.HELP;
                break;
            default:
                opt = Opt.PROFILE;
                break;
        }
        return new Event(opt, o.argument().orElse(null), null);
    }

    /** The operands, in order; complete once {@link #next()} returned null. */
    public List<String> operands() {
        return getopt.operands();
    }

    /** The {@code -V} text of {@code profile} (jkmod's name and version, the kmod release, features). */
    public static String versionText(KmodProfile profile) {
        return VersionText.render(profile);
    }

    /** The arguments as the bytes the program was given, one char per byte. */
    public static String[] rawArguments(String[] decoded) {
        return RawArguments.of(decoded);
    }

    /**
     * The file a raw argument (one char per byte) names.
     *
     * @param bytes the argument
     * @return the path whose file name bytes are those
     * @throws java.nio.file.InvalidPathException when the bytes cannot be a file name in this JVM
     */
    public static java.nio.file.Path path(String bytes) {
        return RawArguments.path(bytes);
    }

    /** The environment as the bytes the program was given, one char per byte. */
    public static Map<String, String> rawEnvironment(Map<String, String> decoded) {
        return RawArguments.environment(decoded);
    }

    /** The system's syslog, messages tagged {@code programName}. */
    public static SyslogSink systemSyslog(String programName) {
        return new SystemLogSink(programName, io.github.jkmod.core.kernel.SystemLog.system());
    }

    /** Closes what {@link #systemSyslog} opened. */
    public static void close(SyslogSink sink) {
        if (sink instanceof SystemLogSink s) {
            s.close();
        }
    }
}
