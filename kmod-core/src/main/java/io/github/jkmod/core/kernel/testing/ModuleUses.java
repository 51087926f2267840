package io.github.jkmod.core.kernel.testing;

import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.modinfo.ModuleFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which loaded module uses which, as the kernel counts it when it resolves a module's symbols
 * against the modules that export them: a module holds each module of its {@code depends=}
 * modinfo field while it is loaded. Not thread-safe: {@link FakeKernel} calls it under its lock.
 */
final class ModuleUses {
    /** Module to the modules it holds. */
    private final Map<String, List<String>> holds = new HashMap<>();
    /** Module to the modules holding it. */
    private final Map<String, Set<String>> holders = new HashMap<>();

    /** The {@code depends=} modules of a module image; none when it has no readable modinfo. */
    static List<String> dependsOf(String module, byte[] image) {
        try {
            List<String> out = new ArrayList<>();
            for (String value : ModuleFile.of(Path.of(module + ".ko"), image).modinfo("depends")) {
                for (String d : value.split(",")) {
                    if (!d.isEmpty() && !out.contains(d)) {
                        out.add(d);
                    }
                }
            }
            return List.copyOf(out);
        } catch (ModuleFormatException e) {
            return List.of();
        }
    }

    /** {@code user} now holds {@code dependencies}. */
    void hold(String user, List<String> dependencies) {
        holds.put(user, List.copyOf(dependencies));
        for (String d : dependencies) {
            holders.computeIfAbsent(d, k -> new LinkedHashSet<>()).add(user);
        }
    }

    /** {@code user} holds nothing any more; returns what it held. */
    List<String> release(String user) {
        List<String> held = holds.getOrDefault(user, List.of());
        holds.remove(user);
        for (String d : held) {
            Set<String> h = holders.get(d);
            if (h != null) {
                h.remove(user);
                if (h.isEmpty()) {
                    holders.remove(d);
                }
            }
        }
        return held;
    }

    /** Nothing holds {@code module} any more (a forced removal); returns what held it. */
    Set<String> dropHolders(String module) {
        Set<String> dropped = holders(module);
        holders.remove(module);
        for (String user : dropped) {
            List<String> kept = new ArrayList<>(holds.getOrDefault(user, List.of()));
            kept.remove(module);
            holds.put(user, List.copyOf(kept));
        }
        return dropped;
    }

    /** The modules holding {@code module}. */
    Set<String> holders(String module) {
        return Set.copyOf(holders.getOrDefault(module, Set.of()));
    }
}
