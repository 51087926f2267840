package io.github.jkmod.cli;

import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.sysfs.InitstateLogic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * modprobe's command line, parsed exactly as kmod 30 parses it: the words of
 * {@code MODPROBE_OPTIONS} (see {@link EnvOptions}) go before the arguments, then glibc
 * {@code getopt_long} rules apply (see {@link Getopt}) with modprobe's option tables, options are
 * acted on left to right ({@code -h} and {@code -V} end parsing where they stand; a bad {@code -w}
 * is refused at once), and finally a command line without operands is refused unless it has
 * {@code -c}. Error texts are modprobe's, byte for byte: getopt's start with {@code argv[0]} as
 * given, modprobe's own ({@code ERROR: ...}) with its base name.
 *
 * <p>jkmod adds two options, {@code --initstate-logic=kmod18|kmod20} and
 * {@code --profile=kmod30|kmod34} (full names only, never listed in the help), and reads the
 * environment variables {@code JKMOD_INITSTATE_LOGIC} and {@code JKMOD_PROFILE} when they are absent.
 */
public final class OptionParser {
    /** The environment variable modprobe reads extra options from. */
    public static final String MODPROBE_OPTIONS = "MODPROBE_OPTIONS";
    /** The environment variable choosing the initstate logic when the option is absent. */
    public static final String INITSTATE_LOGIC_ENV = "JKMOD_INITSTATE_LOGIC";

    private OptionParser() {
    }

    /**
     * Parses a command line.
     *
     * @param argv0 the program as invoked ({@code argv[0]}), e.g. {@code /sbin/modprobe}
     * @param args the arguments after {@code argv[0]}
     * @param env the environment ({@code MODPROBE_OPTIONS}, {@code POSIXLY_CORRECT},
     *     {@code JKMOD_INITSTATE_LOGIC} are read)
     * @return help, version, or the options to run with
     * @throws UsageException when modprobe would refuse the command line (exit status 1)
     */
    public static ParseResult parse(String argv0, List<String> args, Map<String, String> env)
            throws UsageException {
        String programName = baseName(argv0);
        String inherited = env.get(MODPROBE_OPTIONS);
        List<String> argv = new ArrayList<>();
        if (inherited != null) {
            argv.addAll(EnvOptions.split(inherited));
        }
        argv.addAll(args);
        Getopt getopt = new Getopt(argv0, ModprobeOptionTable.SHORT, ModprobeOptionTable.LONG,
                ModprobeOptionTable.EXTRA, argv, env.containsKey("POSIXLY_CORRECT"));
        ModprobeOptions.Builder b = ModprobeOptions.builder();
        String child = inherited;
        Optional<InitstateLogic> logic = Optional.empty();
        Optional<KmodProfile> profile = Optional.empty();
        for (Optional<GetoptEvent> e = getopt.next(); e.isPresent(); e = getopt.next()) {
            if (e.get() instanceof GetoptEvent.Failure f) {
                throw new UsageException(f.text());
            }
            GetoptEvent.Option o = (GetoptEvent.Option) e.get();
            String arg = o.argument().orElse("");
            switch (o.id()) {
                case ALL -> b.all(true);
                case REMOVE -> b.remove(true);
                case REMOVE_HOLDERS -> b.removeHolders(true);
                case WAIT -> {
                    OptionalLong msec = CUnsigned.parse(arg);
                    if (msec.isEmpty()) {
                        throw new UsageException(programName + ": ERROR: unexpected wait value '"
                                + arg + "'.\n");
                    }
                    b.waitMsec(msec.getAsLong());
                }
                case RESOLVE_ALIAS -> b.resolveAlias(true);
                case FIRST_TIME -> b.firstTime(true);
                case IGNORE_COMMANDS -> b.ignoreCommands(true);
                case USE_BLACKLIST -> b.useBlacklist(true);
                case FORCE -> b.forceModversion(true).forceVermagic(true);
                case FORCE_MODVERSION -> b.forceModversion(true);
                case FORCE_VERMAGIC -> b.forceVermagic(true);
                case SHOW_DEPENDS -> b.showDepends(true);
                case SHOW_CONFIG -> b.showConfig(true);
                case SHOW_MODVERSIONS -> b.showModversions(true);
                case SHOW_EXPORTS -> b.showExports(true);
                case DRY_RUN -> b.dryRun(true);
                case CONFIG -> {
                    b.addConfigPath(arg);
                    child = append(child, "-C " + arg);
                }
                case DIRNAME -> b.root(arg);
                case SET_VERSION -> b.kernelVersion(arg);
                case SYSLOG -> {
                    b.syslog(true);
                    child = append(child, "-s");
                }
                case QUIET -> {
                    b.logPriority(0);
                    child = append(child, "-q");
                }
                case VERBOSE -> {
                    b.logPriority(b.logPriority + 1);
                    child = append(child, "-v");
                }
                case VERSION -> {
                    return new ParseResult.Version(profile.isPresent() ? profile.get() : profile(programName, env));
                }
                case HELP -> {
                    return new ParseResult.Help(profile.isPresent() ? profile.get() : profile(programName, env));
                }
                case PROFILE -> profile = Optional.of(profile(programName, "profile value", arg));
                case INITSTATE_LOGIC -> logic = Optional.of(initstateLogic(programName,
                        "initstate logic value", arg));
            }
        }
        if (logic.isEmpty() && env.get(INITSTATE_LOGIC_ENV) != null) {
            logic = Optional.of(initstateLogic(programName, INITSTATE_LOGIC_ENV + " value",
                    env.get(INITSTATE_LOGIC_ENV)));
        }
        if (logic.isPresent()) {
            b.initstateLogic(logic.get());
        }
        b.profile(profile.isPresent() ? profile.get() : profile(programName, env));
        b.childModprobeOptions(Optional.ofNullable(child));
        b.operands(getopt.operands());
        ModprobeOptions options = b.build();
        if (!options.showConfig() && options.operands().isEmpty()) {
            String message = "missing parameters. See -h.";
            throw new UsageException(programName + ": ERROR: " + message + "\n",
                    options.syslog() ? Optional.of("ERROR: " + message) : Optional.empty());
        }
        return new ParseResult.Run(options);
    }

