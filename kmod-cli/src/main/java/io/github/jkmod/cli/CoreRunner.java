package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.KmodContext;
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

    private final KernelCalls kernel;
    private final CommandRunner commands;
    private final Path cwd;

    /** A runner on the real system: JNA system calls, commands through {@code /bin/sh -c}. */
    public static CoreRunner system() {
        return new CoreRunner(KernelCalls.system(), CommandRunner.SHELL,
                Path.of("").toAbsolutePath());
    }

    /**
     * @param kernel the kernel calls (a fake in tests)
     * @param commands runs install and remove commands
     * @param cwd the working directory relative {@code -d} roots are resolved against
     */
    public CoreRunner(KernelCalls kernel, CommandRunner commands, Path cwd) {
        this.kernel = kernel;
        this.commands = commands;
        this.cwd = cwd;
    }

    @Override
    public int run(ModprobeOptions options, PrintStream out, Log log) {
        try {
            Invocation inv = invocation(options, out, log);
            return switch (options.action()) {
                case SHOW_CONFIG -> ShowConfigAction.run(inv);
                case SHOW_MODVERSIONS -> DumpSymbolsAction.run(inv, false);
                case SHOW_EXPORTS -> DumpSymbolsAction.run(inv, true);
                case REMOVE -> RemoveAction.run(inv);
                case INSERT -> InsertAction.run(inv);
            };
        } catch (KmodException e) {
            log.fatal(e.getMessage());
            return 1;
        }
    }

    private Invocation invocation(ModprobeOptions options, PrintStream out, Log log)
            throws KmodException {
        String release = options.kernelVersion().isPresent() ? options.kernelVersion().get()
                : KmodContext.runningRelease(Path.of("/"));
        String root = options.root().orElse("");
        String dirname = options.moduleDirectory(release);
        if (!dirname.startsWith("/")) {
            dirname = cwd + "/" + dirname;
        }
        Path moduleRoot = root.isEmpty() ? Path.of("/")
                : cwd.resolve(root);
        Map<String, String> childEnv = new HashMap<>();
        // No lambdas or streams on the way to the first lookup: each costs start-up time.
        if (options.childModprobeOptions().isPresent()) {
            childEnv.put("MODPROBE_OPTIONS", options.childModprobeOptions().get());
        }
        List<Path> configPaths = new ArrayList<>(options.configPaths().size());
        for (String p : options.configPaths()) {
            configPaths.add(Path.of(p));
        }
        InitstateLogic logic = options.initstateLogic() == io.github.jkmod.cli.InitstateLogic.KMOD18
                ? InitstateLogic.KMOD_18 : InitstateLogic.KMOD_20;
        ContextFactory factory = new ContextFactory(moduleRoot, release, configPaths, logic, log);
        return new Invocation(options, out, log, factory, dirname, kernel, commands, childEnv);
    }

    /** Builds the context on first use: actions that do not need it never open an index. */
    static final class ContextFactory {
        private final Path moduleRoot;
        private final String release;
        private final List<Path> configPaths;
        private final InitstateLogic logic;
        private final Log log;
        private KmodContext context;

        ContextFactory(Path moduleRoot, String release, List<Path> configPaths,
                InitstateLogic logic, Log log) {
            this.log = log;
            this.moduleRoot = moduleRoot;
            this.release = release;
            this.configPaths = configPaths;
            this.logic = logic;
        }

        KmodContext get() throws KmodException {
            if (context == null) {
                context = KmodContext.builder()
                        .moduleRoot(moduleRoot)
                        .release(release)
                        .configPaths(configPaths)
                        .initstateLogic(logic)
                        .build();
                // libkmod reports configuration problems while it reads the files, at ERR.
                for (ConfigWarning w : context.config().warnings()) {
                    log.raw(Log.ERR, w.stderrLine());
                }
            }
            return context;
        }
    }
}
