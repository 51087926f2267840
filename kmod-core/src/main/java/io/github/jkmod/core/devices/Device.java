package io.github.jkmod.core.devices;

import java.util.Objects;
import java.util.Optional;

/**
 * One device of a sysfs {@code devices/} tree that has a modalias.
 *
 * @param path the device's directory relative to the sysfs root, with {@code /} separators, e.g.
 *     {@code devices/pci0000:00/0000:00:03.0}
 * @param subsystem the name of the directory its {@code subsystem} link points to ({@code pci},
 *     {@code usb}, {@code platform}...), empty without that link
 * @param modalias the device's modalias: its {@code modalias} file, else the {@code MODALIAS=} line
 *     of its {@code uevent} file (trailing newline removed)
 * @param driver the name of the directory its {@code driver} link points to (the bound driver),
 *     empty when no driver is bound
 */
public record Device(String path, Optional<String> subsystem, String modalias, Optional<String> driver) {
    /**
     * Checks that nothing is null.
     *
     * @param path the device's directory relative to the sysfs root
     * @param subsystem its subsystem, or empty
     * @param modalias its modalias
     * @param driver its bound driver, or empty
     */
    public Device {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(subsystem, "subsystem");
        Objects.requireNonNull(modalias, "modalias");
        Objects.requireNonNull(driver, "driver");
    }
}
