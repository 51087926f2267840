package io.github.jkmod.cli.kmod;

import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.cli.lsmod.Lsmod;
import io.github.jkmod.cli.multicall.Jkmod;
import io.github.jkmod.core.KmodProfile;

import java.util.List;

/**
 * {@code kmod}: {@code -h}, {@code -V}, and the commands {@code help}, {@code list} (which is
 * {@link Lsmod}) and {@code static-nodes} ({@link StaticNodesCommand}), with kmod's help text and usage errors
 * for the chosen profile. Options stop at the command ({@code +hV}), as in kmod.
 */
public final class KmodTool {
    private KmodTool() {
    }

    /**
     * Runs {@code kmod}.
     *
     * @param argv0 the program as invoked (getopt's messages start with it)
     * @param args the arguments after {@code argv0}
     * @param run streams, environment, root and syslog
     * @return the exit status
     */
    public static int run(String argv0, List<String> args, ToolRun run) {
        String programName = ToolRun.baseName(argv0);
        KmodProfile profile;
        try {
            profile = run.profile(programName);
        } catch (ToolUsageException e) {
            return run.fail(e.text());
        }
        ToolAccess getopt = ToolAccess.parser(argv0, "hV", List.of("help", "version"), args, true);
        for (ToolAccess.Event e = getopt.next(); e != null; e = getopt.next()) {
            if (e.failure() != null) {
                return run.fail(e.failure());
            }
            switch (e.opt()) {
                case HELP:
                    return run.print(help(programName, profile));
                case VERSION:
                    return run.print(ToolAccess.versionText(profile));
                case PROFILE:
                    try {
                        profile = ToolRun.profile(programName, "profile value", e.argument());
                    } catch (ToolUsageException x) {
                        return run.fail(x.text());
                    }
                    break;
                default:
                    break;
            }
        }
        List<String> operands = getopt.operands();
        if (operands.isEmpty()) {
            return usageError(run, programName, profile, "missing command\n");
        }
        String command = operands.get(0);
        List<String> commandArgs = operands.subList(1, operands.size());
        switch (command) {
            case "help":
                // kmod 30 names the command's argv[0], kmod 34 the program
                return run.print(help(profile == KmodProfile.KMOD_30 ? "help" : programName, profile));
            case "list":
                ToolRun listRun = new ToolRun(run.out(), run.err(),
                        Jkmod.withProfile(run.env(), profile), run.root(), run.syslog());
                return Lsmod.run("list", programName, commandArgs, listRun);
            case "static-nodes":
                // kmod hands the command its own argv[1] as argv[0]: "--" after "kmod --"
                return StaticNodesCommand.run(args.get(0).equals("--") ? "--" : command, programName, commandArgs, run);
            default:
                return usageError(run, programName, profile, "invalid command '" + command + "'\n");
        }
    }

    private static int usageError(ToolRun run, String programName, KmodProfile profile, String message) {
        run.print(help(programName, profile));
        return run.fail(message);
    }

    /** kmod's help text for {@code profile}, naming {@code name}. */
    static String help(String name, KmodProfile profile) {
        boolean k30 = profile == KmodProfile.KMOD_30;
        return "kmod - Manage kernel modules: list, load, unload, etc\n"
                + "Usage:\n"
                + "\t" + name + " [options] command [command_options]\n"
                + "\n"
                + "Options:\n"
                + "\t-V, --version     show version\n"
                + "\t-h, --help        show this help\n"
                + "\n"
                + "Commands:\n"
                + (k30 ? "  help         Show help message\n" : "  help         show help message\n")
                + "  list         list currently loaded modules\n"
                + (k30 ? "  static-nodes outputs" : "  static-nodes output")
                + " the static-node information installed with the currently running kernel\n"
                + "\n"
                + "kmod also handles gracefully if called from following symlinks:\n"
                + "  lsmod        compat lsmod command\n"
                + "  rmmod        compat rmmod command\n"
                + "  insmod       compat insmod command\n"
                + "  modinfo      compat modinfo command\n"
                + "  modprobe     compat modprobe command\n"
                + "  depmod       compat depmod command\n";
    }
}
