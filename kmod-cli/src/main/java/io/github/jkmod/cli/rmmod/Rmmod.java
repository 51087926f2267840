package io.github.jkmod.cli.rmmod;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.Log;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.FileArgument;
import io.github.jkmod.cli.common.ProfileOption;
import io.github.jkmod.cli.common.ToolLog;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.ModuleLoader;
import io.github.jkmod.index.ModuleNames;
import io.github.jkmod.sysfs.KernelState;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rmmod [options] MODULE...}: removes each module, named or given as a file (an existing
 * file counts by its name: {@code ./crc16.ko} is {@code crc16}; any other argument is a name, cut at
 * its first {@code .}, {@code -} read as {@code _}). Unless {@code -f}, a module must be loaded, not
 * builtin, held by nothing and unused ({@link UseCheck}); then {@code delete_module} with
 * {@code O_NONBLOCK} ({@code O_TRUNC} too with {@code -f}). Every argument is tried; the status is 1
 * when one failed.
 *
 * <p>Options: {@code -f/--force}, {@code -s/--syslog}, {@code -v/--verbose}, {@code -V}, {@code -h}.
 * kmod 30's option string also has {@code -w}, which nothing handles: {@code unexpected
 * getopt_long() value 'w'.} and status 1. kmod 30 ends with status 0 when an argument cannot be used
 * at all (a path ending in {@code /}), kmod 34.2 with 1; both stop at that argument.
 */
public final class Rmmod {
    private Rmmod() {
    }

    /**
     * Runs {@code rmmod} with the running kernel's system calls.
     *
     * @param argv0 the program as invoked (getopt's messages start with it)
     * @param args the arguments after {@code argv0}
     * @param run streams, environment, root (its {@code sys/module} is read) and syslog
     * @return the exit status, 0 or 1
     */
    public static int run(String argv0, List<String> args, ToolRun run) {
        return run(argv0, args, run, KernelCalls.system());
    }

    /**
     * Runs {@code rmmod} with {@code kernel}'s system calls (a fake kernel in tests).
     *
     * @param argv0 the program as invoked (getopt's messages start with it)
     * @param args the arguments after {@code argv0}
     * @param run streams, environment, root and syslog
     * @param kernel the system calls
     * @return the exit status, 0 or 1
     */
    public static int run(String argv0, List<String> args, ToolRun run, KernelCalls kernel) {
        String programName = ToolRun.baseName(argv0);
        List<String> rest = new ArrayList<>();
        KmodProfile profile;
        try {
            profile = ProfileOption.split(programName, run.profile(programName), args, rest);
        } catch (ToolUsageException e) {
            return run.fail(e.text());
        }
        boolean k30 = profile == KmodProfile.KMOD_30;
        ToolAccess getopt = ToolAccess.parser(argv0, k30 ? "fsvVwh" : "fsvVh",
                List.of("force", "syslog", "verbose", "version", "help"), rest, false);
        boolean force = false;
        boolean syslog = false;
        int threshold = Log.ERR;
        for (ToolAccess.Event e = getopt.next(); e != null; e = getopt.next()) {
            if (e.failure() != null) {
                return run.fail(e.failure());
            }
            switch (e.opt()) {
                case FORCE:
                    force = true;
                    break;
                case SYSLOG:
                    syslog = true;
                    break;
                case VERBOSE:
                    threshold++;
                    break;
                case HELP:
                    return run.print(help(programName, profile));
                case VERSION:
                    return run.print(ToolAccess.versionText(profile));
                case WAIT:
                    // before the log is opened: on stderr whatever -s says
                    return run.fail(programName + ": ERROR: unexpected getopt_long() value 'w'.\n");
                default:
                    break;
            }
        }
        ToolLog log = new ToolLog(programName, run, syslog, threshold);
        List<String> operands = getopt.operands();
        if (operands.isEmpty()) {
            log.error("missing module name.\n");
            return 1;
        }
        String libkmod = profile.logPrefix("../libkmod/libkmod.c:367", "kmod_set_log_fn");
        log.registered(libkmod);
        KernelState state = KernelState.ofRoot(run.root());
        ModuleLoader loader = new ModuleLoader(kernel, state);
        UseCheck check = new UseCheck(state, profile, log, run.err());
        boolean failed = false;
        for (String arg : operands) {
            String name = name(arg);
            if (name == null) {
                log.error("could not use module " + arg + ": No such file or directory\n");
                failed |= !k30;
                break;
            }
            if (!force && !check.removable(name)) {
                failed = true;
                continue;
            }
            try {
                loader.remove(name, force);
            } catch (KernelCallException e) {
                log.error(profile.logPrefix("../libkmod/libkmod-module.c:856", "kmod_module_remove_module")
                        + "could not remove '" + name + "': " + e.strerror() + "\n");
                log.error("could not remove module " + arg + ": " + e.strerror() + "\n");
                failed = true;
            } catch (KmodException e) {
                log.error("could not remove module " + arg + ": " + e.getMessage() + "\n");
                failed = true;
            }
        }
        log.released(profile.logPrefix("../libkmod/libkmod.c:334", "kmod_unref"));
        return failed ? 1 : 0;
    }

    /**
     * The module an argument names: an existing file by its base name (null when that is empty: a
     * path ending in {@code /}), anything else as a name; both cut at the first {@code .}, with
     * {@code -} as {@code _}.
     */
    static String name(String arg) {
        if (FileArgument.statError(arg).isEmpty()) {
            return arg.endsWith("/") ? null : ModuleNames.fromPath(arg);
        }
        int dot = arg.indexOf('.');
        return ModuleNames.normalize(dot < 0 ? arg : arg.substring(0, dot));
    }

    /** The {@code -h} text of {@code profile}, naming {@code programName}. */
    static String help(String programName, KmodProfile profile) {
        if (profile == KmodProfile.KMOD_30) {
            return "Usage:\n\t" + programName + " [options] modulename ...\n"
                    + "Options:\n"
                    + "\t-f, --force       forces a module unload and may crash your\n"
                    + "\t                  machine. This requires Forced Module Removal\n"
                    + "\t                  option in your kernel. DANGEROUS\n"
                    + "\t-s, --syslog      print to syslog, not stderr\n"
                    + "\t-v, --verbose     enables more messages\n"
                    + "\t-V, --version     show version\n"
                    + "\t-h, --help        show this help\n";
        }
        return "Usage:\n\t" + programName + " [options] [list of modulenames]\n"
                + "Options:\n"
                + "\t-f, --force       DANGEROUS: forces a module unload and may\n"
                + "\t                  crash your machine\n"
                + "\t-s, --syslog      print to syslog, not stderr\n"
                + "\t-v, --verbose     enables more messages\n"
                + "\t-V, --version     show version\n"
                + "\t-h, --help        show this help\n";
    }
}
