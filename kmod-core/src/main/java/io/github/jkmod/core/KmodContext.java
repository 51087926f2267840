package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.config.ConfigLoader;
import io.github.jkmod.core.config.ModprobeConfig;
import io.github.jkmod.core.nodes.StaticNode;
import io.github.jkmod.core.nodes.StaticNodes;
import io.github.jkmod.core.modinfo.ModuleFile;
import io.github.jkmod.index.ModuleDirectory;
import io.github.jkmod.index.ModuleIndex;
import io.github.jkmod.sysfs.InitstateLogic;
import java.nio.file.Files;
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
    private final List<ContextWarning> warnings;
    private final ConcurrentHashMap<String, Optional<ModuleDependencies>> depCache = new ConcurrentHashMap<>();

    private KmodContext(Builder b) throws KmodException {
        if (!Files.isDirectory(b.root)) {
            throw new KmodException("root " + b.root + (Files.exists(b.root) ? " is not a directory" : " does not exist"));
        }
        this.settings = b.copy();
        this.root = b.root;
        this.release = b.release != null ? b.release : Kernel.runningRelease(b.root);
        Path moduleRoot = b.moduleRoot != null ? b.moduleRoot : b.root;
        this.directory = ModuleDirectory.open(moduleRoot, release);
        // Stamped before they are read: a change while reading shows as a change afterwards.
        List<Path> configInputs = new ArrayList<>();
        if (b.configPaths == null) {
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
        // Without watching, no stamp at all: a one-shot command (modprobe) never asks, and the
        // stamps cost it a directory listing and some twenty stat calls.
        this.configStamps = b.watchResources ? ResourceStamps.of(configInputs, "") : null;
        this.indexStamps = b.watchResources ? ResourceStamps.of(List.of(directory.path()), "modules.") : null;
        ConfigLoader.Builder loader = ConfigLoader.builder().configRoot(b.root).moduleDir(directory.path())
                .cmdlineFile(b.cmdline != null ? b.cmdline : b.root.resolve("proc/cmdline"))
                .profile(b.profile);
        List<ContextWarning> found = new ArrayList<>();
        if (b.configPaths != null) {
            if (b.configPaths.isEmpty()) {
                loader.directories(List.of());
            }
            for (Path p : b.configPaths) {
                loader.configPath(p);
                if (!Files.exists(p)) {
                    found.add(new ContextWarning(p, "configuration path " + p + " does not exist"));
                }
            }
        }
        Path dir = directory.path();
        if (!Files.isDirectory(dir)) {
            found.add(new ContextWarning(dir, "module directory " + dir
                    + " does not exist: no module will be found (is the release " + release + " right?)"));
        } else if (!Files.exists(dir.resolve("modules.dep")) && !Files.exists(dir.resolve("modules.dep.bin"))) {
            found.add(new ContextWarning(dir, "module directory " + dir + " has no modules.dep (has depmod run?)"));
        }
        this.warnings = List.copyOf(found);
        if (b.logWarnings && !warnings.isEmpty()) {
            System.Logger log = System.getLogger(KmodContext.class.getName());
            for (ContextWarning w : warnings) {
                log.log(System.Logger.Level.WARNING, w.message());
            }
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
     * A few {@code stat} calls; the context itself never changes. A context built without
     * {@linkplain Builder#watchResources watching} cannot tell, and answers
     * {@link Resources#MUST_RECREATE}.
     *
     * @return {@link Resources#OK} when nothing changed, else what must be read again
     */
    public Resources validateResources() {
        if (configStamps == null || !configStamps.current()) {
            return Resources.MUST_RECREATE;
        }
        return indexStamps.current() ? Resources.OK : Resources.MUST_RELOAD;
    }

    /**
     * This context when {@link #validateResources()} says {@link Resources#OK}, else a new one built
     * with the same settings (root, module root, release, configuration paths, command line,
     * initstate logic), which reads the files as they are now. For long-running programs: a context
     * keeps answering from the files it opened (an index replaced by {@code depmod} stays mapped).
     *
     * @return this context, or a new one that reads the current files
     * @throws KmodException when the new context cannot be built (e.g. the release can no longer be
     *     read)
     */
    public KmodContext refreshed() throws KmodException {
        return validateResources() == Resources.OK ? this : new KmodContext(settings);
    }

    /**
     * The release of the kernel running under {@code root}, from
     * {@code <root>/proc/sys/kernel/osrelease} (what {@code uname -r} prints).
     *
     * @param root the root of the system, {@code /} for the running one
     * @return the release as {@code uname -r} prints it, without the newline
     * @throws KmodException when the file cannot be read
     */
    public static String runningRelease(Path root) throws KmodException {
        return Kernel.runningRelease(root);
    }

    /**
     * A builder with every default: root {@code /}, the running kernel, the default configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The root of the system (sysfs, procfs and configuration are read under it).
     *
     * @return the root directory, {@code /} for the running system
     */
    public Path root() {
        return root;
    }

    /**
     * The kernel release.
     *
     * @return the kernel release whose modules this context reads
     */
    public String release() {
        return release;
    }

    /**
     * The module directory ({@code <root>/lib/modules/<release>}).
     *
     * @return the module directory and its indexes
     */
    public ModuleDirectory moduleDirectory() {
        return directory;
    }

    /**
     * What this context noticed when it was built that makes its answers emptier than expected: a
     * missing module directory or {@code modules.dep}, a configuration path that does not exist.
     *
     * @return the warnings, in the order found; empty when all is well
     */
    public List<ContextWarning> warnings() {
        return warnings;
    }

    /**
     * The effective configuration.
     *
     * @return the configuration read from the modprobe.d files, {@code modules.softdep} and the
     *     kernel command line
     */
    public ModprobeConfig config() {
        return config;
    }

    /**
     * The initstate logic in use.
     *
     * @return how module states are read from {@code initstate}
     */
    public InitstateLogic initstateLogic() {
        return states.logic();
    }

    /**
     * Looks a name up in the reference order (configuration aliases, modules.dep, symbols,
     * commands, modules.alias, builtins). Empty when nothing answers.
     *
     * @param name a module name ({@code -} or {@code _} alike), an alias such as {@code
     *     pci:v00008086d00001533sv*}, or {@code symbol:NAME} for the module that exports the symbol
     *     {@code NAME} (without the prefix a symbol name finds nothing)
     * @return the modules found, in the reference order; empty when nothing answers
     * @throws KmodException when an index is corrupt or cannot be read; the message names the file
     */
    public List<KernelModule> lookup(String name) throws KmodException {
        return List.copyOf(lookup.lookup(Objects.requireNonNull(name, "name")));
    }

    /**
     * Looks a name up like {@link #lookup} and fails when nothing answers.
     *
     * @param name a module name, an alias or {@code symbol:NAME}, as for {@link #lookup}
     * @return the modules found, never empty
     * @throws ModuleNotFoundException naming the name and the module directory
     */
    public List<KernelModule> require(String name) throws KmodException {
        List<KernelModule> found = lookup(name);
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
    public List<KernelModule> weakdeps(KernelModule module) throws KmodException {
        Objects.requireNonNull(module, "module");
        Optional<io.github.jkmod.core.config.WeakdepEntry> entry = config.weakdep(module.name());
        if (entry.isEmpty()) {
            return List.of();
        }
        List<KernelModule> out = new ArrayList<>();
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
    public KernelModule moduleAtPath(Path file) throws ModuleNotFoundException {
        Objects.requireNonNull(file, "file");
        Path base = file.getFileName();
        String text = base == null ? "" : base.toString();
        int dot = text.indexOf('.');
        String name = (dot < 0 ? text : text.substring(0, dot)).replace('-', '_');
        if (name.isEmpty() || !java.nio.file.Files.exists(file)) {
            throw new ModuleNotFoundException(file.toString(), directory.path());
        }
        return new KernelModule(name, Optional.empty(), Optional.of(file));
    }

    /**
     * The static device nodes of this context's module directory, from its {@code modules.devname},
     * read as {@code kmod static-nodes} reads it ({@link StaticNodes}): the nodes to create under
     * {@code /dev} so that opening one loads its module. Read on each call.
     *
     * @return the nodes in file order, unmodifiable; empty when the file does not exist
     * @throws io.github.jkmod.index.IndexFormatException naming the file and line of a malformed line
     * @throws KmodException when the file exists but cannot be read
     */
    public List<StaticNode> staticNodes() throws KmodException {
        return StaticNodes.read(directory.path().resolve("modules.devname"));
    }

    /**
     * The modules that export {@code symbol}, from {@code modules.symbols} (what a lookup of
     * {@code symbol:NAME} finds there; a configuration alias for {@code symbol:NAME} is not
     * consulted). Each module is named as the index names it, found by the alias
     * {@code symbol:NAME}.
     *
     * @param symbol the symbol's name, without the {@code symbol:} prefix (e.g. {@code crc32c})
     * @return the modules in index order, unmodifiable; empty when none exports it or the index is absent
     * @throws KmodException when {@code modules.symbols} is corrupt
     */
    public List<KernelModule> modulesForSymbol(String symbol) throws KmodException {
        Objects.requireNonNull(symbol, "symbol");
        return lookup.symbolProviders(symbol);
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
    public Optional<KernelModule> lookupName(String name) throws KmodException {
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
        for (KernelModule m : require(nameOrAliasOrPath)) {
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
    public io.github.jkmod.core.modinfo.ModuleInfo modinfo(KernelModule module) throws KmodException {
        Optional<Path> file = module.file().isPresent() ? module.file()
                : dependencies(module.name()).map(ModuleDependencies::file);
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

    /**
     * The behaviour profile: which kmod release this context follows where releases differ.
     *
     * @return the kmod release this context follows
     */
    public KmodProfile profile() {
        return settings.profile;
    }

    /**
     * The module's modules.dep entry (its file and dependencies), if it has one.
     *
     * @param name the module name
     * @return the entry, or empty when {@code modules.dep} does not list the module
     * @throws KmodException when {@code modules.dep} is corrupt or cannot be read
     */
    public Optional<ModuleDependencies> dependencies(String name) throws KmodException {
        Optional<ModuleDependencies> cached = depCache.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<ModuleIndex> dep = directory.dep();
        Optional<ModuleDependencies> entry = Optional.empty();
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

    /**
     * Every entry of {@code modules.dep}, in the index's dump order (what {@code modprobe -c} walks):
     * the input of "who depends on this module". Read anew on each call.
     *
     * @return the entries; empty when the module directory has no {@code modules.dep}
     * @throws KmodException when {@code modules.dep} is corrupt or cannot be read; the message names
     *     the file
     */
    public List<ModuleDependencies> allDependencies() throws KmodException {
        Optional<ModuleIndex> dep = directory.dep();
        if (dep.isEmpty()) {
            return List.of();
        }
        List<String[]> lines = new ArrayList<>();
        dep.get().forEach((key, value) -> lines.add(new String[] {key, value.value()}));
        List<ModuleDependencies> out = new ArrayList<>(lines.size());
        for (String[] line : lines) {
            out.add(DepLine.parse(line[0], line[1], directory.path(), dep.get().file()));
        }
        return List.copyOf(out);
    }

    /**
     * Whether modules.builtin names the module.
     *
     * @param name the module name
     * @return true when the kernel has the module built in
     * @throws KmodException when {@code modules.builtin} is corrupt or cannot be read
     */
    public boolean isBuiltin(String name) throws KmodException {
        return states.isBuiltin(name);
    }

    /**
     * The module's state in the running kernel, read with this context's initstate logic.
     *
     * @param name the module name
     * @return its state; {@link io.github.jkmod.sysfs.ModuleState#NOT_LOADED} when neither loaded
     *     nor builtin
     * @throws KmodException when sysfs or {@code modules.builtin} cannot be read
     */
    public io.github.jkmod.sysfs.ModuleState state(String name) throws KmodException {
        return states.state(name);
    }

    /**
     * The kernel's module state under this context's root, read with its initstate logic.
     *
     * @return the state reader of the kernel under this context's root
     */
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

    /**
     * LIVE or BUILTIN: what the reference calls "in kernel". COMING is not.
     *
     * @param module a module from {@link #lookup}
     * @return true when the module is live or builtin
     * @throws KmodException when sysfs or {@code modules.builtin} cannot be read
     */
    public boolean isInKernel(KernelModule module) throws KmodException {
        return states.isInKernel(module.name());
    }

    /**
     * The options of a module from the configuration (lines naming the module or the alias it was
     * found by, in configuration order) and the kernel command line, joined by spaces.
     *
     * @param module a module from {@link #lookup}
     * @return the options as modprobe would pass them, {@code ""} when there are none
     */
    public String moduleOptions(KernelModule module) {
        return memo.optionsFor(module.name(), module.alias().orElse(null));
    }

    /** The configuration's answers for planning, memoised. */
    ConfigMemo configMemo() {
        return memo;
    }

    /**
     * Plans the load of one module with the options of the configuration and command line only.
     *
     * @param module a module from {@link #lookup}
     * @param flags how to plan
     * @return the plan
     * @throws KmodException when an index or the module state cannot be read
     */
    public ProbePlan planInsert(KernelModule module, ProbeFlags flags) throws KmodException {
        return planner.plan(Objects.requireNonNull(module, "module"), Objects.requireNonNull(flags, "flags"), null);
    }

    /**
     * Plans the load of one module with the caller's own options for it, after those of the
     * configuration (modprobe's trailing arguments).
     *
     * @param module a module from {@link #lookup}
     * @param flags how to plan
     * @param extraOptions the options for the target, e.g. {@code "debug=1 mtu=9000"}
     * @return the plan
     * @throws KmodException when an index or the module state cannot be read
     */
    public ProbePlan planInsert(KernelModule module, ProbeFlags flags, String extraOptions)
            throws KmodException {
        return planner.plan(Objects.requireNonNull(module, "module"), Objects.requireNonNull(flags, "flags"),
                Objects.requireNonNull(extraOptions, "extraOptions"));
    }

    /** Builds a {@link KmodContext}. Not thread-safe; the context it builds is. */
    public static final class Builder {
        private Path root = Path.of("/");
        private Path moduleRoot;
        private String release;
        private List<Path> configPaths;
        private boolean logWarnings = true;
        private boolean watchResources = true;
        private Path cmdline;
        private InitstateLogic logic = InitstateLogic.KMOD_20;
        private KmodProfile profile = KmodProfile.DEFAULT;

        private Builder() {
        }

        /**
         * The root of everything: module directory, configuration, sysfs, procfs. Default {@code
         * /}.
         *
         * @param root the root directory, e.g. a {@link
         *     io.github.jkmod.sysfs.testing.FakeKernelTree}'s root
         * @return this builder
         */
        public Builder root(Path root) {
            this.root = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * The root of the module directory only, as modprobe's {@code -d}: the configuration,
         * sysfs and procfs stay under {@link #root}.
         *
         * @param moduleRoot the directory holding {@code lib/modules/RELEASE}
         * @return this builder
         */
        public Builder moduleRoot(Path moduleRoot) {
            this.moduleRoot = moduleRoot;
            return this;
        }

        /**
         * The kernel release. Default: {@code <root>/proc/sys/kernel/osrelease}.
         *
         * @param release the kernel release, e.g. the output of {@code uname -r}
         * @return this builder
         */
        public Builder release(String release) {
            this.release = release;
            return this;
        }

        /**
         * Configuration files or directories that replace the default directories (modprobe's
         * {@code -C}, repeatable). Not called: the default directories of the
         * {@linkplain #profile profile} under the root. An empty list: no configuration file at
         * all. A path that does not exist is read as empty and reported in
         * {@link KmodContext#warnings()}.
         *
         * @param paths files or directories, used as given (not under the root)
         * @return this builder
         */
        public Builder configPaths(List<Path> paths) {
            this.configPaths = List.copyOf(Objects.requireNonNull(paths, "paths"));
            return this;
        }

        /**
         * The default directories of the {@linkplain #profile profile} under the root, as if
         * {@link #configPaths} had not been called.
         *
         * @return this builder
         */
        public Builder defaultConfigPaths() {
            this.configPaths = null;
            return this;
        }

        /**
         * Whether {@link #build()} logs each of {@link KmodContext#warnings()} at
         * {@link System.Logger.Level#WARNING} (default true; a tool that reports problems in its own
         * words turns it off).
         *
         * @param on log them
         * @return this builder
         */
        public Builder logWarnings(boolean on) {
            this.logWarnings = on;
            return this;
        }

        /**
         * Whether the context records, when it is built, what its configuration files and index
         * files look like, for {@link KmodContext#validateResources()} and
         * {@link KmodContext#refreshed()} (default true). A program that reads once and exits
         * (modprobe) turns it off and spares that reading (a listing of the module directory and a
         * {@code stat} of each file); {@code validateResources()} then answers
         * {@link Resources#MUST_RECREATE}.
         *
         * @param on record the files' state
         * @return this builder
         */
        public Builder watchResources(boolean on) {
            this.watchResources = on;
            return this;
        }

        /**
         * The kernel command line file. Default {@code <root>/proc/cmdline}.
         *
         * @param cmdline the file holding the kernel command line
         * @return this builder
         */
        public Builder cmdline(Path cmdline) {
            this.cmdline = cmdline;
            return this;
        }

        /**
         * The initstate logic (kmod 20, the default, or kmod 18 to show the race).
         *
         * @param logic how to read {@code initstate}
         * @return this builder
         */
        public Builder initstateLogic(InitstateLogic logic) {
            this.logic = Objects.requireNonNull(logic, "logic");
            return this;
        }

        /**
         * The kmod release to follow where releases differ ({@link KmodProfile}): configuration
         * directories, {@code weakdep}. Default {@link KmodProfile#DEFAULT} (kmod 34).
         *
         * @param profile the kmod release to follow
         * @return this builder
         */
        public Builder profile(KmodProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }


        /** A copy of these settings. */
        private Builder copy() {
            Builder c = new Builder();
            c.root = root;
            c.moduleRoot = moduleRoot;
            c.release = release;
            c.configPaths = configPaths;
            c.logWarnings = logWarnings;
            c.watchResources = watchResources;
            c.cmdline = cmdline;
            c.logic = logic;
            c.profile = profile;
            return c;
        }

        /**
         * Builds the context: reads the configuration, opens the module directory.
         *
         * @return the new context
         * @throws KmodException when the release cannot be read; configuration problems are
         *     warnings, see {@link io.github.jkmod.core.config.ModprobeConfig#warnings()}
         */
        public KmodContext build() throws KmodException {
            return new KmodContext(this);
        }
    }
}
