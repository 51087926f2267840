package io.github.jkmod.core.devices;

import java.util.List;
import java.util.Objects;

/**
 * A device and the modules its modalias resolves to.
 *
 * @param device the device
 * @param modules the modules, in the order {@code modprobe -R} prints them; empty when nothing matches
 */
public record DeviceModules(Device device, List<MatchedModule> modules) {
    /**
     * Copies the list.
     *
     * @param device the device
     * @param modules the modules
     */
    public DeviceModules {
        Objects.requireNonNull(device, "device");
        modules = List.copyOf(modules);
    }
}
