package io.github.jkmod.cli.graph;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.OutputFile;
import io.github.jkmod.cli.common.SystemErrors;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.core.ContextWarning;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.ModuleNotFoundException;
import io.github.jkmod.core.graph.DotWriter;
import io.github.jkmod.core.graph.GraphPlanner;
import io.github.jkmod.core.graph.GraphvizException;
import io.github.jkmod.core.graph.GraphvizNotFoundException;
import io.github.jkmod.core.graph.GraphvizRenderer;
import io.github.jkmod.core.graph.ModuleGraph;
import io.github.jkmod.sysfs.KernelState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jkmod graph [OPTIONS] NAME...}: the load plan of modules or aliases (or, with
 * {@code --reverse}, the modules that need them; with {@code --reduce}, without the
 * {@code modules.dep} edges that other hard edges imply) as Graphviz DOT ({@code --format=dot}, the
 * default) or SVG ({@code --format=svg}, rendered by Graphviz's {@code dot}), on standard output
 * or, with {@code -o FILE}, in {@code FILE} (written whole under a temporary name, then renamed).
 * The module directory, release and configuration are modprobe's ({@code -d}, {@code -S},
 * {@code -C}); loaded marks and {@code holders/} are read under {@code --sysfs ROOT}
 * ({@code ROOT/sys/module}; default the run's root).
 */
public final class GraphTool {
    private GraphTool() {
    }

    /**
     * Runs {@code graph}.
     *
     * @param argv0 the program as invoked (getopt's messages start with it)
     * @param args the arguments after {@code argv0}
     * @param run streams, environment, root and syslog
     * @return the exit status, 0 or 1
     */
    public static int run(String argv0, List<String> args, ToolRun run) {
        String programName = ToolRun.baseName(argv0);
        GraphOptions options;
        try {
            options = GraphOptions.parse(argv0, args, run);
        } catch (ToolUsageException e) {
            return run.fail(e.text());
        }
        if (options.help()) {
            return run.print(help(programName));
        }
        if (options.version()) {
            return run.print(ToolAccess.versionText(options.profile()));
        }
        if (options.names().isEmpty()) {
            return run.fail(programName + ": ERROR: missing module name (see " + programName + " -h)\n");
        }
        if (!options.format().equals("dot") && !options.format().equals("svg")) {
            return run.fail(programName + ": ERROR: unknown format '" + options.format()
                    + "' (expected dot or svg)\n");
        }
        try {
            KmodContext ctx = context(options, run);
            for (ContextWarning w : ctx.warnings()) {
                run.err().print(programName + ": WARNING: " + w.message() + "\n");
            }
            KernelState live = options.sysfs() == null ? ctx.kernelState() : sysfs(programName, options.sysfs());
            GraphPlanner planner = new GraphPlanner(ctx, live);
            ModuleGraph graph = options.reverse() ? planner.reverseGraph(options.names())
                    : planner.loadGraph(options.names());
            String dot = DotWriter.write(options.reduce() ? graph.withoutImpliedDependencies() : graph);
            byte[] bytes = options.format().equals("svg") ? GraphvizRenderer.onPath(run.env()).svg(dot)
                    : dot.getBytes(StandardCharsets.UTF_8);
            return write(programName, options.output(), bytes, run);
        } catch (ModuleNotFoundException e) {
            return run.fail(programName + ": FATAL: " + e.getMessage() + "\n");
        } catch (GraphvizNotFoundException e) {
            return run.fail(programName + ": ERROR: --format=svg needs Graphviz's dot, which is not in PATH: "
                    + GraphvizRenderer.INSTALL_HINT + "; --format=dot works without it\n");
        } catch (GraphvizException e) {
            return run.fail(programName + ": ERROR: " + e.getMessage() + "\n");
        } catch (ToolUsageException e) {
            return run.fail(e.text());
        } catch (KmodException e) {
            return run.fail(programName + ": ERROR: " + e.getMessage() + "\n");
        }
    }

    private static KmodContext context(GraphOptions options, ToolRun run) throws KmodException, ToolUsageException {
        KmodContext.Builder b = KmodContext.builder().root(run.root()).profile(options.profile()).logWarnings(false)
                .watchResources(false);
        if (options.dirname() != null) {
            b.moduleRoot(path(options.dirname()));
        }
        if (options.release() != null) {
            b.release(options.release());
        }
        if (!options.configs().isEmpty()) {
            List<Path> paths = new ArrayList<>();
            for (String c : options.configs()) {
                paths.add(path(c));
            }
            b.configPaths(paths);
        }
        return b.build();
    }

    /**
     * The kernel state of {@code --sysfs}: a root holding {@code sys/module}, or a sysfs itself
     * (a directory named {@code sys} holding {@code module/}).
     */
    private static KernelState sysfs(String programName, String given) throws ToolUsageException {
        Path dir = path(given);
        if (Files.isDirectory(dir.resolve("sys/module"))) {
            return KernelState.ofRoot(dir);
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        Path parent = dir.toAbsolutePath().normalize().getParent();
        if (Files.isDirectory(dir.resolve("module")) && name != null && name.toString().equals("sys")
                && parent != null) {
            return KernelState.ofRoot(parent);
        }
        throw new ToolUsageException(programName + ": ERROR: --sysfs " + given + ": neither " + given
                + "/sys/module nor (for a directory named sys) " + given + "/module is a directory\n");
    }

    private static Path path(String arg) throws ToolUsageException {
        try {
            return ToolAccess.path(arg);
        } catch (InvalidPathException e) {
            throw new ToolUsageException("graph: ERROR: not a file name: " + arg + "\n");
        }
    }

    private static int write(String programName, String output, byte[] bytes, ToolRun run) {
        if (output == null) {
            run.out().write(bytes, 0, bytes.length);
            run.out().flush();
            return run.out().checkError() ? run.fail(programName + ": ERROR: cannot write the standard output\n") : 0;
        }
        try {
            OutputFile.open(output).write(bytes);
            return 0;
        } catch (IOException e) {
            return run.fail(programName + ": ERROR: cannot write " + output + ": " + SystemErrors.text(e) + "\n");
        }
    }

    /** The {@code -h} text. */
    static String help(String programName) {
        return "Usage:\n"
                + "\t" + programName + " [options] <modulename|alias>...\n"
                + "The load plan of the modules (as modprobe --show-depends plans it) as a Graphviz graph:\n"
                + "hard dependencies solid, softdeps pre dashed, post dotted, weakdeps blue;\n"
                + "builtin modules grey, loaded modules green, modules not found red.\n"
                + "Options:\n"
                + "\t    --reverse           Graph the modules that need the modules instead\n"
                + "\t                        (modules.dep, and holders/ of the live sysfs)\n"
                + "\t    --reduce            Leave out the modules.dep edges other hard edges imply\n"
                + "\t    --format=FORMAT     dot (default) or svg (needs Graphviz's dot)\n"
                + "\t-o, --output=FILE       Write to FILE, whole, instead of the standard output\n"
                + "\t-d, --dirname=DIR       Use DIR as filesystem root for /lib/modules\n"
                + "\t-S, --set-version=VERSION  Use VERSION instead of `uname -r`\n"
                + "\t-C, --config=FILE       Use FILE instead of the default configuration\n"
                + "\t    --sysfs=ROOT        Read loaded modules and holders under ROOT/sys/module\n"
                + "\t    --profile=PROFILE   kmod34 (default) or kmod30\n"
                + "\t-V, --version           Show version\n"
                + "\t-h, --help              Show this help\n";
    }
}
