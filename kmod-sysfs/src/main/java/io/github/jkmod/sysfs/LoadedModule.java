package io.github.jkmod.sysfs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A loaded module as {@code lsmod} shows it ({@link KernelState#loaded()}): its name from
 * {@code /proc/modules}, and what {@code /sys/module/NAME} says of it.
 *
 * @param name the module's name, read from its line of {@code /proc/modules} as libkmod reads it
 *     (the first word, up to a space or tab; cut at the first {@code .}; dashes made underscores)
 * @param size the size of its core: {@code sys/module/NAME/coresize}, else (a kernel before 3.3)
 *     the size column of its line of {@code /proc/modules}; empty when {@code sys/module/NAME} does
 *     not exist or neither says
 * @param useCount its reference count ({@code sys/module/NAME/refcnt}); empty when that file is
 *     absent (a module that cannot be unloaded, or not in sysfs)
 * @param holders the modules that use it ({@code sys/module/NAME/holders/}), in the order the
 *     directory lists them (as lsmod prints them); empty when the directory cannot be listed
 * @param state the state column of its line of {@code /proc/modules} ({@code Live}, {@code Loading},
 *     {@code Unloading}); empty when the line has no such word
 */
public record LoadedModule(
        String name,
        OptionalLong size,
        OptionalInt useCount,
        Optional<List<String>> holders,
        Optional<ProcModule.ProcState> state) {

    /**
     * Copies the holders and checks that nothing is null.
     *
     * @param name the module's name
     * @param size the size of its core, or empty
     * @param useCount its reference count, or empty
     * @param holders the modules that use it, or empty when unknown; copied
     * @param state its {@code /proc/modules} state, or empty
     */
    public LoadedModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(useCount, "useCount");
        holders = holders.isPresent() ? Optional.of(List.copyOf(holders.get())) : Optional.empty();
        Objects.requireNonNull(state, "state");
    }
}
