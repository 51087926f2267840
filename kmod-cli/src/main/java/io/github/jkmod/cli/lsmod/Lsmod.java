package io.github.jkmod.cli.lsmod;

import io.github.jkmod.cli.Log;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.SystemErrors;
import io.github.jkmod.cli.common.ProfileOption;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.LoadedModule;
import io.github.jkmod.sysfs.SysfsException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code lsmod} (and {@code kmod list}): the loaded modules of {@code ROOT/proc/modules} with their
 * size, use count and holders from {@code ROOT/sys/module}, in kmod's format
 * ({@code %-19s %8ld  %d} then the holders, comma-separated). A value kmod cannot read is printed as
 * kmod prints it, {@code -2} (minus ENOENT); a holders directory that cannot be listed is reported
 * on standard error and the line printed without holders.
 *
 * <p>Command line by profile: kmod 30 takes no argument at all ({@code Usage: ARGV0}); kmod 34.2
 * takes {@code -s -v -V -h} and no operand. jkmod's {@code --profile=kmod30|kmod34} is accepted by
 * both.
 */
public final class Lsmod {
    /** The header line, as kmod prints it. */
    public static final String HEADER = "Module                  Size  Used by\n";

    private Lsmod() {
    }

    /**
     * Runs {@code lsmod}.
     *
     * @param argv0 the name getopt's messages and kmod 30's usage line use ({@code list} for
     *     {@code kmod list})
     * @param programName the name kmod 34's messages start with (the process's base name)
     * @param args the arguments after {@code argv0}
     * @param run streams, environment, root and syslog
     * @return the exit status, 0 or 1
     */
    public static int run(String argv0, String programName, List<String> args, ToolRun run) {
        KmodProfile profile;
        List<String> rest = new ArrayList<>();
        try {
            // jkmod's --profile first: it decides how the rest is read.
            profile = ProfileOption.split(programName, run.profile(programName), args, rest);
        } catch (ToolUsageException e) {
            return run.fail(e.text());
        }
        boolean syslog = false;
        if (profile == KmodProfile.KMOD_30) {
            if (!rest.isEmpty()) {
                return run.fail("Usage: " + argv0 + "\n");
            }
        } else {
            ToolAccess getopt = ToolAccess.parser(argv0, "svhV",
                    List.of("syslog", "verbose", "version", "help"), args, false);
            for (ToolAccess.Event e = getopt.next(); e != null; e = getopt.next()) {
                if (e.failure() != null) {
                    return run.fail(e.failure());
                }
                switch (e.opt()) {
                    case SYSLOG:
                        syslog = true;
                        break;
                    case HELP:
                        return run.print(help(programName));
                    case VERSION:
                        return run.print(ToolAccess.versionText(profile));
                    default:
                        break;
                }
            }
            if (!getopt.operands().isEmpty()) {
                error(run, syslog, programName, "too many arguments provided.");
                return 1;
            }
        }
        return list(programName, profile, syslog, run);
    }

    /** kmod 34's {@code -h} text, naming {@code programName}. */
    static String help(String programName) {
        return "Usage:\n\t" + programName + " [options]\n"
                + "Options:\n"
                + "\t-s, --syslog      print to syslog, not stderr\n"
                + "\t-v, --verbose     enables more messages\n"
                + "\t-V, --version     show version\n"
                + "\t-h, --help        show this help\n";
    }

    private static int list(String programName, KmodProfile profile, boolean syslog, ToolRun run) {
        List<LoadedModule> modules;
        try {
            modules = KernelState.ofRoot(run.root()).loaded();
        } catch (SysfsException e) {
            String reason = SystemErrors.text(e.getCause());
            if (profile == KmodProfile.KMOD_30) {
                run.err().print(profile.libkmodLine("../libkmod/libkmod-module.c:1725 kmod_module_new_from_loaded",
                        "could not open /proc/modules: " + reason) + "\n");
                run.err().print("Error: could not get list of modules: " + reason + "\n");
                run.err().flush();
            } else {
                error(run, syslog, programName, "could not open /proc/modules: " + reason);
                error(run, syslog, programName, "could not get list of modules: " + reason);
            }
            return 1;
        }
        StringBuilder b = new StringBuilder(HEADER.length() + 48 * modules.size());
        b.append(HEADER);
        for (LoadedModule m : modules) {
            line(b, m);
            if (m.holders().isEmpty()) {
                // kmod reports it when it reaches the module: after the lines before it
                run.out().print(b);
                b.setLength(0);
                String message = "could not open '/sys/module/" + m.name() + "/holders': No such file or directory";
                if (profile == KmodProfile.KMOD_30) {
                    run.err().print(profile.libkmodLine("../libkmod/libkmod-module.c:1998 kmod_module_get_holders",
                            message) + "\n");
                    run.err().flush();
                } else {
                    error(run, syslog, programName, message);
                }
            }
            b.append('\n');
        }
        run.out().print(b);
        run.out().flush();
        return 0;
    }

    /** The line of {@code m} without its newline: {@code %-19s %8ld  %d} and the holders. */
    static void line(StringBuilder b, LoadedModule m) {
        b.append(m.name());
        for (int i = m.name().length(); i < 19; i++) {
            b.append(' ');
        }
        b.append(' ');
        String size = Long.toString(m.size().isPresent() ? m.size().getAsLong() : -2);
        for (int i = size.length(); i < 8; i++) {
            b.append(' ');
        }
        b.append(size).append("  ").append(m.useCount().isPresent() ? m.useCount().getAsInt() : -2);
        if (m.holders().isPresent()) {
            List<String> holders = m.holders().get();
            for (int i = 0; i < holders.size(); i++) {
                b.append(i == 0 ? ' ' : ',').append(holders.get(i));
            }
        }
    }

    /** kmod 34's error line ({@code NAME: ERROR: MESSAGE}), on stderr or, with -s, to syslog. */
    private static void error(ToolRun run, boolean syslog, String programName, String message) {
        if (syslog) {
            run.syslog().send(Log.ERR, "ERROR: " + message);
        } else {
            run.err().print(programName + ": ERROR: " + message + "\n");
            run.err().flush();
        }
    }
}
