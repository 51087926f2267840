package io.github.jkmod.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers to write configuration trees in tests. */
final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code text} (one byte per char) to {@code file}, creating parent directories. */
    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a single configuration file given as {@code -C} (no module directory, no command line). */
    static ModprobeConfig loadText(Path dir, String text) {
        Path file = write(dir.resolve("test.conf"), text);
        return ConfigLoader.builder().configPath(file).build();
    }

    /** The messages of a configuration's warnings. */
    static java.util.List<String> messages(ModprobeConfig config) {
        return config.warnings().stream().map(ConfigWarning::message).toList();
    }
}
