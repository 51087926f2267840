package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.config.ConfigLoader;
import io.github.jkmod.core.config.ModprobeConfig;
import io.github.jkmod.core.modinfo.ModuleFile;
import io.github.jkmod.index.ModuleDirectory;
import io.github.jkmod.index.ModuleIndex;
import io.github.jkmod.sysfs.InitstateLogic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One view of a system's modules: a root, a kernel release, a configuration and an initstate
 * logic. Immutable and safe for use by many threads at once; indexes are opened once and shared.
 * Build one with {@link #builder()}.
 */
public final class KmodContext {

    private final Builder settings;
    private final ResourceStamps configStamps;
    private final ResourceStamps indexStamps;
    private final Path root;
    private final String release;
    private final ModuleDirectory directory;
    private final ModprobeConfig config;
    private final ConfigMemo memo;
    private final ModuleStates states;
    private final ModuleLookup lookup;
    private final ProbePlanner planner;
    private final ConcurrentHashMap<String, Optional<DepEntry>> depCache = new ConcurrentHashMap<>();

    private KmodContext(Builder b) throws KmodException {
        this.settings = b.copy();
        this.root = b.root;
        this.release = b.release != null ? b.release : Kernel.runningRelease(b.root);
        Path moduleRoot = b.moduleRoot != null ? b.moduleRoot : b.root;
        this.directory = ModuleDirectory.open(moduleRoot, release);
        // Stamped before they are read: a change while reading shows as a change afterwards.
        List<Path> configInputs = new ArrayList<>();
        if (b.noConfiguration) {
            // no configuration directory at all
        } else if (b.configPaths.isEmpty()) {
            for (String d : b.profile.configDirectories()) {
                configInputs.add(b.root.resolve(d));
            }
        } else {
            configInputs.addAll(b.configPaths);
        }
        configInputs.add(directory.path().resolve("modules.softdep"));
        if (b.profile.weakdeps()) {
            configInputs.add(directory.path().resolve("modules.weakdep"));
        }
        this.configStamps = ResourceStamps.of(configInputs, name -> true);
        this.indexStamps = ResourceStamps.of(List.of(directory.path()), name -> name.startsWith("modules."));
        ConfigLoader.Builder loader = ConfigLoader.builder().configRoot(b.root).moduleDir(directory.path())
                .cmdlineFile(b.cmdline != null ? b.cmdline : b.root.resolve("proc/cmdline"))
                .profile(b.profile);
        if (b.noConfiguration) {
            loader.directories(List.of());
        }
        for (Path p : b.configPaths) {
            loader.configPath(p);
        }
        this.config = loader.build();
        this.memo = new ConfigMemo(config);
        this.states = new ModuleStates(b.root, b.logic, directory);
        this.lookup = new ModuleLookup(directory, config);
        this.planner = new ProbePlanner(this);
    }

    /** Whether what a context read is still what is on disk, as libkmod's {@code kmod_validate_resources} tells. */
    public enum Resources {
        /** Nothing changed. */
        OK,
        /** An index file of the module directory changed ({@code depmod} ran): the indexes must be read again. */
        MUST_RELOAD,
        /** A configuration file or directory changed: the configuration must be read again. */
        MUST_RECREATE
    }

    /**
     * Compares the configuration files and directories and the module directory's index files
     * with what they were when this context was built (modification time, size, inode, presence).
     * A few {@code stat} calls; the context itself never changes.
     */
    public Resources validateResources() {
        if (!configStamps.current()) {
            return Resources.MUST_RECREATE;
        }
        return indexStamps.current() ? Resources.OK : Resources.MUST_RELOAD;
    }

    /**
     * This context when {@link #validateResources()} says {@link Resources#OK}, else a new one built
     * with the same settings (root, module root, release, configuration paths, command line,
     * initstate logic), which reads the files as they are now. For long-running programs: a context
     * keeps answering from the files it opened (an index replaced by {@code depmod} stays mapped).
     */
    public KmodContext refreshed() throws KmodException {
        return validateResources() == Resources.OK ? this : new KmodContext(settings);
    }

    /**
     * The release of the kernel running under {@code root}, from
     * {@code <root>/proc/sys/kernel/osrelease} (what {@code uname -r} prints).
     */
    public static String runningRelease(Path root) throws KmodException {
        return Kernel.runningRelease(root);
    }

    /** A builder with every default: root {@code /}, the running kernel, the default configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** The root of the system (sysfs, procfs and configuration are read under it). */
    public Path root() {
        return root;
    }

    /** The kernel release. */
    public String release() {
        return release;
    }

    /** The module directory ({@code <root>/lib/modules/<release>}). */
    public ModuleDirectory moduleDirectory() {
        return directory;
    }

    /** The effective configuration. */
    public ModprobeConfig config() {
        return config;
    }

    /** The initstate logic in use. */
    public InitstateLogic initstateLogic() {
        return states.logic();
    }

    /**
     * Looks a name up in the reference order (configuration aliases, modules.dep, symbols,
     * commands, modules.alias, builtins). Empty when nothing answers.
     */
    public List<Module> lookup(String name) throws KmodException {
        return lookup.lookup(name);
    }

    /**
     * Looks a name up like {@link #lookup} and fails when nothing answers.
     *
     * @throws ModuleNotFoundException naming the name and the module directory
     */
    public List<Module> require(String name) throws KmodException {
        List<Module> found = lookup(name);
        if (found.isEmpty()) {
            throw new ModuleNotFoundException(name, directory.path());
        }
        return found;
    }

    /**
     * The weak dependencies of {@code module}, as libkmod's {@code kmod_module_get_weakdeps}: the
     * modules that the {@code weakdep} line matching its name (in modprobe.d or
     * {@code modules.weakdep}) names, each looked up like {@link #lookup}. Loads never use them (as
     * kmod: they are for tools that build an initramfs); empty under {@link KmodProfile#KMOD_30}.
     *
     * @param module a module
     * @return the modules, in the order the line names them
     * @throws KmodException when an index is corrupt
     */
    public List<Module> weakdeps(Module module) throws KmodException {
        Objects.requireNonNull(module, "module");
        Optional<io.github.jkmod.core.config.WeakdepEntry> entry = config.weakdep(module.name());
        if (entry.isEmpty()) {
            return List.of();
        }
        List<Module> out = new ArrayList<>();
        for (String dep : entry.get().deps()) {
            out.addAll(lookup(dep));
        }
        return List.copyOf(out);
    }

    /**
     * A module given as a file, as kmod 34's {@code modprobe /path/m.ko} takes it: its name is the
     * file name up to its first {@code .}, with {@code -} as {@code _}; it is inserted from
     * {@code file}, with the dependencies, options and softdeps of that name from this context.
     *
     * @param file the module file, as given (it is shown and opened as it is, not normalised)
     * @return the module
     * @throws ModuleNotFoundException when the file does not exist or gives no name
     */
    public Module moduleAtPath(Path file) throws ModuleNotFoundException {
        Objects.requireNonNull(file, "file");
        Path base = file.getFileName();
        String text = base == null ? "" : base.toString();
        int dot = text.indexOf('.');
        String name = (dot < 0 ? text : text.substring(0, dot)).replace('-', '_');
        if (name.isEmpty() || !java.nio.file.Files.exists(file)) {
            throw new ModuleNotFoundException(file.toString(), directory.path());
        }
        return new Module(name, Optional.empty(), Optional.of(file));
    }

    /**
     * Looks a module name up as {@code modinfo -m} does (libkmod's
     * {@code kmod_module_new_from_name_lookup}): the name up to its first {@code .}, with {@code -}
     * as {@code _}, in {@code modules.dep}, then {@code modules.builtin}, then the aliases of
     * builtin modules ({@code modules.builtin.alias.bin}). No configuration alias, no
     * {@code modules.alias}.
     *
     * @param name a module name
     * @return the module found first, or empty
     * @throws KmodException when an index is corrupt
     */
    public Optional<Module> lookupName(String name) throws KmodException {
        return lookup.lookupName(name);
    }

    /**
     * What {@code modinfo ARG} shows, as typed records: {@code ARG} is a module file when its name
     * ends with {@code .ko}, {@code .ko.xz} or {@code .ko.zst} and it is a regular file
     * ({@link ModuleFile#hasModuleSuffix}); otherwise a name or alias, looked up like
     * {@link #lookup} (an alias can give several modules), each module read from its file in
     * {@code modules.dep} or, for a builtin module, from {@code modules.builtin.modinfo}.
     *
     * @param nameOrAliasOrPath a module file, module name or alias
     * @return the modules, in lookup order (one for a file or a name)
     * @throws ModuleNotFoundException when nothing answers the name or alias
     * @throws io.github.jkmod.core.elf.ModuleFormatException when a module file (or
     *     {@code modules.builtin.modinfo}) is malformed, naming the file and offset
     * @throws KmodException when a file cannot be read or an index is corrupt
     */
    public List<io.github.jkmod.core.modinfo.ModuleInfo> modinfo(String nameOrAliasOrPath) throws KmodException {
        Objects.requireNonNull(nameOrAliasOrPath, "nameOrAliasOrPath");
        if (ModuleFile.hasModuleSuffix(nameOrAliasOrPath)
                && java.nio.file.Files.isRegularFile(Path.of(nameOrAliasOrPath))) {
            Path file = Path.of(nameOrAliasOrPath);
            return List.of(io.github.jkmod.core.modinfo.ModuleInfo.of(ModuleFile.moduleName(nameOrAliasOrPath),
                    ModuleFile.read(file)));
        }
        List<io.github.jkmod.core.modinfo.ModuleInfo> out = new ArrayList<>();
        for (Module m : require(nameOrAliasOrPath)) {
            out.add(modinfo(m));
        }
        return List.copyOf(out);
    }

    /**
     * What {@code modinfo} shows of one module found by {@link #lookup}: read from its own file,
     * else from its file in {@code modules.dep}, else, when {@code modules.builtin} lists it, from
     * {@code modules.builtin.modinfo} (no such file: no fields); a module with neither has no
     * fields.
     *
     * @param module a module
     * @return its information
     * @throws io.github.jkmod.core.elf.ModuleFormatException when its file or
     *     {@code modules.builtin.modinfo} is malformed
     * @throws KmodException when a file cannot be read or an index is corrupt
     */
    public io.github.jkmod.core.modinfo.ModuleInfo modinfo(Module module) throws KmodException {
        Optional<Path> file = module.file().isPresent() ? module.file()
                : dependencies(module.name()).map(DepEntry::file);
        if (file.isPresent()) {
            return io.github.jkmod.core.modinfo.ModuleInfo.of(module.name(), ModuleFile.read(file.get()));
        }
        return io.github.jkmod.core.modinfo.ModuleInfo.builtin(module.name(), builtinModinfo(module.name()));
    }

    /**
     * The fields of a module from {@code modules.builtin.modinfo} as libkmod 34 reads them
     * ({@link io.github.jkmod.core.modinfo.BuiltinModinfo#block}); empty when {@code modules.builtin}
     * does not list the module or the file is missing.
     *
     * @param name the module name
     * @return the fields
     * @throws io.github.jkmod.core.elf.ModuleFormatException when the file is malformed
     * @throws KmodException when it cannot be read or an index is corrupt
     */
    public List<io.github.jkmod.core.modinfo.ModinfoField> builtinModinfo(String name) throws KmodException {
        if (!isBuiltin(name)) {
            return List.of();
        }
        Path path = directory.path().resolve("modules.builtin.modinfo");
        byte[] data;
        try {
            data = ModuleFile.contents(path, ModuleFile.MAX_IMAGE_SIZE);
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (io.github.jkmod.core.elf.ModuleFormatException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new KmodException(path + ": cannot read: " + e, e);
        }
        return io.github.jkmod.core.modinfo.BuiltinModinfo.block(path, data, name);
    }

    /** The behaviour profile: which kmod release this context follows where releases differ. */
    public KmodProfile profile() {
        return settings.profile;
    }

    /** The module's modules.dep entry (its file and dependencies), if it has one. */
    public Optional<DepEntry> dependencies(String name) throws KmodException {
        Optional<DepEntry> cached = depCache.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<ModuleIndex> dep = directory.dep();
        Optional<DepEntry> entry = Optional.empty();
        if (dep.isPresent()) {
            Optional<String> line = dep.get().lookup(name);
            if (line.isPresent()) {
                entry = Optional.of(DepLine.parse(name, line.get(), directory.path(),
                        dep.get().file()));
            }
        }
        depCache.putIfAbsent(name, entry);
        return entry;
    }

    /** Whether modules.builtin names the module. */
    public boolean isBuiltin(String name) throws KmodException {
        return states.isBuiltin(name);
    }

    /** The module's state in the running kernel, read with this context's initstate logic. */
    public io.github.jkmod.sysfs.ModuleState state(String name) throws KmodException {
        return states.state(name);
    }

    /** The kernel's module state under this context's root, read with its initstate logic. */
    public io.github.jkmod.sysfs.KernelState kernelState() {
        return states.kernel();
    }

    /**
     * The loaded modules under this context's root, as {@code lsmod} lists them: name, core size,
     * use count, holders and state, in the order of {@code proc/modules} (most recently loaded
     * first). See {@link io.github.jkmod.sysfs.KernelState#loaded()}.
     *
     * @return the modules; empty when none is loaded
     * @throws io.github.jkmod.sysfs.SysfsException when {@code proc/modules} cannot be read (absent
     *     included: a kernel without module support)
     */
    public List<io.github.jkmod.sysfs.LoadedModule> loaded() throws io.github.jkmod.sysfs.SysfsException {
        return states.kernel().loaded();
    }

    /** LIVE or BUILTIN: what the reference calls "in kernel". COMING is not. */
    public boolean isInKernel(Module module) throws KmodException {
        return states.isInKernel(module.name());
    }

    /**
     * The options of a module from the configuration (lines naming the module or the alias it was
     * found by, in configuration order) and the kernel command line, joined by spaces.
     */
    public String moduleOptions(Module module) {
        return memo.optionsFor(module.name(), module.alias().orElse(null));
    }

    /** The configuration's answers for planning, memoised. */
    ConfigMemo configMemo() {
        return memo;
    }

    /**
     * Plans the load of one module.
     *
     * @param module a module from {@link #lookup}
     * @param flags how to plan
     * @param extraOptions the caller's options for the target (modprobe's trailing arguments), or null
     */
    public ProbePlan planInsert(Module module, ProbeFlags flags, String extraOptions)
            throws KmodException {
        return planner.plan(module, flags, extraOptions);
    }

    /** Builds a {@link KmodContext}. Not thread-safe; the context it builds is. */
    public static final class Builder {
        private Path root = Path.of("/");
        private Path moduleRoot;
        private String release;
        private List<Path> configPaths = List.of();
        private Path cmdline;
        private InitstateLogic logic = InitstateLogic.KMOD_20;
        private KmodProfile profile = KmodProfile.DEFAULT;
        private boolean noConfiguration;

        private Builder() {
        }

        /** The root of everything: module directory, configuration, sysfs, procfs. Default {@code /}. */
        public Builder root(Path root) {
            this.root = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * The root of the module directory only, as modprobe's {@code -d}: the configuration,
         * sysfs and procfs stay under {@link #root}.
         */
        public Builder moduleRoot(Path moduleRoot) {
            this.moduleRoot = moduleRoot;
            return this;
        }

        /** The kernel release. Default: {@code <root>/proc/sys/kernel/osrelease}. */
        public Builder release(String release) {
            this.release = release;
            return this;
        }

        /**
         * Configuration files or directories that replace the default directories (modprobe's
         * {@code -C}, repeatable). Empty: the default directories of the {@linkplain #profile profile}
         * under the root.
         */
        public Builder configPaths(List<Path> paths) {
            this.configPaths = List.copyOf(paths);
            return this;
        }

        /** The kernel command line file. Default {@code <root>/proc/cmdline}. */
        public Builder cmdline(Path cmdline) {
            this.cmdline = cmdline;
            return this;
        }

        /** The initstate logic (kmod 20, the default, or kmod 18 to show the race). */
        public Builder initstateLogic(InitstateLogic logic) {
            this.logic = Objects.requireNonNull(logic, "logic");
            return this;
        }

        /**
         * The kmod release to follow where releases differ ({@link KmodProfile}): configuration
         * directories, {@code weakdep}. Default {@link KmodProfile#DEFAULT} (kmod 34).
         */
        public Builder profile(KmodProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Reads no configuration directory at all (no {@code alias}, {@code options},
         * {@code install} lines), as {@code modinfo} creates its libkmod context; the module
         * directory's {@code modules.softdep} and the kernel command line are still read. Paths given
         * to {@link #configPaths} are still read.
         *
         * @return this builder
         */
        public Builder noConfiguration() {
            this.noConfiguration = true;
            return this;
        }

        /** A copy of these settings. */
        private Builder copy() {
            Builder c = new Builder();
            c.root = root;
            c.moduleRoot = moduleRoot;
            c.release = release;
            c.configPaths = configPaths;
            c.cmdline = cmdline;
            c.logic = logic;
            c.profile = profile;
            c.noConfiguration = noConfiguration;
            return c;
        }

        /** Builds the context: reads the configuration, opens the module directory. */
        public KmodContext build() throws KmodException {
            return new KmodContext(this);
        }
    }
}
