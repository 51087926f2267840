/**
 * The modules a machine's devices need, and loading them in parallel: {@link
 * io.github.jkmod.core.devices.HostDevices} walks a sysfs {@code devices/} tree, resolves each
 * device's modalias as {@code modprobe -R} does and gives the load list of the whole host
 * ({@link io.github.jkmod.core.devices.NeededModules}); {@link io.github.jkmod.core.devices.Coldplug}
 * loads that list with independent chains at once. {@code docs/devices.md} describes both.
 */
package io.github.jkmod.core.devices;
