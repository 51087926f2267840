package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.config.SoftdepEntry;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.ModuleLoader;
import io.github.jkmod.sysfs.ModuleState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Removes a module the way {@code modprobe -r} does: its post-softdeps (in reverse), the modules
 * holding it (with {@code --remove-holders}), the module itself (refusing when in use), its
 * dependencies that are no longer used, then its pre-softdeps (in reverse). Errors of softdeps and
 * of unused dependencies are not fatal. Thread-safe when the kernel calls and command runner are.
 */
public final class ModuleRemover {

    private final KmodContext context;
    private final KernelCalls kernel;
    private final CommandRunner commands;
    private final Map<String, String> commandEnvironment;

    /**
     * @param context where modules are looked up and their state read
     * @param kernel the kernel calls (only used when something is removed)
     * @param commands runs remove commands
     * @param commandEnvironment added to the environment of remove commands
     */
    public ModuleRemover(KmodContext context, KernelCalls kernel, CommandRunner commands,
            Map<String, String> commandEnvironment) {
        this.context = Objects.requireNonNull(context, "context");
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.commandEnvironment = Map.copyOf(commandEnvironment);
    }

    /**
     * Removes one module found by {@link KmodContext#lookup}.
     *
     * @param module the module to remove
     * @param flags how to remove (holders, force, wait, dry run, ...)
     * @param listener receives the lines modprobe would print
     * @return 0 on success, else a negative errno (the reference's return value; the messages
     *     have gone to the listener)
     * @throws KmodException when sysfs, an index or the configuration cannot be read
     */
    public int remove(KernelModule module, RemoveFlags flags, RemoveListener listener) throws KmodException {
        return removeModule(module, flags, listener, flags.removeHolders(), false);
    }

    private int removeModule(KernelModule mod, RemoveFlags flags, RemoveListener listener,
            boolean removeHolders, boolean ignoreBuiltin) throws KmodException {
        String name = mod.name();
        List<KernelModule> pre = List.of();
        List<KernelModule> post = List.of();
        Optional<String> cmd = Optional.empty();
        if (!flags.ignoreCommands()) {
            Optional<SoftdepEntry> softdep = context.config().softdep(name);
            if (softdep.isPresent()) {
                pre = lookupAll(softdep.get().pre());
                post = lookupAll(softdep.get().post());
            }
            cmd = context.config().removeCommand(name);
        }
        if (cmd.isEmpty() && !flags.ignoreLoaded()) {
            ModuleState state = context.state(name);
            if (state == ModuleState.NOT_LOADED) {
                if (flags.firstTime()) {
                    listener.log("Module " + name + " is not in kernel.");
                    return -Errno.ENOENT;
                }
                return 0;
            }
            if (state == ModuleState.BUILTIN) {
                if (ignoreBuiltin) {
                    return 0;
                }
                listener.log("Module " + name + " is builtin.");
                return -Errno.ENOENT;
            }
        }
        removeList(post, flags, listener, false);
        if (removeHolders) {
            Path holdersDir = context.root().resolve("sys/module").resolve(name).resolve("holders");
            if (!Files.isDirectory(holdersDir)) {
                // libkmod cannot list them, says so, and goes on with none.
                listener.error(context.profile().logPrefix("../libkmod/libkmod-module.c:1998", "kmod_module_get_holders")
                        + "could not open '"
                        + holdersDir + "': No such file or directory");
            }
            List<KernelModule> holders = new ArrayList<>();
            List<String> holderNames = Names.isDirectoryName(name)
                    ? context.kernelState().holders(name) : List.of();
            for (String h : holderNames) {
                holders.add(KernelModule.named(h));
            }
            int err = removeList(holders, flags, listener, true);
            if (err < 0) {
                return err;
            }
        }
        if (cmd.isEmpty() && !flags.ignoreLoaded() && flags.waitMillis() == 0
                && Names.isDirectoryName(name)) {
            OptionalInt usage = context.kernelState().refcount(name);
            if (usage.isPresent() && usage.getAsInt() > 0) {
                listener.log("Module " + name + " is in use.");
                return -Errno.EBUSY;
            }
        }
        int err = cmd.isEmpty() ? removeOne(name, flags, listener)
                : runCommand(mod, cmd.get(), flags, listener);
        if (err < 0) {
            return err;
        }
        if (cmd.isEmpty()) {
            Optional<ModuleDependencies> dep = context.dependencies(name);
            if (dep.isPresent()) {
                // kmod 30 (observed in a real kernel): one pass over the dependencies from the last
                // of the modules.dep line to the first (the load order), removing each that nothing
                // uses at that moment. A dependency still used by one removed later in the pass
                // stays loaded (nft_chain_nat: nf_nat and nf_tables go, nf_conntrack stays).
                for (ModuleDependencies.Dependency d : dep.get().dependencies()) {
                    OptionalInt refcnt = context.kernelState().refcount(d.name());
                    if (refcnt.isPresent() && refcnt.getAsInt() == 0) {
                        removeOne(d.name(), flags, listener);
                    }
                }
            }
        }
        removeList(pre, flags, listener, false);
        return 0;
    }

    private int removeList(List<KernelModule> list, RemoveFlags flags, RemoveListener listener,
            boolean stopOnErrors) throws KmodException {
        for (int i = list.size() - 1; i >= 0; i--) {
            int r = removeModule(list.get(i), flags, listener, false, true);
            if (r < 0 && stopOnErrors) {
                return r;
            }
        }
        return 0;
    }

    private int removeOne(String name, RemoveFlags flags, RemoveListener listener)
            throws KmodException {
        listener.show("rmmod " + name);
        if (flags.dryRun()) {
            listener.done(RemovalStep.removed(name));
            return 0;
        }
        ModuleLoader loader = new ModuleLoader(kernel, context.kernelState());
        try {
            if (flags.waitMillis() > 0) {
                // Still in use at the deadline is not an error for modprobe -w: it exits 0.
                loader.removeWaiting(name, flags.force(), Duration.ofMillis(flags.waitMillis()));
                listener.done(RemovalStep.removed(name));
                return 0;
            }
            loader.remove(name, flags.force());
            listener.done(RemovalStep.removed(name));
            return 0;
        } catch (KernelCallException e) {
            if (e.errno() == Errno.ENOENT) {
                // Not in the kernel any more: success unless --first-time.
                if (flags.firstTime()) {
                    listener.log("Module " + name + " is not in kernel.");
                    return -Errno.ENOENT;
                }
                return 0;
            }
            if (flags.waitMillis() > 0) {
                listener.error("could not remove '" + name + "': " + e.strerror());
            } else {
                listener.error(context.profile().logPrefix("../libkmod/libkmod-module.c:856", "kmod_module_remove_module")
                        + "could not remove '" + name + "': " + e.strerror());
            }
            return -e.errno();
        }
    }

    private int runCommand(KernelModule mod, String command, RemoveFlags flags, RemoveListener listener)
            throws KmodException {
        String cmd = command.replace("$CMDLINE_OPTS", "");
        listener.show("remove " + cmd);
        if (flags.dryRun()) {
            listener.done(RemovalStep.command(mod.name(), cmd));
            return 0;
        }
        int status = commands.runFor(mod.name(), cmd, commandEnvironment);
        if (status != 0) {
            listener.log("Error running remove command for " + mod.name());
            return -status;
        }
        listener.done(RemovalStep.command(mod.name(), cmd));
        return 0;
    }

    private List<KernelModule> lookupAll(List<String> names) throws KmodException {
        List<KernelModule> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(context.lookup(n));
        }
        return out;
    }
}
