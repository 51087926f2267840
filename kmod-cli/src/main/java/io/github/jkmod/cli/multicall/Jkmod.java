package io.github.jkmod.cli.multicall;

import io.github.jkmod.cli.Jmodprobe;
import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.cli.insmod.Insmod;
import io.github.jkmod.cli.depmod.DepmodTool;
import io.github.jkmod.cli.graph.GraphTool;
import io.github.jkmod.cli.devices.DevicesTool;
import io.github.jkmod.cli.kmod.KmodTool;
import io.github.jkmod.cli.lsmod.Lsmod;
import io.github.jkmod.cli.modinfo.ModinfoTool;
import io.github.jkmod.cli.rmmod.Rmmod;
import io.github.jkmod.core.KmodProfile;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one executable that is every tool, like kmod's multi-call binary: it acts by the base name
 * it was invoked as (the launcher passes {@code $0} in the system property
 * {@value Jmodprobe#ARGV0_PROPERTY}):
 * <ul>
 * <li>{@code modprobe}, {@code jmodprobe} (and any name not below, so that a copy or link of the
 * old {@code jmodprobe} under another name keeps working): {@link Jmodprobe};</li>
 * <li>{@code lsmod}: {@link Lsmod}; {@code kmod}: {@link KmodTool}; {@code insmod}: {@link Insmod};
 * {@code rmmod}: {@link Rmmod}; {@code modinfo}: {@link ModinfoTool}; {@code depmod}: {@link DepmodTool};</li>
 * <li>{@code jkmod TOOL ARGS...}: the tool {@code TOOL}, invoked as {@code TOOL}.</li>
 * </ul>
 */
public final class Jkmod {
    /** The executable's own name: {@code jkmod TOOL ARGS...}. */
    public static final String NAME = "jkmod";

    private Jkmod() {
    }

    /** What a name stands for. */
    public enum Tool {
        /** modprobe ({@link Jmodprobe}). */
        MODPROBE,
        /** lsmod. */
        LSMOD,
        /** kmod. */
        KMOD,
        /** modinfo. */
        MODINFO,
        /** insmod. */
        INSMOD,
        /** rmmod. */
        RMMOD,
        /** depmod ({@link DepmodTool}). */
        DEPMOD,
        /** jkmod's own graph ({@link GraphTool}). */
        GRAPH,
        /** {@code devices} and {@code coldplug} ({@link DevicesTool}). */
        DEVICES,
        /** jkmod itself: the tool is the first argument. */
        JKMOD
    }

    /**
     * The tool invoked as {@code name} (a base name).
     *
     * @param name the base name of {@code argv[0]}, e.g. {@code lsmod}
     * @return the tool that answers to {@code name}; modprobe for a name it does not know
     */
    public static Tool toolFor(String name) {
        switch (name) {
            case "lsmod":
                return Tool.LSMOD;
            case "kmod":
                return Tool.KMOD;
            case NAME:
                return Tool.JKMOD;
            case "depmod":
                return Tool.DEPMOD;
            case "modinfo":
                return Tool.MODINFO;
            case "insmod":
                return Tool.INSMOD;
            case "rmmod":
                return Tool.RMMOD;
            case "graph":
                return Tool.GRAPH;
            case DevicesTool.DEVICES, DevicesTool.COLDPLUG:
                return Tool.DEVICES;
            default:
                return Tool.MODPROBE;
        }
    }

    /**
     * Runs the tool of the launcher's {@code $0} with the real streams, then exits.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        String argv0 = System.getProperty(Jmodprobe.ARGV0_PROPERTY, Jmodprobe.DEFAULT_NAME);
        String[] rest = args;
        Tool tool = toolFor(ToolRun.baseName(argv0));
        if (tool == Tool.JKMOD && args.length > 0 && toolFor(args[0]) != Tool.JKMOD
                && (toolFor(args[0]) != Tool.MODPROBE || isModprobeName(args[0]))) {
            argv0 = args[0];
            rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            tool = toolFor(argv0);
            System.setProperty(Jmodprobe.ARGV0_PROPERTY, argv0);
        }
        if (tool == Tool.MODPROBE) {
            Jmodprobe.main(rest);
            return;
        }
        PrintStream out = new PrintStream(new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 8192), false, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.ISO_8859_1);
        SyslogSink syslog = ToolAccess.systemSyslog(ToolRun.baseName(argv0));
        ToolRun run = new ToolRun(out, err, ToolAccess.rawEnvironment(System.getenv()), Path.of("/"), syslog);
        int status;
        try {
            status = run(argv0, List.of(ToolAccess.rawArguments(rest)), run);
        } catch (RuntimeException e) {
            // a tool never prints a Java stack trace: one line, the trace for diagnostics
            System.getLogger(Jkmod.class.getName()).log(System.Logger.Level.DEBUG, "internal error", e);
            out.flush();
            status = run.fail(ToolRun.baseName(argv0) + ": ERROR: internal error: " + e + "\n");
        }
        out.flush();
        err.flush();
        ToolAccess.close(syslog);
        Runtime.getRuntime().halt(status);
    }

    private static boolean isModprobeName(String name) {
        return name.equals("modprobe") || name.equals("jmodprobe");
    }

    /**
     * Runs the tool {@code argv0} names, in this JVM.
     *
     * @param argv0 the program as invoked, e.g. {@code /usr/local/sbin/lsmod} or {@code jkmod}
     * @param args the arguments after it
     * @param run streams, environment, root (modprobe always works on the running system) and syslog
     * @return the exit status
     */
    public static int run(String argv0, List<String> args, ToolRun run) {
        switch (toolFor(ToolRun.baseName(argv0))) {
            case LSMOD:
                return Lsmod.run(argv0, ToolRun.baseName(argv0), args, run);
            case KMOD:
                return KmodTool.run(argv0, args, run);
            case MODINFO:
                return ModinfoTool.run(argv0, args, run);
            case INSMOD:
                return Insmod.run(argv0, args, run);
            case RMMOD:
                return Rmmod.run(argv0, args, run);
            case DEPMOD:
                return DepmodTool.run(argv0, args, run);
            case GRAPH:
                return GraphTool.run(argv0, args, run);
            case DEVICES:
                return DevicesTool.run(argv0, args, run);
            case JKMOD:
                return jkmod(argv0, args, run);
            default:
                return Jmodprobe.run(argv0, args.toArray(new String[0]), run.out(), run.err(), run.env());
        }
    }

    /** {@code jkmod TOOL ARGS...}; {@code jkmod -h}, {@code jkmod -V}. */
    private static int jkmod(String argv0, List<String> args, ToolRun run) {
        String first = args.isEmpty() ? "" : args.get(0);
        if (first.equals("-h") || first.equals("--help")) {
            return run.print(usage());
        }
        if (first.equals("-V") || first.equals("--version")) {
            KmodProfile profile;
            try {
                profile = run.profile(NAME);
            } catch (ToolUsageException e) {
                return run.fail(e.text());
            }
            return run.print(ToolAccess.versionText(profile));
        }
        Tool tool = toolFor(first);
        if (first.isEmpty() || tool == Tool.JKMOD || (tool == Tool.MODPROBE && !isModprobeName(first))) {
            return run.fail(NAME + ": ERROR: " + (first.isEmpty() ? "missing tool" : "unknown tool '" + first + "'")
                    + ": expected one of modprobe, lsmod, kmod, modinfo, insmod, rmmod, depmod, graph, devices,"
                    + " coldplug (see jkmod -h)\n");
        }
        return run(first, args.subList(1, args.size()), run);
    }

    /** {@code jkmod -h}. */
    static String usage() {
        return "Usage: jkmod TOOL [ARGS...]\n"
                + "jkmod is every tool it is invoked as (a link named lsmod, modprobe, kmod, ...), or TOOL:\n"
                + "  modprobe     load and remove modules (also as jmodprobe)\n"
                + "  lsmod        list the loaded modules\n"
                + "  kmod         kmod's list, static-nodes and help commands\n"
                + "  modinfo      show the information of modules\n"
                + "  insmod       insert one module file\n"
                + "  rmmod        remove modules\n"
                + "  depmod       build the module index files\n"
                + "  graph        the dependency graph of modules, as Graphviz DOT or SVG\n"
                + "  devices      the modules this machine's devices need; coldplug: load them\n";
    }

    /**
     * A copy of {@code env} choosing {@code profile} (for a command that gets the profile chosen so
     * far).
     *
     * @param env the environment to copy
     * @param profile the profile to name in {@code JKMOD_PROFILE}
     * @return a new map; {@code env} is unchanged
     */
    public static Map<String, String> withProfile(Map<String, String> env, KmodProfile profile) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(KmodProfile.ENVIRONMENT_VARIABLE, profile.cliName());
        return copy;
    }
}