    /**
     * The part of {@code argv0} after its last slash, like {@code program_invocation_short_name}.
     *
     * @param argv0 the program name, as {@code argv[0]}
     * @return the base name, e.g. {@code modprobe} for {@code /sbin/modprobe}
     */
    public static String baseName(String argv0) {
        return ToolRun.baseName(argv0);
    }

    private static String append(String current, String word) {
        return current == null ? word : current + " " + word;
    }

    /** The profile of {@code JKMOD_PROFILE}, else the default ({@link ToolRun#profile(String, Map)}). */
    private static KmodProfile profile(String programName, Map<String, String> env) throws UsageException {
        try {
            return ToolRun.profile(programName, env);
        } catch (ToolUsageException e) {
            throw new UsageException(e.text());
        }
    }

    /** The profile named {@code value} exactly, like --initstate-logic ({@link ToolRun#profile(String, String, String)}). */
    private static KmodProfile profile(String programName, String what, String value) throws UsageException {
        try {
            return ToolRun.profile(programName, what, value);
        } catch (ToolUsageException e) {
            throw new UsageException(e.text());
        }
    }

    private static InitstateLogic initstateLogic(String programName, String what, String value)
            throws UsageException {
        // Exactly as written (kmod18, kmod20): the option takes no other spellings.
        for (InitstateLogic l : InitstateLogic.values()) {
            if (l.cliName().equals(value)) {
                return l;
            }
        }
        throw new UsageException(programName + ": ERROR: unexpected " + what + " '" + value
                + "' (expected kmod18 or kmod20).\n");
    }
}
