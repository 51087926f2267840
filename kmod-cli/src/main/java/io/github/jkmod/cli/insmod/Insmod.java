package io.github.jkmod.cli.insmod;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.Log;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.FileArgument;
import io.github.jkmod.cli.common.ProfileOption;
import io.github.jkmod.cli.common.ToolLog;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.Force;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.ModuleLoader;
import io.github.jkmod.index.ModuleNames;
import io.github.jkmod.sysfs.KernelState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code insmod [options] FILENAME [ARGS...]}: inserts one module file, uncompressed or compressed,
 * with the parameters ARGS, through {@link ModuleLoader} (no dependency, no configuration).
 *
 * <p>Command line by profile, as each real insmod: kmod 30 takes {@code -p} and {@code -s} (both
 * ignored), {@code -f}, {@code -V}, {@code -h} and only {@code --version} and {@code --help} as long
 * options, and passes ARGS joined with spaces; kmod 34.2 takes {@code -f/--force},
 * {@code -s/--syslog}, {@code -v/--verbose}, {@code -V}, {@code -h}, and quotes a value holding a
 * space. Options may follow the file name (getopt permutes), {@code --} ends them.
 *
 * <p>Errors as kmod's: {@code could not load module F: ...} when F cannot be found,
 * {@code could not insert module F: ...} when libkmod or the kernel refuses it, with insmod's own
 * texts for {@code ENOEXEC} ({@code Invalid module format}), {@code ENOENT} ({@code Unknown symbol
 * in module}), {@code ESRCH} ({@code Module has wrong symbol version}) and {@code EINVAL}
 * ({@code Invalid parameters}); exit status 1.
 */
public final class Insmod {
    private Insmod() {
    }

    /**
     * Runs {@code insmod} with the running kernel's system calls.
     *
     * @param argv0 the program as invoked (getopt's messages start with it)
     * @param args the arguments after {@code argv0}
     * @param run streams, environment, root (its {@code sys/module/compression} is read) and syslog
     * @return the exit status, 0 or 1
     */
    public static int run(String argv0, List<String> args, ToolRun run) {
        return run(argv0, args, run, KernelCalls.system());
    }

    /**
     * Runs {@code insmod} with {@code kernel}'s system calls (a fake kernel in tests).
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
        ToolAccess getopt = k30 ? ToolAccess.parser(argv0, "psfVh", List.of("version", "help"), rest, false)
                : ToolAccess.parser(argv0, "fsvVh", List.of("force", "syslog", "verbose", "version", "help"),
                        rest, false);
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
                    syslog = !k30; // kmod 30: accepted for compatibility, ignored
                    break;
                case VERBOSE:
                    threshold++;
                    break;
                case HELP:
                    return run.print(help(programName, profile));
                case VERSION:
                    return run.print(ToolAccess.versionText(profile));
                default:
                    break;
            }
        }
        ToolLog log = new ToolLog(programName, run, syslog, threshold);
        List<String> operands = getopt.operands();
        if (operands.isEmpty()) {
            log.error("missing filename.\n");
            return 1;
        }
        String filename = operands.get(0);
        if (filename.equals("-")) {
            log.error("this tool does not support loading from stdin!\n");
            return 1;
        }
        List<String> params = operands.subList(1, operands.size());
        String options = k30 ? ModuleOptions.joined(params) : ModuleOptions.quoted(params);
        // kmod 34 installs its log function (kmod 30's insmod keeps libkmod's own, at LOG_ERR)
        if (!k30) {
            log.registered("");
        }
        int status = insert(filename, options, force, run, kernel, log);
        if (!k30) {
            log.released("");
        }
        return status;
    }

    private static int insert(String filename, String options, boolean force, ToolRun run, KernelCalls kernel,
            ToolLog log) {
        // kmod_module_new_from_path: the file must exist, and its name give a module name
        Optional<String> missing = FileArgument.statError(filename);
        if (missing.isPresent()) {
            log.error("could not load module " + filename + ": " + missing.get() + "\n");
            return 1;
        }
        if (filename.endsWith("/")) {
            log.error("could not load module " + filename + ": No such file or directory\n");
            return 1;
        }
        String name = ModuleNames.fromPath(filename);
        Path file = ToolAccess.path(filename);
        int opened = ModuleFileCheck.errno(file);
        if (opened != 0) {
            log.error("could not insert module " + filename + ": " + strerror(opened) + "\n");
            return 1;
        }
        Set<Force> forces = force ? EnumSet.allOf(Force.class) : EnumSet.noneOf(Force.class);
        try {
            new ModuleLoader(kernel, KernelState.ofRoot(run.root())).insert(name, file, options, forces);
            return 0;
        } catch (KernelCallException e) {
            if (log.enabled(Log.INFO)) {
                log.info("Failed to insert module '" + absolute(filename) + "': " + e.strerror() + "\n");
            }
            log.error("could not insert module " + filename + ": " + strerror(e.errno()) + "\n");
            return 1;
        } catch (KmodException e) {
            log.error("could not insert module " + filename + ": " + e.getMessage() + "\n");
            return 1;
        }
    }

    /** libkmod's absolute form of a path: the working directory before a relative one, nothing resolved. */
    private static String absolute(String filename) {
        return filename.startsWith("/") ? filename : System.getProperty("user.dir") + "/" + filename;
    }

    /**
     * insmod's text for an error number: its own for {@code ENOEXEC}, {@code ENOENT}, {@code ESRCH}
     * and {@code EINVAL}, glibc's for the others.
     *
     * @param errno the positive error number
     * @return the text
     */
    static String strerror(int errno) {
        switch (errno) {
            case Errno.ENOEXEC:
                return "Invalid module format";
            case Errno.ENOENT:
                return "Unknown symbol in module";
            case Errno.ESRCH:
                return "Module has wrong symbol version";
            case Errno.EINVAL:
                return "Invalid parameters";
            default:
                return Errno.strerror(errno);
        }
    }

    /** The {@code -h} text of {@code profile}, naming {@code programName}. */
    static String help(String programName, KmodProfile profile) {
        if (profile == KmodProfile.KMOD_30) {
            return "Usage:\n\t" + programName + " [options] filename [args]\n"
                    + "Options:\n"
                    + "\t-V, --version     show version\n"
                    + "\t-h, --help        show this help\n";
        }
        return "Usage:\n\t" + programName + " [options] filename [module options]\n"
                + "Options:\n"
                + "\t-f, --force       DANGEROUS: forces a module load, may cause\n"
                + "\t                  data corruption and crash your machine\n"
                + "\t-s, --syslog      print to syslog, not stderr\n"
                + "\t-v, --verbose     enables more messages\n"
                + "\t-V, --version     show version\n"
                + "\t-h, --help        show this help\n";
    }
}
