package io.github.jkmod.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something a {@link KmodContext} noticed while it was built that makes its answers emptier than a
 * caller may expect: a module directory or an explicit configuration path that does not exist, a
 * module directory without {@code modules.dep}. The context still works (modprobe itself carries on
 * and reports "not found"); {@link KmodContext#warnings()} lists these, and the builder logs them
 * at {@link System.Logger.Level#WARNING} unless told not to.
 *
 * @param path the file or directory concerned
 * @param message what is wrong, naming {@code path}
 */
public record ContextWarning(Path path, String message) {
    /**
     * Checks the components.
     *
     * @param path the file or directory concerned
     * @param message what is wrong
     * @throws NullPointerException when a component is null
     */
    public ContextWarning {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
