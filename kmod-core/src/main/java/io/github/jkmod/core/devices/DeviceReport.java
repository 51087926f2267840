package io.github.jkmod.core.devices;

import java.util.List;

/**
 * Every device of a sysfs tree that has a modalias, with its modules.
 *
 * @param devices the devices, in the scan's order (by path)
 * @param problems the files of the tree that could not be read
 */
public record DeviceReport(List<DeviceModules> devices, List<ScanProblem> problems) {
    /**
     * Copies the lists.
     *
     * @param devices the devices
     * @param problems the files that could not be read
     */
    public DeviceReport {
        devices = List.copyOf(devices);
        problems = List.copyOf(problems);
    }
}
