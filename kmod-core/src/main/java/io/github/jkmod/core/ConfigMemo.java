package io.github.jkmod.core;

import io.github.jkmod.core.config.ModprobeConfig;
import io.github.jkmod.core.config.SoftdepEntry;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration questions a load plan asks for each module, answered as
 * {@link ModprobeConfig} answers them, but at once when the configuration has no entry of the kind
 * asked, and once per module name for softdeps and install commands (each an fnmatch over every
 * entry): the configuration never changes, so neither do the answers. Safe for many threads.
 */
final class ConfigMemo {
    private final ModprobeConfig config;
    private final ConcurrentHashMap<String, Optional<SoftdepEntry>> softdeps = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<String>> installs = new ConcurrentHashMap<>();

    ConfigMemo(ModprobeConfig config) {
        this.config = config;
    }

    /** {@link ModprobeConfig#softdep}. */
    Optional<SoftdepEntry> softdep(String module) {
        if (config.softdeps().isEmpty()) {
            return Optional.empty();
        }
        // get, then putIfAbsent: no method reference (a lambda costs jmodprobe start-up time)
        Optional<SoftdepEntry> found = softdeps.get(module);
        if (found == null) {
            found = config.softdep(module);
            Optional<SoftdepEntry> first = softdeps.putIfAbsent(module, found);
            if (first != null) {
                found = first;
            }
        }
        return found;
    }

    /** {@link ModprobeConfig#installCommand}. */
    Optional<String> installCommand(String module) {
        if (config.installCommands().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> found = installs.get(module);
        if (found == null) {
            found = config.installCommand(module);
            Optional<String> first = installs.putIfAbsent(module, found);
            if (first != null) {
                found = first;
            }
        }
        return found;
    }

    /** {@link ModprobeConfig#isBlacklisted}. */
    boolean isBlacklisted(String module) {
        return !config.blacklist().isEmpty() && config.isBlacklisted(module);
    }

    /** {@link ModprobeConfig#optionsFor(String, String)}. */
    String optionsFor(String module, String alias) {
        return config.options().isEmpty() ? "" : config.optionsFor(module, alias);
    }
}
