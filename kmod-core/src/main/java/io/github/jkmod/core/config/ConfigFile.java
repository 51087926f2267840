package io.github.jkmod.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the configuration, as libkmod lists it.
 *
 * @param name the name the files are sorted and shadowed by (the file name,
 *     {@code modules.softdep} for the module directory's file)
 * @param displayName the path as libkmod spells it in messages: a {@code -C} path as given (plus
 *     {@code /NAME} for a directory's file), {@code /etc/modprobe.d/NAME} for a default directory
 *     whatever the configuration root, {@code MODULEDIR/modules.softdep}
 * @param path where the file is read from
 */
public record ConfigFile(String name, String displayName, Path path) {
    /**
     * Checks that every part is present.
     *
     * @param name the name the files are sorted and shadowed by
     * @param displayName the path as libkmod spells it in messages
     * @param path where the file is read from
     */
    public ConfigFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(path, "path");
    }
}
