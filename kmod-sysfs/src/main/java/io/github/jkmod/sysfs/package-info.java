/**
 * The kernel's view of its modules, read from files under a root {@link java.nio.file.Path}:
 * {@code sys/module/NAME/} (state, reference count, holders, sections, parameters, core size),
 * {@code sys/module/compression}, {@code proc/modules} and {@code proc/cmdline}.
 *
 * <p>The entry point is {@link io.github.jkmod.sysfs.KernelState}. Every path is resolved relative to
 * the root ({@code /} for the running system, any directory or in-memory file system in tests), so one
 * JVM can look at many roots. A module that vanishes between two reads is "not loaded", never an
 * error; a file that holds something the kernel never writes is a
 * {@link io.github.jkmod.sysfs.SysfsException} naming the file (and the line, for
 * {@code proc/modules}).
 *
 * <p>The state of a module is computed by one of two {@link io.github.jkmod.sysfs.InitstateLogic
 * logics}: kmod 20's (the default, race-free) and kmod 18's (kept to show the race in which a module
 * still loading is taken for a builtin one).
 */
package io.github.jkmod.sysfs;
