package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.config.ConfigAlias;
import io.github.jkmod.core.config.CommandEntry;
import io.github.jkmod.core.config.ModprobeConfig;
import io.github.jkmod.index.IndexValue;
import io.github.jkmod.index.ModuleDirectory;
import io.github.jkmod.index.ModuleIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * From a name to modules, in the reference order (docs/semantics.md): configuration aliases,
 * modules.dep, modules.symbols, install/remove commands, modules.alias, modules.builtin,
 * modules.builtin.alias. The first step that yields a module wins.
 */
final class ModuleLookup {
    /** The prefix of the keys of {@code modules.symbols}. */
    static final String SYMBOL_PREFIX = "symbol:";

    private final ModuleDirectory directory;
    private final ModprobeConfig config;

    ModuleLookup(ModuleDirectory directory, ModprobeConfig config) {
        this.directory = directory;
        this.config = config;
    }

    List<KernelModule> lookup(String query) throws KmodException {
        Optional<String> normalised = Names.normalizeAlias(query);
        if (normalised.isEmpty()) {
            return List.of();
        }
        String name = normalised.get();
        List<KernelModule> found = fromConfig(name);
        if (found.isEmpty()) {
            found = fromDep(name);
        }
        if (found.isEmpty() && name.startsWith(SYMBOL_PREFIX)) {
            found = fromWildcard(directory.symbols(), name);
        }
        if (found.isEmpty()) {
            found = fromCommands(name);
        }
        if (found.isEmpty()) {
            found = fromWildcard(directory.alias(), name);
        }
        if (found.isEmpty()) {
            found = fromBuiltin(name);
        }
        if (found.isEmpty()) {
            found = fromWildcard(directory.builtinAlias(), name);
        }
        return found;
    }

    /** {@code kmod_module_new_from_name_lookup}: modules.dep, modules.builtin, builtin aliases. */
    Optional<KernelModule> lookupName(String query) throws KmodException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < query.length() && query.charAt(i) != '.'; i++) {
            b.append(query.charAt(i) == '-' ? '_' : query.charAt(i));
        }
        String name = b.toString();
        List<KernelModule> found = fromDep(name);
        if (found.isEmpty()) {
            found = fromBuiltin(name);
        }
        if (found.isEmpty()) {
            found = fromWildcard(directory.builtinAlias(), name);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The modules {@code modules.symbols} gives for {@code symbol:SYMBOL}, unmodifiable. */
    List<KernelModule> symbolProviders(String symbol) throws KmodException {
        Optional<String> key = Names.normalizeAlias(SYMBOL_PREFIX + symbol);
        return key.isEmpty() ? List.of() : List.copyOf(fromWildcard(directory.symbols(), key.get()));
    }

    private List<KernelModule> fromConfig(String name) {
        List<KernelModule> out = new ArrayList<>();
        for (ConfigAlias alias : config.aliases()) {
            if (Names.fnmatch(alias.pattern(), name)) {
                out.add(KernelModule.viaAlias(alias.module(), alias.pattern()));
            }
        }
        return out;
    }

    private List<KernelModule> fromDep(String name) throws KmodException {
        if (name.indexOf(':') >= 0) {
            return List.of();
        }
        Optional<ModuleIndex> dep = directory.dep();
        if (dep.isPresent() && dep.get().lookup(name).isPresent()) {
            return List.of(KernelModule.named(name));
        }
        return List.of();
    }

    private List<KernelModule> fromCommands(String name) {
        for (CommandEntry c : config.installCommands()) {
            if (c.module().equals(name)) {
                return List.of(KernelModule.named(name));
            }
        }
        for (CommandEntry c : config.removeCommands()) {
            if (c.module().equals(name)) {
                return List.of(KernelModule.named(name));
            }
        }
        return List.of();
    }

    private List<KernelModule> fromBuiltin(String name) throws KmodException {
        Optional<ModuleIndex> builtin = directory.builtin();
        if (builtin.isPresent() && builtin.get().lookup(name).isPresent()) {
            return List.of(KernelModule.named(name));
        }
        return List.of();
    }

    private static List<KernelModule> fromWildcard(Optional<ModuleIndex> index, String name)
            throws KmodException {
        if (index.isEmpty()) {
            return List.of();
        }
        List<KernelModule> out = new ArrayList<>();
        for (IndexValue v : index.get().search(name)) {
            out.add(KernelModule.viaAlias(v.value(), name));
        }
        return out;
    }
}
