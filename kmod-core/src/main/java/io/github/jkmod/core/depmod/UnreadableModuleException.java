package io.github.jkmod.core.depmod;

import io.github.jkmod.KmodException;
import java.nio.file.Path;

/** A module file libkmod cannot open as a module, with the C library's text of its errno. */
final class UnreadableModuleException extends KmodException {
    private static final long serialVersionUID = 1L;
    private final String errnoText;

    UnreadableModuleException(Path file, String errnoText, Throwable cause) {
        super(file + ": " + errnoText, cause);
        this.errnoText = errnoText;
    }

    String errnoText() {
        return errnoText;
    }
}
