package io.github.jkmod.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a load plan, in the order the reference implementation acts on it.
 *
 * @param module the module
 * @param action what is done for it
 * @param file the module file ({@link Action#INSERT} only)
 * @param command the install command ({@link Action#RUN_INSTALL} only)
 * @param optionsText the module's options (configuration, kernel command line, and for the target
 *     the caller's own) as modprobe renders them, for its output: one string, possibly with a
 *     trailing space ({@code "debug=1 "}); {@link #options()} gives them one by one
 * @param required true for the target and its dependencies (their failure stops the load); false
 *     for softdeps (their failure is ignored)
 */
public record ProbeStep(
        KernelModule module,
        Action action,
        Optional<Path> file,
        Optional<String> command,
        String optionsText,
        boolean required) {

    /**
     * Checks the components.
     *
     * @param module the module
     * @param action what is done for it
     * @param file the module file, for {@link Action#INSERT}
     * @param command the install command, for {@link Action#RUN_INSTALL}
     * @param optionsText the module's options as modprobe renders them
     * @param required whether a failure stops the load
     */
    public ProbeStep {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(optionsText, "optionsText");
    }

    /**
     * The module's options one by one ({@code ["debug=1", "mtu=9000"]}), split as the kernel splits
     * a module's parameter string: at spaces outside double quotes; each kept as written (a quoted
     * value keeps its quotes). Empty when there are none.
     *
     * @return the options, immutable
     */
    public List<String> options() {
        return ModuleParameters.split(optionsText);
    }

    /** What a plan does for one module. */
    public enum Action {
        /** Insert the module file with the options. */
        INSERT,
        /** Run the install command (with {@code /bin/sh -c}) instead of inserting. */
        RUN_INSTALL,
        /** Nothing to do: the module is built into the kernel. */
        BUILTIN,
        /** Nothing to do: the module was in the kernel when the plan was made. */
        ALREADY_LOADED,
        /** The module has no file in modules.dep and is not builtin: inserting it fails. */
        NO_FILE
    }

    /**
     * The line {@code modprobe --show-depends} prints for this step, without the newline, or empty
     * when it prints none: {@code insmod FILE OPTIONS}, {@code install COMMAND OPTIONS},
     * {@code builtin NAME}.
     *
     * @return the line, or empty for a step that {@code --show-depends} does not print
     */
    public Optional<String> showDependsLine() {
        return switch (action) {
            case INSERT -> Optional.of("insmod " + file.orElseThrow() + " " + optionsText);
            case RUN_INSTALL -> Optional.of("install " + command.orElseThrow() + " " + optionsText);
            case BUILTIN -> Optional.of("builtin " + module.name());
            case ALREADY_LOADED, NO_FILE -> Optional.empty();
        };
    }
}
