package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.index.IndexHeaderCheck;
import io.github.jkmod.core.config.ConfigWarning;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.sysfs.InitstateLogic;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ModprobeRunner} that does the work with jkmod's core: builds the context the command
 * line describes and dispatches to the action.
 */
public final class CoreRunner implements ModprobeRunner {

    /**
     * Where libkmod's INFO messages print a pointer (of a function, of the context), jmodprobe
     * prints this: the real values change with every run (address space randomisation).
     */
    static final String FAKE_ADDRESS = io.github.jkmod.cli.common.ToolLog.FAKE_ADDRESS;

    private final KernelCalls kernel;
    private final CommandRunner commands;
    private final Path cwd;
    private final Path systemRoot;

    /**
     * A runner on the real system: JNA system calls, commands through {@code /bin/sh -c}.
     *
     * @return a runner that loads and removes modules in the running kernel
     */
    public static CoreRunner system() {
        return new CoreRunner(KernelCalls.system(), CommandRunner.SHELL,
                Path.of("").toAbsolutePath(), Path.of("/"));
    }

    /**
     * @param kernel the kernel calls (a fake in tests)
     * @param commands runs install and remove commands
     * @param cwd the working directory relative {@code -d} roots are resolved against
     * @param systemRoot where {@code sys/}, {@code proc/} and the configuration directories are
     *     read ({@code /} on a real system; a fake tree in tests). {@code -d} changes only the
     *     module directory, as in modprobe.
     */
    public CoreRunner(KernelCalls kernel, CommandRunner commands, Path cwd, Path systemRoot) {
        this.kernel = kernel;
        this.commands = commands;
        this.cwd = cwd;
        this.systemRoot = systemRoot;
    }

    @Override
    public int run(ModprobeOptions options, PrintStream out, Log log) {
        try {
            Invocation inv = invocation(options, out, log);
            // modprobe makes its libkmod context (reading the configuration, reporting its
            // problems) before any action, then installs its log function.
            inv.context();
            if (options.logPriority() >= Log.INFO) {
                log.info(options.profile().logPrefix("../libkmod/libkmod.c:367", "kmod_set_log_fn")
                        + "custom logging function 0x" + FAKE_ADDRESS + " registered");
            }
            // Then libkmod opens the indexes (kmod_load_resources), reporting a bad header.
            for (IndexHeaderCheck bad : inv.context().moduleDirectory().startupProblems()) {
                log.error(options.profile().logPrefix(bad.kmod30Location(), "index_mm_open") + bad.kmodMessage());
            }
            int status = switch (options.action()) {
                case SHOW_CONFIG -> ShowConfigAction.run(inv);
                case SHOW_MODVERSIONS -> DumpSymbolsAction.run(inv, false);
                case SHOW_EXPORTS -> DumpSymbolsAction.run(inv, true);
                case REMOVE -> RemoveAction.run(inv);
                case INSERT -> InsertAction.run(inv);
            };
            if (options.logPriority() >= Log.INFO) {
                log.info(options.profile().logPrefix("../libkmod/libkmod.c:334", "kmod_unref")
                        + "context 0x" + FAKE_ADDRESS + " released");
            }
            return status;
        } catch (KmodException e) {
            log.fatal(e.getMessage());
            return 1;
        }
    }

    private Invocation invocation(ModprobeOptions options, PrintStream out, Log log)
            throws KmodException {
        String release = options.kernelVersion().isPresent() ? options.kernelVersion().get()
                : KmodContext.runningRelease(systemRoot);
        String root = options.root().orElse("");
        String dirname = options.moduleDirectory(release);
        if (options.root().isEmpty() && !systemRoot.toString().equals("/")) {
            dirname = systemRoot + dirname;
        }
        if (!dirname.startsWith("/")) {
            dirname = cwd + "/" + dirname;
        }
        Path moduleRoot = options.root().isEmpty() ? systemRoot
                : root.isEmpty() ? Path.of("/") : cwd.resolve(RawArguments.path(root));
        Map<String, String> childEnv = new HashMap<>();
        // No lambdas or streams on the way to the first lookup: each costs start-up time.
        if (options.childModprobeOptions().isPresent()) {
            childEnv.put("MODPROBE_OPTIONS", options.childModprobeOptions().get());
        }
        List<Path> configPaths = new ArrayList<>(options.configPaths().size());
        for (String p : options.configPaths()) {
            configPaths.add(RawArguments.path(p));
        }
        InitstateLogic logic = options.initstateLogic();
        ContextFactory factory = new ContextFactory(systemRoot, moduleRoot, release, configPaths,
                logic, options.profile(), log);
        return new Invocation(options, out, log, factory, dirname, kernel, commands, childEnv, cwd);
    }

    /** Builds the context on first use: actions that do not need it never open an index. */
    static final class ContextFactory {
        private final Path systemRoot;
        private final Path moduleRoot;
        private final String release;
        private final List<Path> configPaths;
        private final InitstateLogic logic;
        private final KmodProfile profile;
        private final Log log;
        private KmodContext context;

        ContextFactory(Path systemRoot, Path moduleRoot, String release, List<Path> configPaths,
                InitstateLogic logic, KmodProfile profile, Log log) {
            this.profile = profile;
            this.systemRoot = systemRoot;
            this.log = log;
            this.moduleRoot = moduleRoot;
            this.release = release;
            this.configPaths = configPaths;
            this.logic = logic;
        }

        KmodContext get() throws KmodException {
            if (context == null) {
                KmodContext.Builder builder = KmodContext.builder()
                        .root(systemRoot)
                        .moduleRoot(moduleRoot)
                        .release(release)
                        .initstateLogic(logic)
                        .profile(profile)
                        // modprobe says nothing of a missing directory or -C path: it finds nothing
                        .logWarnings(false)
                        // one command, then exit: never asks whether the files changed since
                        .watchResources(false);
                if (!configPaths.isEmpty()) {
                    builder.configPaths(configPaths);
                }
                context = builder.build();
                // libkmod reports configuration problems while it reads the files, through its
                // default logger: to stderr, whatever -q, -v or -s say.
                for (ConfigWarning w : context.config().warnings()) {
                    log.libkmodDefault(w.stderrLine(profile));
                }
            }
            return context;
        }
    }
}
