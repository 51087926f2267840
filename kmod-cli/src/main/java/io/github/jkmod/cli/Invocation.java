package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.kernel.KernelCalls;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything an action needs: the options, the streams, the context (built on demand), the module
 * directory as modprobe names it in messages, and the system interfaces.
 */
record Invocation(
        ModprobeOptions options,
        PrintStream out,
        Log log,
        CoreRunner.ContextFactory contextFactory,
        String dirname,
        KernelCalls kernel,
        CommandRunner commands,
        Map<String, String> childEnvironment,
        Path cwd) {

    KmodContext context() throws KmodException {
        return contextFactory.get();
    }

    /** modprobe's LOG(): FATAL normally, WARNING with {@code -a}. */
    void logMain(String message) {
        if (options.all()) {
            log.warning(message);
        } else {
            log.fatal(message);
        }
    }

    /** Whether actions are shown on stdout ({@code -D}, or {@code -v}). */
    boolean show() {
        return options.showDepends() || options.logPriority() > Log.WARNING;
    }

    /**
     * A module file as modprobe prints it: the module directory as given (not normalised), then
     * the path relative to it; files outside it as they are.
     */
    String display(Path file, Path dir) {
        if (file.startsWith(dir)) {
            return dirname + "/" + dir.relativize(file);
        }
        return file.toString();
    }
}
