package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * {@code modprobe} for Java programs, one call per command: {@link #insert} does what
 * {@code modprobe NAME [PARAMS]} does, {@link #remove} what {@code modprobe -r NAME} does, with the
 * same configuration (aliases, options, softdeps, blacklist, install and remove commands), the same
 * state checks and the same kernel calls; failures are exceptions with modprobe's words instead of
 * an exit status.
 *
 * <pre>{@code
 * Modprobe modprobe = Modprobe.system();        // the running kernel, /etc/modprobe.d, ...
 * modprobe.insert("xfrm_user");                 // no-op when it is loaded already
 * modprobe.remove("xfrm_user");
 * }</pre>
 *
 * <p>Thread-safe when the kernel calls and command runner are (each call has its own executor):
 * several threads loading the same module meet in the kernel, which answers the second
 * {@code EEXIST} (success) once the first load is live (docs/semantics.md; kmod-20 logic by default).
 */
public final class Modprobe {
    private static final Pattern LIBKMOD_LOCATION = Pattern.compile("^\\.\\./libkmod/[^ :]+:[0-9]+ [^ ]+\\(\\) ");

    private final AtomicReference<KmodContext> latest;
    private final KernelCalls kernel;
    private final CommandRunner commands;

    private Modprobe(KmodContext context, KernelCalls kernel, CommandRunner commands) {
        this.latest = new AtomicReference<>(Objects.requireNonNull(context, "context"));
        this.kernel = kernel;
        this.commands = commands;
    }

    /**
     * The running system: the context of {@code KmodContext.builder().build()} (root {@code /}, the
     * running kernel's release, the default configuration directories and command line), the real
     * system calls ({@link KernelCalls#system()}, loaded on the first call) and commands run with
     * {@code /bin/sh -c}.
     *
     * @return a modprobe for the running system
     * @throws KmodException when the running release or the configuration cannot be read
     */
    public static Modprobe system() throws KmodException {
        return new Modprobe(KmodContext.builder().build(), KernelCalls.system(), CommandRunner.SHELL);
    }

    /**
     * With any context, kernel (e.g. a {@code FakeKernel}) and command runner.
     *
     * @param context where modules are looked up and their state read
     * @param kernel the system calls
     * @param commands runs install and remove commands
     * @return the modprobe
     * @throws IllegalArgumentException when {@code kernel} is a {@link FakeKernel} whose tree is not
     *     under the context's root: the context would read another kernel's state than the one loaded into
     */
    public static Modprobe of(KmodContext context, KernelCalls kernel, CommandRunner commands) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(commands, "commands");
        if (kernel instanceof FakeKernel fake) {
            Path treeRoot = fake.tree().root().toAbsolutePath().normalize();
            Path contextRoot = context.root().toAbsolutePath().normalize();
            if (!treeRoot.equals(contextRoot)) {
                throw new IllegalArgumentException("the fake kernel's tree " + treeRoot
                        + " is not the context's root " + contextRoot
                        + ": build the context with KmodContext.builder().root(tree.root())");
            }
        }
        return new Modprobe(context, kernel, commands);
    }

    /**
     * The context modules are looked up in: the one given, or a newer one with the same settings
     * once its files changed (each call checks them first).
     *
     * @return the current context
     */
    public KmodContext context() {
        return latest.get();
    }

    /**
     * The context for the next call: the current one, or, when its configuration or index files
     * changed since it read them ({@link KmodContext#validateResources()}; e.g. {@code depmod} ran
     * after a kernel update), a new one with the same settings. Each {@link #insert} and
     * {@link #remove} starts here, so a long-running program sees what {@code modprobe} would.
     */
    private KmodContext current() throws KmodException {
        KmodContext now = latest.get();
        KmodContext fresh = now.refreshed();
        if (fresh != now) {
            latest.compareAndSet(now, fresh);
        }
        return fresh;
    }

    /**
     * Loads {@code name} (a module name or an alias) with its dependencies and softdeps, as
     * {@code modprobe NAME PARAMS} does: modules already in the kernel are left alone, the
     * blacklist applies to aliases only, install commands run instead of insertions. Every module
     * the name resolves to is loaded; unlike modprobe's exit status, which tells only of the last,
     * any failure is thrown (the first; later ones are suppressed exceptions of it).
     *
     * @param name a module name or alias
     * @param parameters module parameters for the target ({@code "debug=1"}), after those of the
     *     configuration
     * @return the steps carried out, in order: insertions and install commands (empty when
     *     everything was loaded already, or when the name is an alias of blacklisted modules only);
     *     failures of softdeps, which modprobe ignores, are left out
     * @throws ModuleNotFoundException when nothing answers the name
     * @throws ProbeFailedException when a module or a dependency it needs could not be loaded
     * @throws KmodException when indexes, configuration or state cannot be read
     */
    public List<ProbeStep> insert(String name, String... parameters) throws KmodException {
        return insert(name, ProbeFlags.DEFAULT, parameters);
    }

    /**
     * Loads {@code name} like {@link #insert(String, String...)}, with {@code flags}: a dry run
     * ({@link ProbeFlags#withDryRun}) returns the steps it would carry out; {@code --first-time}
     * ({@link ProbeFlags#withFirstTime}) fails when the module is loaded already; the blacklist for
     * every name ({@link ProbeFlags#withBlacklist}); ignoring install commands and softdeps, or
     * modversions and vermagic ({@link ProbeFlags#withForce}).
     *
     * @param name a module name or alias
     * @param flags how to load
     * @param parameters module parameters for the target, after those of the configuration
     * @return the steps carried out (in a dry run: that would be), in order
     * @throws ModuleNotFoundException when nothing answers the name
     * @throws ProbeFailedException when a module or a dependency it needs could not be loaded, or,
     *     with first-time, when it is loaded already
     * @throws KmodException when indexes, configuration or state cannot be read
     */
    public List<ProbeStep> insert(String name, ProbeFlags flags, String... parameters) throws KmodException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flags, "flags");
        for (String p : Objects.requireNonNull(parameters, "parameters")) {
            Objects.requireNonNull(p, "a parameter is null");
        }
        KmodContext context = current();
        List<KernelModule> modules = context.require(name);
        String extra = parameters.length == 0 ? null : String.join(" ", parameters);
        List<ProbeStep> done = new ArrayList<>();
        ProbeListener recorder = new ProbeListener() {
            @Override
            public void action(ProbeStep step) {
                done.add(step);
            }

            @Override
            public void commandFailed(ProbeStep step, String command, int status) {
                failed(step);
            }

            @Override
            public void insertFailed(ProbeStep step, KernelCallException failure) {
                failed(step);
            }

            @Override
            public void noFile(ProbeStep step) {
                failed(step);
            }

            /** The step that failed is the last one acted on. */
            private void failed(ProbeStep step) {
                if (!done.isEmpty() && done.get(done.size() - 1).equals(step)) {
                    done.remove(done.size() - 1);
                }
            }
        };
        ProbeExecutor executor = new ProbeExecutor(context, kernel, commands, Map.of());
        ProbeFailedException failure = null;
        for (KernelModule m : modules) {
            try {
                executor.execute(extra == null ? context.planInsert(m, flags) : context.planInsert(m, flags, extra), flags,
                        flags.force(), recorder);
            } catch (ProbeFailedException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(done);
    }

    /**
     * Removes {@code name} as {@code modprobe -r NAME} does: remove commands and softdeps from the
     * configuration, then the module, then its dependencies that nothing uses any more. A module
     * that is not loaded is no error (as with modprobe).
     *
     * @param name a module name or alias
     * @return what was done, in order: modules removed and remove commands run
     * @throws ModuleNotFoundException when nothing answers the name
     * @throws RemoveFailedException when the module is in use, builtin, or the kernel refuses
     * @throws KmodException when indexes, configuration or state cannot be read
     */
    public List<RemovalStep> remove(String name) throws KmodException {
        return remove(name, RemoveFlags.DEFAULT);
    }

    /**
     * Removes {@code name} like {@link #remove(String)}, with {@code flags}: a dry run, the holders
     * first ({@link RemoveFlags#withRemoveHolders}), a wait while it is in use
     * ({@link RemoveFlags#withWait}), force, first-time, without remove commands.
     *
     * @param name a module name or alias
     * @param flags how to remove
     * @return what was done (in a dry run: would be), in order
     * @throws ModuleNotFoundException when nothing answers the name
     * @throws RemoveFailedException when the module is in use, builtin, not loaded with first-time,
     *     or the kernel refuses
     * @throws KmodException when indexes, configuration or state cannot be read
     */
    public List<RemovalStep> remove(String name, RemoveFlags flags) throws KmodException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flags, "flags");
        KmodContext context = current();
        List<KernelModule> modules = context.require(name);
        List<RemovalStep> done = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        RemoveListener recorder = new RemoveListener() {
            @Override
            public void done(RemovalStep step) {
                done.add(step);
            }

            @Override
            public void log(String message) {
                errors.add(message);
            }

            @Override
            public void error(String message) {
                // modprobe prints libkmod's source location first; a Java caller needs only the words
                errors.add(LIBKMOD_LOCATION.matcher(message).replaceFirst(""));
            }
        };
        ModuleRemover remover = new ModuleRemover(context, kernel, commands, Map.of());
        for (KernelModule m : modules) {
            int result = remover.remove(m, flags, recorder);
            if (result < 0) {
                String message = errors.isEmpty() ? "could not remove '" + m.name() + "': " + Errno.strerror(-result)
                        : String.join("; ", errors);
                throw new RemoveFailedException(m.name(), -result, message);
            }
        }
        return List.copyOf(done);
    }

    @Override
    public String toString() {
        return "Modprobe[" + latest.get().moduleDirectory().path() + "]";
    }
}
