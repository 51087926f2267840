package io.github.jkmod.core;

/**
 * Receives what a probe does, as it does it: the user-facing output of modprobe ({@code insmod
 * ...} lines with {@code -v} or {@code --show-depends}) and the failures the reference reports
 * while going on. All methods do nothing by default.
 */
public interface ProbeListener {

    /** A listener that ignores everything. */
    ProbeListener NONE = new ProbeListener() {
    };

    /**
     * A step is about to be acted on (after the loaded-state check).
     *
     * @param step the step about to be acted on
     */
    default void action(ProbeStep step) {
    }

    /**
     * An install command exited with a non-zero status.
     *
     * @param step the step whose install command failed
     * @param command the command as run
     * @param status its exit status, not 0
     */
    default void commandFailed(ProbeStep step, String command, int status) {
    }

    /**
     * The kernel refused to insert the module of {@code step} (libkmod reports it at INFO, whether
     * or not the failure is fatal).
     *
     * @param step the step whose module the kernel refused
     * @param failure the kernel's answer
     */
    default void insertFailed(ProbeStep step, io.github.jkmod.core.kernel.KernelCallException failure) {
    }

    /**
     * A module to insert has no file in modules.dep and is not builtin.
     *
     * @param step the step that has no file
     */
    default void noFile(ProbeStep step) {
    }
}
