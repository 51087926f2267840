package io.github.jkmod.core.depmod;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.index.IndexWriter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * depmod in Java: builds the index files of a module tree ({@code modules.dep}, {@code .alias},
 * {@code .symbols}, {@code .softdep}, {@code .weakdep}, {@code .devname}, the {@code .bin} tries and
 * the builtin indexes) byte for byte as kmod's depmod of the chosen {@link KmodProfile} writes them,
 * in memory ({@link #run()}) or into a directory ({@link #write(Path)}).
 *
 * <pre>{@code
 * Depmod.builder().root("/tmp/image").release("6.1.0-jkmod").build().write();
 * }</pre>
 *
 * <p>Dependencies come from symbols: a module depends on the modules that export the symbols it
 * leaves undefined. The order of the files follows depmod's: the modules of {@code modules.order}
 * first, in its order, then the others in the order of kmod's hash table.
 */
public final class Depmod {
    private static final String DEFAULT_MODULE_DIRECTORY = "lib/modules";

    private final Builder b;
    private final String dirname;
    private final String outdirname;

    private Depmod(Builder b) {
        this.b = b;
        String moddir = b.moduleDirectory;
        while (moddir.startsWith("/")) {
            moddir = moddir.substring(1);
        }
        this.dirname = b.root + "/" + moddir + "/" + b.release;
        this.outdirname = (b.outputRoot != null ? b.outputRoot : b.root) + "/" + moddir + "/" + b.release;
    }

    /**
     * A builder with depmod's defaults: root {@code /}, module directory {@code lib/modules}, the
     * profile's configuration directories, profile {@link KmodProfile#DEFAULT}.
     *
     * @return a new builder; {@link Builder#release} must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The module directory read, as depmod spells it (root, module directory and release).
     *
     * @return e.g. {@code /tmp/image/lib/modules/6.1.0-jkmod}
     */
    public String moduleDirectory() {
        return dirname;
    }

    /**
     * The directory the files are written to by {@link #write()}.
     *
     * @return the output root's module directory (the module directory unless an output root is set)
     */
    public String outputDirectory() {
        return outdirname;
    }

    /**
     * Whether {@code depmod -A} has nothing to do: {@code modules.dep} exists and no module file of
     * the tree is newer than it.
     *
     * @return true when the indexes are up to date
     */
    public boolean upToDate() {
        return UpToDate.check(Path.of(dirname), b.listener);
    }

    /**
     * Scans the tree and builds every index file in memory.
     *
     * @return the files, in depmod's order
     * @throws KmodException when the module directory cannot be read, or the dependencies hold a
     *     cycle ({@link DependencyCycleException}; the cycles were reported to the listener)
     */
    public DepmodResult run() throws KmodException {
        return run(true);
    }

    /**
     * What {@code depmod -n} computes: the text files only ({@link DepmodResult#dryRunOutput()}); no
     * {@code .bin} file, and the builtin inputs are not read.
     *
     * @return the text files, in depmod's order
     * @throws KmodException as {@link #run()}
     */
    public DepmodResult dryRun() throws KmodException {
        return run(false);
    }

    private DepmodResult run(boolean binaries) throws KmodException {
        Map<String, Supplier<byte[]>> files = prepare(binaries);
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<byte[]>> f : files.entrySet()) {
            result.put(f.getKey(), f.getValue().get());
        }
        return new DepmodResult(result);
    }

    /** Everything up to the files, which are made when asked for, in order (their messages then). */
    private Map<String, Supplier<byte[]>> prepare(boolean binaries) throws KmodException {
        Consumer<DepmodMessage> out = b.listener;
        Map<String, DependencyGraph.Owner> symbolTable = new HashMap<>(1 << 15);
        List<ModuleRecord> kernelSymbols = List.of();
        DependencyGraph kernel = new DependencyGraph(kernelSymbols, symbolTable, b.symbolPrefix);
        if (b.symvers != null) {
            KernelSymbols.loadSymvers(b.symvers, kernel, out);
        } else if (b.systemMap != null) {
            KernelSymbols.loadSystemMap(b.systemMap, kernel, b.symbolPrefix, out);
        }
        boolean printUnknown = b.printUnknown && (b.symvers != null || b.systemMap != null);
        if (b.printUnknown && !printUnknown) {
            out.accept(new DepmodMessage(DepmodMessage.Level.WARNING, "-e needs -E or -F"));
        }
        List<ModuleRecord> modules;
        try (ModulePrefetch prefetch = new ModulePrefetch()) {
            modules = scan(prefetch, out);
            load(modules, prefetch, kernel, out);
        }
        DependencyGraph graph = new DependencyGraph(modules, symbolTable, b.symbolPrefix);
        graph.resolve(b.symvers != null, printUnknown, out);
        if (!graph.sort(out)) {
            throw new DependencyCycleException();
        }
        return output(modules, symbolTable, binaries, out);
    }

    /** The modules to index, in depmod's order, each handed to {@code prefetch} as it is found. */
    private List<ModuleRecord> scan(ModulePrefetch prefetch, Consumer<DepmodMessage> out) throws KmodException {
        ModuleScanner scanner;
        if (b.moduleFiles.isEmpty()) {
            DepmodConfig cfg = DepmodConfig.load(b.configPaths, b.release, b.profile, out);
            scanner = new ModuleScanner(dirname, cfg, out, prefetch::start);
            scanner.scanAll();
        } else {
            scanner = new ModuleScanner(dirname, DepmodConfig.empty(), out);
            for (String f : b.moduleFiles) {
                scanner.addExplicit(f);
            }
        }
        List<ModuleRecord> modules = KmodHashOrder.iterationOrder(scanner.modules(), m -> m.name,
                KmodHashOrder.MODULE_BUCKETS);
        if (modules.size() >= 0xFFFF) {
            throw new KmodException("could not build module array: Numerical result out of range");
        }
        modules = ModuleOrder.sort(modules, scanner.byUncrelpath(), dirname, b.profile, out);
        for (int i = 0; i < modules.size(); i++) {
            modules.get(i).idx = i;
        }
        return modules;
    }

    private void load(List<ModuleRecord> modules, ModulePrefetch prefetch, DependencyGraph symbols,
            Consumer<DepmodMessage> out) {
        List<String> paths = new ArrayList<>(modules.size());
        for (ModuleRecord m : modules) {
            paths.add(m.path);
        }
        Object[] read = prefetch.take(paths);
        for (int i = 0; i < read.length; i++) {
            ModuleRecord mod = modules.get(i);
            if (read[i] instanceof ModuleContents) {
                mod.contents = (ModuleContents) read[i];
                for (ModuleContents.Symbol s : mod.contents.exports()) {
                    symbols.addSymbol(s.name(), false, s.crc(), mod);
                }
            } else {
                out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, "failed to load symbols from " + mod.path
                        + ": " + reason((Exception) read[i])));
            }
        }
    }

    private Map<String, Supplier<byte[]>> output(List<ModuleRecord> modules,
            Map<String, DependencyGraph.Owner> symbolTable, boolean binaries, Consumer<DepmodMessage> out) {
        IndexWriter.Layout layout = b.profile == KmodProfile.KMOD_30 ? IndexWriter.Layout.POST_ORDER
                : IndexWriter.Layout.PRE_ORDER;
        List<Map.Entry<String, DependencyGraph.Owner>> symbols = KmodHashOrder.iterationOrder(
                symbolTable.entrySet(), Map.Entry::getKey, KmodHashOrder.SYMBOL_BUCKETS);
        Function<Consumer<DepmodMessage>, IndexFiles> files = o -> new IndexFiles(modules, symbols, layout,
                b.warnDuplicates, o);
        Map<String, Function<Consumer<DepmodMessage>, byte[]>> result = new LinkedHashMap<>();
        result.put("modules.dep", o -> files.apply(o).dep());
        if (binaries) {
            result.put("modules.dep.bin", o -> files.apply(o).depBin());
        }
        result.put("modules.alias", o -> files.apply(o).alias());
        if (binaries) {
            result.put("modules.alias.bin", o -> files.apply(o).aliasBin());
        }
        result.put("modules.softdep", o -> files.apply(o).softdep());
        if (b.profile.weakdeps()) {
            result.put("modules.weakdep", o -> files.apply(o).weakdep());
        }
        result.put("modules.symbols", o -> files.apply(o).symbols());
        if (binaries) {
            result.put("modules.symbols.bin", o -> files.apply(o).symbolsBin());
            result.put("modules.builtin.bin", o -> {
                byte[] builtin = readOptional(dirname, "modules.builtin", o);
                return builtin == null ? new byte[0] : BuiltinIndexes.builtin(builtin, layout, o);
            });
            result.put("modules.builtin.alias.bin", o -> {
                byte[] modinfo = readOptional(dirname, "modules.builtin.modinfo", o);
                return modinfo == null ? new byte[0] : BuiltinIndexes.builtinAlias(modinfo, layout, o);
            });
        }
        result.put("modules.devname", o -> files.apply(o).devname());
        return FilesAhead.start(result, out);
    }

    /** An input of the module directory, or null (and depmod's warning) when it cannot be opened. */
    static byte[] readOptional(String dirname, String name, Consumer<DepmodMessage> out) {
        try {
            return Files.readAllBytes(Path.of(dirname, name));
        } catch (IOException e) {
            out.accept(new DepmodMessage(DepmodMessage.Level.WARNING, "could not open " + name + " at " + dirname
                    + ": " + reason(e)));
            return null;
        }
    }

    /**
     * Builds the files ({@link #run()}) and writes them into {@link #outputDirectory()}.
     *
     * @return the files made (a file whose temporary file could not be created is reported to the
     *     listener, skipped and left out, as depmod does)
     * @throws KmodException as {@link #run()}, or when a file cannot be written (then no file is
     *     replaced: every old index keeps its contents)
     */
    public DepmodResult write() throws KmodException {
        return IndexOutput.write(Path.of(outdirname), prepare(true), b.listener);
    }

    /**
     * Builds the files ({@link #run()}) and writes them into {@code directory}.
     *
     * @param directory the directory to write to (created when missing)
     * @return the files written
     * @throws KmodException as {@link #write()}
     */
    public DepmodResult write(Path directory) throws KmodException {
        return IndexOutput.write(directory, prepare(true), b.listener);
    }

    /** The C library's text for an I/O failure, as depmod's {@code %m} prints it. */
    static String reason(Exception e) {
        if (e instanceof UnreadableModuleException) {
            return ((UnreadableModuleException) e).errnoText();
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof ModuleFormatException) {
            return "Invalid argument";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null) {
            return ((java.nio.file.FileSystemException) e).getReason();
        }
        if (e.getCause() instanceof Exception && e.getCause() != e) {
            return reason((Exception) e.getCause());
        }
        return String.valueOf(e.getMessage());
    }

    /** The settings of a depmod run. */
    public static final class Builder {
        private String root = "";
        private String outputRoot;
        private String moduleDirectory = DEFAULT_MODULE_DIRECTORY;
        private String release;
        private List<Path> configPaths;
        private KmodProfile profile = KmodProfile.DEFAULT;
        private char symbolPrefix;
        private boolean warnDuplicates;
        private boolean printUnknown;
        private Path symvers;
        private Path systemMap;
        private final List<String> moduleFiles = new ArrayList<>();
        private Consumer<DepmodMessage> listener = Builder::log;

        private Builder() {
        }

        private static void log(DepmodMessage m) {
            System.Logger.Level level = m.level() == DepmodMessage.Level.SHOW ? System.Logger.Level.DEBUG
                    : m.level() == DepmodMessage.Level.INFO ? System.Logger.Level.INFO
                    : m.level() == DepmodMessage.Level.WARNING ? System.Logger.Level.WARNING
                    : System.Logger.Level.ERROR;
            System.getLogger(Depmod.class.getName()).log(level, m.text());
        }

        /**
         * The image root ({@code -b}); its module directory is {@code ROOT/lib/modules/RELEASE}.
         *
         * @param root the root directory, made absolute; {@code /} by default
         * @return this builder
         */
        public Builder root(Path root) {
            this.root = Objects.requireNonNull(root, "root").toAbsolutePath().toString();
            return this;
        }

        /**
         * Where to write ({@code -o}, kmod 34): files go to {@code OUT/lib/modules/RELEASE}.
         *
         * @param outputRoot the output root, made absolute; the root by default
         * @return this builder
         */
        public Builder outputRoot(Path outputRoot) {
            this.outputRoot = Objects.requireNonNull(outputRoot, "outputRoot").toAbsolutePath().toString();
            return this;
        }

        /**
         * The module directory under the root ({@code -m}, kmod 34).
         *
         * @param moduleDirectory e.g. {@code lib/modules} (the default) or {@code usr/lib/modules}
         * @return this builder
         */
        public Builder moduleDirectory(String moduleDirectory) {
            this.moduleDirectory = Objects.requireNonNull(moduleDirectory, "moduleDirectory");
            return this;
        }

        /**
         * The kernel release whose modules are indexed.
         *
         * @param release e.g. the output of {@code uname -r}
         * @return this builder
         */
        public Builder release(String release) {
            this.release = Objects.requireNonNull(release, "release");
            return this;
        }

        /**
         * The configuration files or directories ({@code -C}), replacing the default directories.
         *
         * @param configPaths the paths, read as depmod reads {@code depmod.d}
         * @return this builder
         */
        public Builder configPaths(List<Path> configPaths) {
            this.configPaths = List.copyOf(configPaths);
            return this;
        }

        /**
         * The kmod whose depmod to follow.
         *
         * @param profile {@link KmodProfile#KMOD_34} (the default) or {@link KmodProfile#KMOD_30}
         * @return this builder
         */
        public Builder profile(KmodProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * The architecture's symbol prefix ({@code -P}), stripped from symbol names.
         *
         * @param prefix the prefix character; none ({@code '\0'}) by default
         * @return this builder
         */
        public Builder symbolPrefix(char prefix) {
            this.symbolPrefix = prefix;
            return this;
        }

        /**
         * Whether to warn about duplicate index entries ({@code -w}).
         *
         * @param warn true to warn
         * @return this builder
         */
        public Builder warnDuplicates(boolean warn) {
            this.warnDuplicates = warn;
            return this;
        }

        /**
         * Whether to report unknown symbols and version mismatches ({@code -e}; needs
         * {@link #symvers} or {@link #systemMap}).
         *
         * @param print true to report them
         * @return this builder
         */
        public Builder printUnknown(boolean print) {
            this.printUnknown = print;
            return this;
        }

        /**
         * The kernel's {@code Module.symvers} ({@code -E}): kernel symbols with their crcs.
         *
         * @param file the file
         * @return this builder
         */
        public Builder symvers(Path file) {
            this.symvers = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The kernel's {@code System.map} ({@code -F}): kernel symbols.
         *
         * @param file the file
         * @return this builder
         */
        public Builder systemMap(Path file) {
            this.systemMap = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Index only these module files (absolute paths) instead of scanning the tree; no
         * configuration is read then.
         *
         * @param files the module files
         * @return this builder
         */
        public Builder moduleFiles(List<String> files) {
            this.moduleFiles.clear();
            this.moduleFiles.addAll(files);
            return this;
        }

        /**
         * Where the run's diagnostics go; by default to a {@link System.Logger}.
         *
         * @param listener called for every message, in depmod's order
         * @return this builder
         */
        public Builder listener(Consumer<DepmodMessage> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The run with these settings (a copy: later changes to this builder do not reach it).
         *
         * @return a depmod run, to {@link Depmod#run()} or {@link Depmod#write()}
         * @throws IllegalStateException when no release was set
         */
        public Depmod build() {
            if (release == null) {
                throw new IllegalStateException("release not set");
            }
            Builder copy = new Builder();
            copy.root = root;
            copy.outputRoot = outputRoot;
            copy.moduleDirectory = moduleDirectory;
            copy.release = release;
            copy.configPaths = configPaths != null ? configPaths : defaultConfigPaths(profile);
            copy.profile = profile;
            copy.symbolPrefix = symbolPrefix;
            copy.warnDuplicates = warnDuplicates;
            copy.printUnknown = printUnknown;
            copy.symvers = symvers;
            copy.systemMap = systemMap;
            copy.moduleFiles.addAll(moduleFiles);
            copy.listener = listener;
            return new Depmod(copy);
        }

        private static List<Path> defaultConfigPaths(KmodProfile profile) {
            return profile == KmodProfile.KMOD_30
                    ? List.of(Path.of("/etc/depmod.d"), Path.of("/run/depmod.d"), Path.of("/usr/local/lib/depmod.d"),
                            Path.of("/lib/depmod.d"))
                    : List.of(Path.of("/etc/depmod.d"), Path.of("/run/depmod.d"), Path.of("/usr/local/lib/depmod.d"),
                            Path.of("/usr/lib/depmod.d"), Path.of("/lib/depmod.d"));
        }
    }
}
