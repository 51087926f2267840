/**
 * {@code jkmod devices} and {@code jkmod coldplug}: the modules a machine's devices need (from a
 * sysfs tree and the module index), and loading them in parallel; see {@code docs/devices.md}.
 */
package io.github.jkmod.cli.devices;
