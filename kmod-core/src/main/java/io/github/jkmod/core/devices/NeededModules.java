package io.github.jkmod.core.devices;

import java.util.List;

/**
 * The modules a host's devices need: every module their modaliases resolve to (blacklisted ones
 * left out, as modprobe skips them), with dependencies and softdeps, each once, in an order that
 * loads every module after what it needs.
 *
 * @param modules the modules to load, in load order (builtin modules are not in it)
 * @param builtin the builtin modules met on the way (already in the kernel), in order of meeting
 * @param problems the files of the sysfs tree that could not be read
 */
public record NeededModules(List<NeededModule> modules, List<String> builtin, List<ScanProblem> problems) {
    /**
     * Copies the lists.
     *
     * @param modules the modules to load, in load order
     * @param builtin the builtin modules met
     * @param problems the files that could not be read
     */
    public NeededModules {
        modules = List.copyOf(modules);
        builtin = List.copyOf(builtin);
        problems = List.copyOf(problems);
    }
}
