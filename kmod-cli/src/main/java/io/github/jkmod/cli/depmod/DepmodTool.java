package io.github.jkmod.cli.depmod;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ProfileOption;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.depmod.Depmod;
import io.github.jkmod.core.depmod.DepmodMessage;
import io.github.jkmod.core.depmod.DepmodResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code depmod}: the index files of a module tree, option for option as kmod's depmod of the
 * profile ({@code -a -A -b -C -e -E -F -n -P -w -v -V -h}; kmod 34.2 adds {@code -m} and
 * {@code -o}, kmod 30 accepts and ignores the deprecated {@code -u -q -r -m}), with its messages and
 * exit statuses. The files are built by {@link Depmod} and written through temporary files renamed
 * into place only when all are written, so a failure leaves the old indexes as they were.
 */
public final class DepmodTool {
    private static final String SHORT_34 = "aAb:m:o:C:E:F:evnP:wVh";
    private static final String SHORT_30 = "aAb:C:E:F:euqrvnP:wmVh";

    private DepmodTool() {
    }

    private static List<DepmodGetopt.LongOpt> longOptions(KmodProfile profile) {
        List<DepmodGetopt.LongOpt> l = new ArrayList<>();
        l.add(new DepmodGetopt.LongOpt("all", false, 'a'));
        l.add(new DepmodGetopt.LongOpt("quick", false, 'A'));
        l.add(new DepmodGetopt.LongOpt("basedir", true, 'b'));
        if (profile != KmodProfile.KMOD_30) {
            l.add(new DepmodGetopt.LongOpt("moduledir", true, 'm'));
            l.add(new DepmodGetopt.LongOpt("outdir", true, 'o'));
        }
        l.add(new DepmodGetopt.LongOpt("config", true, 'C'));
        l.add(new DepmodGetopt.LongOpt("symvers", true, 'E'));
        l.add(new DepmodGetopt.LongOpt("filesyms", true, 'F'));
        l.add(new DepmodGetopt.LongOpt("errsyms", false, 'e'));
        if (profile == KmodProfile.KMOD_30) {
            l.add(new DepmodGetopt.LongOpt("unresolved-error", false, 'u'));
            l.add(new DepmodGetopt.LongOpt("quiet", false, 'q'));
            l.add(new DepmodGetopt.LongOpt("root", false, 'r'));
        }
        l.add(new DepmodGetopt.LongOpt("verbose", false, 'v'));
        l.add(new DepmodGetopt.LongOpt("show", false, 'n'));
        l.add(new DepmodGetopt.LongOpt("dry-run", false, 'n'));
        l.add(new DepmodGetopt.LongOpt("symbol-prefix", true, 'P'));
        l.add(new DepmodGetopt.LongOpt("warn", false, 'w'));
        if (profile == KmodProfile.KMOD_30) {
            l.add(new DepmodGetopt.LongOpt("map", false, 'm'));
        }
        l.add(new DepmodGetopt.LongOpt("version", false, 'V'));
        l.add(new DepmodGetopt.LongOpt("help", false, 'h'));
        return l;
    }

    /**
     * Runs {@code depmod}.
     *
     * @param argv0 the program as invoked (getopt's messages start with it)
     * @param args the arguments after it
     * @param run streams, environment and root
     * @return the exit status, 0 or 1
     */
    public static int run(String argv0, List<String> args, ToolRun run) {
        String program = ToolRun.baseName(argv0);
        KmodProfile profile;
        List<String> rest = new ArrayList<>();
        try {
            profile = ProfileOption.split(program, run.profile(program), args, rest);
        } catch (ToolUsageException e) {
            return run.fail(e.text());
        }
        DepmodCommand cmd = new DepmodCommand(program, profile, run);
        DepmodGetopt getopt = new DepmodGetopt(argv0, profile == KmodProfile.KMOD_30 ? SHORT_30 : SHORT_34,
                longOptions(profile), rest);
        for (DepmodGetopt.Found f = getopt.next(); f != null; f = getopt.next()) {
            if (f.failure() != null) {
                return run.fail(f.failure());
            }
            switch (f.letter()) {
                case 'h':
                    return run.print(help(program, profile));
                case 'V':
                    return run.print(ToolAccess.versionText(profile));
                case 'u':
                case 'q':
                case 'r':
                    cmd.warn("Ignored deprecated option " + (f.longName() != null ? "--" + f.longName() : "-" + f.letter()));
                    break;
                case 'm':
                    if (profile == KmodProfile.KMOD_30) {
                        cmd.warn("Ignored deprecated option " + (f.longName() != null ? "--" + f.longName() : "-m"));
                        break;
                    }
                    cmd.option(f.letter(), f.argument());
                    break;
                default:
                    if (!cmd.option(f.letter(), f.argument())) {
                        return 1;
                    }
                    break;
            }
        }
        return cmd.execute(getopt.operands());
    }

    /** The {@code -h} text of the profile's depmod. */
    static String help(String program, KmodProfile profile) {
        String common = "Usage:\n\t" + program + " -[aA] [options] [forced_version]\n\n"
                + "If no arguments (except options) are given, \"depmod -a\" is assumed\n\n"
                + "depmod will output a dependency list suitable for the modprobe utility.\n\n"
                + "Options:\n"
                + "\t-a, --all            Probe all modules\n"
                + "\t-A, --quick          Only does the work if there's a new module\n"
                + "\t-e, --errsyms        Report not supplied symbols\n"
                + "\t-n, --show           Write the dependency file on stdout only\n"
                + "\t-P, --symbol-prefix  Architecture symbol prefix\n"
                + "\t-C, --config=PATH    Read configuration from PATH\n"
                + "\t-v, --verbose        Enable verbose mode\n"
                + "\t-w, --warn           Warn on duplicates\n"
                + "\t-V, --version        show version\n"
                + "\t-h, --help           show this help\n\n"
                + "The following options are useful for people managing distributions:\n";
        String dirs = profile == KmodProfile.KMOD_30
                ? "\t-b, --basedir=DIR    Use an image of a module tree.\n"
                : "\t-b, --basedir=DIR    Root path (default: /).\n"
                        + "\t-m, --moduledir=DIR  Module directory (default: /lib/modules).\n"
                        + "\t-o, --outdir=DIR     Output root path (default: same as <basedir>).\n";
        return common + dirs
                + "\t-F, --filesyms=FILE  Use the file instead of the\n"
                + "\t                     current kernel symbols.\n"
                + "\t-E, --symvers=FILE   Use Module.symvers file to check\n"
                + "\t                     symbol versions.\n";
    }

    /** The release of the running kernel, as {@code uname -r}. */
    static String runningRelease() throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc/sys/kernel/osrelease")), StandardCharsets.ISO_8859_1).strip();
    }

    /** Prints a result's text files, as {@code depmod -n}. */
    static void print(DepmodResult result, ToolRun run) {
        byte[] text = result.dryRunOutput();
        run.out().write(text, 0, text.length);
        run.out().flush();
    }

    /** Prints a message as depmod's log does. */
    static void log(ToolRun run, String program, DepmodMessage m) {
        run.err().print(m.line(program) + "\n");
        run.err().flush();
    }

    /** The failure of a run: its message at FATAL. */
    static int fatal(ToolRun run, String program, KmodException e) {
        log(run, program, new DepmodMessage(DepmodMessage.Level.FATAL, e.getMessage()));
        return 1;
    }
}
