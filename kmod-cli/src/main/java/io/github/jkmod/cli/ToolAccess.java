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
        /** {@code -o, --output FILE} (with an argument). */
        OUTPUT,
        /** {@code -f, --format FORMAT} (with an argument). */
        FORMAT,
        /** jkmod's {@code --profile=kmod30|kmod34} (full name only). */
        PROFILE,
        /** modinfo's {@code -a, --author}. */
        AUTHOR,
        /** modinfo's {@code -d, --description}. */
        DESCRIPTION,
        /** modinfo's {@code -l, --license}. */
        LICENSE,
        /** modinfo's {@code -p, --parameters}. */
        PARAMETERS,
        /** modinfo's {@code -n, --filename}. */
        FILENAME,
        /** modinfo's {@code -0, --null}. */
        NULL_SEPARATOR,
        /** modinfo's {@code -m, --modname}. */
        MODNAME,
        /** modinfo's {@code -F, --field=FIELD}. */
        FIELD,
        /** modinfo's {@code -k, --set-version=VERSION}. */
        SET_VERSION,
        /** modinfo's {@code -b, --basedir=DIR}. */
        BASEDIR,
        /** modprobe's {@code -d, --dirname=DIR}, in jkmod graph and devices. */
        DIRNAME,
        /** modprobe's {@code -C, --config=FILE}, in jkmod graph and devices. */
        CONFIG,
        /** jkmod graph's {@code --sysfs=ROOT}, devices' {@code --sysfs DIR}. */
        SYSFS,
        /** jkmod graph's {@code --reverse}. */
        REVERSE,
        /** jkmod graph's {@code --reduce}. */
        REDUCE,
        /** {@code jkmod devices}: {@code -b, --use-blacklist}. */
        USE_BLACKLIST,
        /** {@code jkmod coldplug}: {@code -n, --dry-run}. */
        DRY_RUN,
        /** {@code jkmod devices}: {@code --needed}. */
        NEEDED,
        /** {@code jkmod devices}: {@code --json}. */
        JSON,
        /** {@code jkmod coldplug}: {@code -j, --jobs N}. */
        JOBS,
        /** {@code jkmod coldplug}: {@code --settle}. */
        SETTLE
    }

    /**
     * One result of the option parser: an option (with its argument for {@link Opt#OUTPUT},
     * {@link Opt#FORMAT} and {@link Opt#PROFILE}) or a
     * failure with glibc's text ({@code failure} non-null, newline-terminated).
     */
    public record Event(Opt opt, String argument, String failure) {
    }

    private final Getopt getopt;

    private ToolAccess(Getopt getopt) {
        this.getopt = getopt;
    }

    /**
     * A parser of {@code args} with the short options {@code letters} (each one of
     * {@code f p s v V w h}, in the tool's option-string order; none takes an argument) and the long
     * options {@code longNames} in the tool's table order (of {@code force}, {@code syslog},
     * {@code verbose}, {@code version}, {@code help}), plus {@code --profile}.
     *
     * @param argv0 the name getopt's messages start with
     * @param requireOrder true for an option string starting with {@code +} (stop at the first operand)
     * @param letters the short option letters
     * @param longNames the long option names
     * @param args the arguments after {@code argv0}
     * @return the parser, before its first option
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

    /**
     * A parser of {@code args} with modinfo's options ({@code adlpn0mF:k:b:Vh} and its long names,
     * in kmod's table order), plus {@code --profile}.
     *
     * @param argv0 the name getopt's messages start with
     * @param args the arguments after {@code argv0}
     * @param requireOrder true to stop at the first operand ({@code POSIXLY_CORRECT})
     * @return the parser
     */
    public static ToolAccess modinfoParser(String argv0, List<String> args, boolean requireOrder) {
        Object[][] table = {
            {'a', "author", false, OptionId.AUTHOR}, {'d', "description", false, OptionId.DESCRIPTION},
            {'l', "license", false, OptionId.LICENSE}, {'p', "parameters", false, OptionId.PARAMETERS},
            {'n', "filename", false, OptionId.FILENAME}, {'0', "null", false, OptionId.NULL_SEPARATOR},
            {'m', "modname", false, OptionId.MODNAME}, {'F', "field", true, OptionId.FIELD},
            {'k', "set-version", true, OptionId.SET_VERSION}, {'b', "basedir", true, OptionId.BASEDIR},
            {'V', "version", false, OptionId.VERSION}, {'h', "help", false, OptionId.HELP},
        };
        return fromTable(argv0, table, args, requireOrder);
    }

    /**
     * A parser of {@code args} with {@code kmod static-nodes}' options ({@code o:f:h}, long
     * {@code output}, {@code format}, {@code help} in kmod's table order), plus {@code --profile};
     * options stop at the first operand, as in kmod.
     *
     * @param argv0 the name getopt's messages start with
     * @param args the arguments after the command
     * @return the parser
     */
    public static ToolAccess staticNodesParser(String argv0, List<String> args) {
        Object[][] table = {
            {'o', "output", true, OptionId.OUTPUT}, {'f', "format", true, OptionId.FORMAT},
            {'h', "help", false, OptionId.HELP},
        };
        return fromTable(argv0, table, args, true);
    }

    /**
     * A parser of {@code args} with {@code jkmod graph}'s options: {@code -d DIR}, {@code -S RELEASE},
     * {@code -C FILE}, {@code -o FILE}, {@code -h}, {@code -V} with their long names, the long-only
     * {@code --sysfs=ROOT}, {@code --reverse}, {@code --reduce} and {@code --format=FORMAT}, plus
     * {@code --profile}.
     *
     * @param argv0 the name getopt's messages start with
     * @param args the arguments after the command
     * @param requireOrder true to stop at the first operand ({@code POSIXLY_CORRECT})
     * @return the parser
     */
    public static ToolAccess graphParser(String argv0, List<String> args, boolean requireOrder) {
        Object[][] table = {
            {'d', "dirname", true, OptionId.DIRNAME}, {'S', "set-version", true, OptionId.SET_VERSION},
            {'C', "config", true, OptionId.CONFIG}, {null, "sysfs", true, OptionId.SYSFS},
            {null, "reverse", false, OptionId.REVERSE}, {null, "reduce", false, OptionId.REDUCE},
            {null, "format", true, OptionId.FORMAT}, {'o', "output", true, OptionId.OUTPUT},
            {'h', "help", false, OptionId.HELP}, {'V', "version", false, OptionId.VERSION},
        };
        return fromTable(argv0, table, args, requireOrder);
    }

    /**
     * A parser of {@code args} with the options of {@code jkmod devices} ({@code C:d:S:bhV} and
     * {@code --sysfs}, {@code --needed}, {@code --json}) or, for {@code coldplug}, those and
     * {@code -j N}, {@code -n}, {@code --settle} (no {@code --needed}), plus {@code --profile}.
     *
     * @param argv0 the name getopt's messages start with
     * @param args the arguments after the tool's name
     * @param coldplug true for {@code coldplug}'s table
     * @return the parser
     */
    public static ToolAccess devicesParser(String argv0, List<String> args, boolean coldplug) {
        List<Object[]> table = new ArrayList<>(List.of(new Object[][] {
            {'C', "config", true, OptionId.CONFIG}, {'d', "dirname", true, OptionId.DIRNAME},
            {'S', "set-version", true, OptionId.SET_VERSION}, {'b', "use-blacklist", false, OptionId.USE_BLACKLIST},
            {null, "sysfs", true, OptionId.SYSFS}, {null, "json", false, OptionId.JSON},
            {'V', "version", false, OptionId.VERSION}, {'h', "help", false, OptionId.HELP},
        }));
        table.add(coldplug ? new Object[] {'j', "jobs", true, OptionId.JOBS}
                : new Object[] {null, "needed", false, OptionId.NEEDED});
        if (coldplug) {
            table.add(new Object[] {'n', "dry-run", false, OptionId.DRY_RUN});
            table.add(new Object[] {null, "settle", false, OptionId.SETTLE});
        }
        return fromTable(argv0, table.toArray(new Object[0][]), args, false);
    }

    /** A parser of rows {short letter or null, long name, takes an argument, id}, in the tool's order. */
    private static ToolAccess fromTable(String argv0, Object[][] table, List<String> args, boolean requireOrder) {
        List<ShortOption> shorts = new ArrayList<>();
        List<LongOption> longs = new ArrayList<>();
        for (Object[] row : table) {
            if (row[0] != null) {
                shorts.add(new ShortOption((Character) row[0], (Boolean) row[2], (OptionId) row[3]));
            }
            longs.add(new LongOption((String) row[1], (Boolean) row[2], (OptionId) row[3]));
        }
        return new ToolAccess(new Getopt(argv0, shorts, longs,
                List.of(new LongOption("profile", true, OptionId.PROFILE)), args, requireOrder));
    }

    /**
     * The errno libkmod fails to open a module file with, before decompression: {@code EINVAL} for
     * a file shorter than the longest compression magic, else 0.
     *
     * @param fileSize the file's size in bytes
     * @return the errno, or 0
     */
    public static int libkmodFileSizeErrno(long fileSize) {
        return LibkmodElfCheck.ofFileSize(fileSize);
    }

    /**
     * The errno libkmod fails to read an uncompressed module image as ELF with
     * ({@code ENOEXEC}, {@code EINVAL}), or 0 when it accepts it.
     *
     * @param image the uncompressed image
     * @return the errno, or 0
     */
    public static int libkmodElfErrno(byte[] image) {
        return LibkmodElfCheck.of(image);
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

    /**
     * The next option or failure; null once the options are exhausted.
     *
     * @return the event, or null at the end of the options
     */
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
            case OUTPUT:
                opt = Opt.OUTPUT;
                break;
            case FORMAT:
                opt = Opt.FORMAT;
                break;
            case PROFILE:
                opt = Opt.PROFILE;
                break;
            default:
                opt = Opt.valueOf(o.id().name());
                break;
        }
        return new Event(opt, o.argument().orElse(null), null);
    }

    /**
     * The operands, in order; complete once {@link #next()} returned null.
     *
     * @return the operands
     */
    public List<String> operands() {
        return getopt.operands();
    }

    /**
     * The {@code -V} text of {@code profile} (jkmod's name and version, the kmod release,
     * features).
     *
     * @param profile the profile whose release the text names
     * @return the text {@code -V} prints
     */
    public static String versionText(KmodProfile profile) {
        return VersionText.render(profile);
    }

    /**
     * The file an argument names, from its bytes (one char per byte, as {@link #rawArguments} gives
     * them).
     *
     * @param bytes the argument
     * @return the path
     * @throws java.nio.file.InvalidPathException when this JVM cannot name such a file
     */
    public static java.nio.file.Path path(String bytes) {
        return RawArguments.path(bytes);
    }

    /**
     * The arguments as the bytes the program was given, one char per byte.
     *
     * @param decoded the arguments as Java decoded them
     * @return the arguments with one char per original byte
     */
    public static String[] rawArguments(String[] decoded) {
        return RawArguments.of(decoded);
    }

    /**
     * The environment as the bytes the program was given, one char per byte.
     *
     * @param decoded the environment as Java decoded it
     * @return the environment with one char per original byte
     */
    public static Map<String, String> rawEnvironment(Map<String, String> decoded) {
        return RawArguments.environment(decoded);
    }

    /**
     * The system's syslog, messages tagged {@code programName}.
     *
     * @param programName the tag of the messages, e.g. {@code lsmod}
     * @return the syslog client
     */
    public static SyslogSink systemSyslog(String programName) {
        return new SystemLogSink(programName, io.github.jkmod.core.kernel.SystemLog.system());
    }

    /**
     * Closes what {@link #systemSyslog} opened.
     *
     * @param sink a sink from {@link #systemSyslog}
     */
    public static void close(SyslogSink sink) {
        if (sink instanceof SystemLogSink s) {
            s.close();
        }
    }
}
