package io.github.jkmod.core.devices;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file or directory of the sysfs tree that could not be read during a scan; the scan goes on
 * without it.
 *
 * @param file the file or directory
 * @param reason why it could not be read (the system's message)
 */
public record ScanProblem(Path file, String reason) {
    /**
     * Checks that nothing is null.
     *
     * @param file the file or directory
     * @param reason why it could not be read
     */
    public ScanProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
