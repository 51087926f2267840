package io.github.jkmod.sysfs;

import io.github.jkmod.KmodException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The state of the kernel's modules as read from the files under one root: {@code sys/module/} and
 * {@code proc/}. The root is {@code /} for the running system ({@link #system()}); tests and
 * {@code -d}-style roots pass another directory, on any {@link java.nio.file.FileSystem} (e.g. Jimfs).
 *
 * <p>Instances are immutable and thread-safe; every method reads the files anew (no caching except
 * the builtin oracle's answers). A module that is absent, or vanishes between two reads
 * ({@link java.nio.file.NoSuchFileException}), is "not loaded": empty results, never an error. A file
 * that cannot be read, or holds something the kernel never writes, is a {@link SysfsException} naming
 * the file.
 *
 * <p>Module names are the kernel's names (underscores, not dashes); normalising user input is the
 * caller's business.
 */
public final class KernelState {

    /** The logger, created on first use only: System.getLogger costs start-up time. */
    private static final class Logging {
        static final System.Logger LOG = System.getLogger(KernelState.class.getName());

        private Logging() {
        }
    }

    private final Path root;
    private final InitstateLogic logic;
    private final BuiltinOracle oracle;

    private KernelState(Path root, InitstateLogic logic, BuiltinOracle oracle) {
        this.root = Objects.requireNonNull(root, "root");
        this.logic = Objects.requireNonNull(logic, "logic");
        this.oracle = BuiltinOracle.caching(Objects.requireNonNull(oracle, "oracle"));
    }

    /**
     * The running system: root {@code /}, kmod-20 logic, builtin modules from the running kernel's
     * {@code modules.builtin.bin} ({@link BuiltinOracle#runningKernel}), so that a builtin module
     * with a {@code /sys/module} directory (e.g. {@code printk}) is {@link ModuleState#BUILTIN}.
     *
     * @return the state of the running kernel
     */
    public static KernelState system() {
        return ofRoot(Path.of("/"));
    }

    /**
     * The kernel whose {@code sys/} and {@code proc/} lie under {@code root}, with the
     * {@linkplain InitstateLogic#DEFAULT default logic} and the builtin oracle of the kernel running
     * there ({@link BuiltinOracle#runningKernel}: {@code ROOT/proc/sys/kernel/osrelease} names the
     * release whose {@code modules.builtin.bin} answers; with neither, no module is builtin).
     *
     * @param root the directory holding the {@code sys/} and {@code proc/} to read, e.g. a {@link
     *     io.github.jkmod.sysfs.testing.FakeKernelTree}'s root
     * @return the state of the kernel under {@code root}
     */
    public static KernelState ofRoot(Path root) {
        return new KernelState(root, InitstateLogic.DEFAULT, BuiltinOracle.runningKernel(root));
    }

    /**
     * A copy that decides states with {@code logic}.
     *
     * @param logic how to read {@code initstate} and a module directory without it
     * @return a new state reader; this one is unchanged
     */
    public KernelState withLogic(InitstateLogic logic) {
        return new KernelState(root, logic, oracle);
    }

    /**
     * A copy that asks {@code oracle} which modules are builtin (under both logics). The oracle is
     * wrapped with {@link BuiltinOracle#caching}, so it is asked at most once per module.
     *
     * @param oracle tells which modules are builtin
     * @return a new state reader; this one is unchanged
     */
    public KernelState withBuiltinOracle(BuiltinOracle oracle) {
        return new KernelState(root, logic, oracle);
    }

    /**
     * The root under which {@code sys/} and {@code proc/} are read.
     *
     * @return the root directory, {@code /} for the running system
     */
    public Path root() {
        return root;
    }

    /**
     * The logic of {@link #state(String)}.
     *
     * @return the logic in use
     */
    public InitstateLogic logic() {
        return logic;
    }

    /**
     * {@code ROOT/sys/module/MODULE}, which exists while the module is loaded (or builtin with
     * sysfs entries).
     *
     * @param module the module's kernel name
     * @return the path of the module's sysfs directory, whether it exists or not
     */
    public Path sysfsDirectory(String module) {
        return root.resolve("sys/module").resolve(checkName(module));
    }

    /**
     * The state of {@code module} according to {@link #logic()} (see {@link InitstateLogic}).
     *
     * <p>When {@code initstate} is missing but the directory is there, {@code initstate} is read once
     * more before the directory counts as "in its window": a module directory that appeared between the
     * two looks is then read as it is, not taken for a window.
     *
     * @param module the module's kernel name (underscores, not dashes)
     * @return never null; {@link ModuleState#NOT_LOADED} when neither the oracle nor sysfs knows it
     * @throws SysfsException when {@code initstate} cannot be read or holds an unknown word
     * @throws KmodException when the builtin oracle fails
     * @throws IllegalArgumentException when {@code module} is empty, {@code .}, {@code ..} or holds a {@code /}
     */
    public ModuleState state(String module) throws KmodException {
        Path dir = sysfsDirectory(module);
        // Both logics ask the builtin index first (kmod 18 did too); they differ only in the window.
        if (oracle.isBuiltin(module)) {
            return ModuleState.BUILTIN;
        }
        Path initstate = dir.resolve("initstate");
        Optional<String> content = KernelFiles.read(initstate, KernelFiles.MAX_ATTRIBUTE_BYTES);
        if (content.isEmpty()) {
            if (!Files.isDirectory(dir)) {
                return ModuleState.NOT_LOADED;
            }
            // The directory may have appeared, whole, since the first read: look once more.
            content = KernelFiles.read(initstate, KernelFiles.MAX_ATTRIBUTE_BYTES);
        }
        if (content.isPresent()) {
            String word = content.get().strip();
            Optional<ModuleState> state = ModuleState.fromInitstate(word);
            if (state.isEmpty()) {
                throw new SysfsException(initstate,
                        "unknown initstate '" + word + "' (expected live, coming or going)");
            }
            return state.get();
        }
        if (!Files.isDirectory(dir)) {
            return ModuleState.NOT_LOADED;
        }
        ModuleState state = logic == InitstateLogic.KMOD_18 ? ModuleState.BUILTIN : ModuleState.COMING;
        Logging.LOG.log(Level.DEBUG, () -> dir + " has no initstate: " + logic.cliName() + " logic says " + state);
        return state;
    }

    /**
     * The reference count of {@code module} ({@code refcnt}).
     *
     * @param module the module's kernel name
     * @return empty when the module is not loaded, builtin, or still in its sysfs window
     * @throws SysfsException when {@code refcnt} cannot be read or is not a number
     */
    public OptionalInt refcount(String module) throws SysfsException {
        Path file = sysfsDirectory(module).resolve("refcnt");
        Optional<String> text = KernelFiles.read(file, KernelFiles.MAX_ATTRIBUTE_BYTES);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        String value = text.get().strip();
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new SysfsException(file, "refcount '" + value + "' is not a number", e);
        }
    }

    /**
     * The modules that hold {@code module} (the entries of {@code holders/}), sorted by name.
     *
     * @param module the module's kernel name
     * @return empty when there are none or the module is not loaded
     * @throws SysfsException when {@code holders/} cannot be listed
     */
    public List<String> holders(String module) throws SysfsException {
        Optional<List<Path>> entries = KernelFiles.list(sysfsDirectory(module).resolve("holders"));
        List<String> names = new ArrayList<>();
        for (Path entry : entries.orElse(List.of())) {
            names.add(entry.getFileName().toString());
        }
        return List.copyOf(names);
    }

    /**
     * The size in bytes of the core of {@code module} ({@code coresize}).
     *
     * @param module the module's kernel name
     * @return empty when the module is not loaded (or has no such file)
     * @throws SysfsException when {@code coresize} cannot be read or is not a non-negative number
     */
    public OptionalLong coreSize(String module) throws SysfsException {
        Path file = sysfsDirectory(module).resolve("coresize");
        Optional<String> text = KernelFiles.read(file, KernelFiles.MAX_ATTRIBUTE_BYTES);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = text.get().strip();
        long size;
        try {
            size = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SysfsException(file, "core size '" + value + "' is not a number", e);
        }
        if (size < 0) {
            throw new SysfsException(file, "core size '" + value + "' is negative");
        }
        return OptionalLong.of(size);
    }

    /**
     * The load address of each ELF section of {@code module} ({@code sections/NAME} hold
     * {@code 0x...}), sorted by section name. The kernel shows zeros to readers without privilege.
     *
     * @param module the module's kernel name
     * @return empty when the module is not loaded
     * @throws SysfsException when a file cannot be read or is not a hexadecimal number
     */
    public Map<String, Long> sections(String module) throws SysfsException {
        Path dir = sysfsDirectory(module);
        Map<String, Long> sections = new TreeMap<>();
        for (Map.Entry<String, String> e : readFiles(dir, "sections").entrySet()) {
            sections.put(e.getKey(), parseHex(dir.resolve("sections").resolve(e.getKey()), e.getValue()));
        }
        return Collections.unmodifiableMap(sections);
    }

    /**
     * The parameters of {@code module} ({@code parameters/NAME}, value without its newline), sorted by
     * name. Builtin modules with parameters have them too.
     *
     * @param module the module's kernel name
     * @return empty when the module has none or is not loaded
     * @throws SysfsException when a parameter file cannot be read (e.g. a write-only one when not root)
     */
    public Map<String, String> parameters(String module) throws SysfsException {
        return readFiles(sysfsDirectory(module), "parameters");
    }

    /**
     * The one compression method the kernel decompresses itself ({@code sys/module/compression}:
     * {@code gzip}, {@code xz} or {@code zstd}).
     *
     * @return empty when the file is absent or empty (no in-kernel decompression)
     * @throws SysfsException when the file cannot be read
     */
    public Optional<String> compression() throws SysfsException {
        Optional<String> text = KernelFiles.read(root.resolve("sys/module/compression"),
                KernelFiles.MAX_ATTRIBUTE_BYTES);
        String method = text.isPresent() ? text.get().strip() : "";
        return method.isEmpty() ? Optional.empty() : Optional.of(method);
    }

    /**
     * The lines of {@code proc/modules}, in the kernel's order (most recently loaded first).
     *
     * @return empty when the file is absent (a kernel without module support)
     * @throws SysfsException naming the file and the line when a line is malformed
     */
    public List<ProcModule> procModules() throws SysfsException {
        Path file = root.resolve("proc/modules");
        Optional<String> text = KernelFiles.read(file, KernelFiles.MAX_PROC_BYTES);
        if (text.isEmpty()) {
            Logging.LOG.log(Level.DEBUG, () -> file + " is absent: no loaded modules");
            return List.of();
        }
        return ProcModulesParser.parse(file, text.get());
    }

    /**
     * The loaded modules as {@code lsmod} lists them, in the order of {@code proc/modules} (most
     * recently loaded first): each line's name, then for that name its core size, reference count
     * and holders from {@code sys/module/NAME}, and the line's state. Read as libkmod reads them, so
     * that a module whose sysfs entries are missing has empty fields rather than failing the list,
     * and a name listed twice is listed twice.
     *
     * <p>The file is decoded as ISO-8859-1 (one char per byte): names come back as the kernel wrote
     * their bytes.
     *
     * @return the modules; empty when {@code proc/modules} is empty
     * @throws SysfsException when {@code proc/modules} cannot be read, absent included (the cause
     *     is then a {@link java.nio.file.NoSuchFileException}): without it there is no list at all
     */
    public List<LoadedModule> loaded() throws SysfsException {
        Path file = root.resolve("proc/modules");
        String text = readProcModules(file);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        List<LoadedModule> modules = new ArrayList<>();
        for (String line : lines) {
            String word = firstWord(line, 0);
            if (word == null) {
                continue;
            }
            String name = normalizeLoadedName(word);
            String dir = "sys/module/" + name;
            if (representable(dir)) {
                modules.add(new LoadedModule(name, loadedSize(dir, name, lines), loadedRefcount(dir),
                        loadedHolders(dir), loadedState(line)));
            } else {
                // a name this file system's paths cannot hold (e.g. non-ASCII under the C locale): as absent
                modules.add(new LoadedModule(name, OptionalLong.empty(), OptionalInt.empty(), Optional.empty(),
                        loadedState(line)));
            }
        }
        return List.copyOf(modules);
    }

    private boolean representable(String relative) {
        try {
            root.resolve(relative);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static String readProcModules(Path file) throws SysfsException {
        // bounded like procModules(): a huge or endless file is an error, never an endless read
        return new String(KernelFiles.readBytes(file, KernelFiles.MAX_PROC_BYTES),
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * The word of {@code line} starting at or after {@code from}, delimited by spaces and tabs only
     * (like strtok with " \t": a newline belongs to the word); null when there is none.
     */
    private static String firstWord(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i >= line.length()) {
            return null;
        }
        int j = i;
        while (j < line.length() && line.charAt(j) != ' ' && line.charAt(j) != '\t') {
            j++;
        }
        return line.substring(i, j);
    }

    /** A module name as libkmod makes one of a word: dashes become underscores, a dot ends it. */
    static String normalizeLoadedName(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '.') {
                break;
            }
            b.append(c == '-' ? '_' : c);
        }
        return b.toString();
    }

    private OptionalLong loadedSize(String dir, String name, List<String> lines) {
        if (!Files.exists(root.resolve(dir))) {
            return OptionalLong.empty();
        }
        Optional<String> core;
        try {
            core = KernelFiles.read(root.resolve(dir + "/coresize"), KernelFiles.MAX_ATTRIBUTE_BYTES);
        } catch (SysfsException e) {
            return OptionalLong.empty();
        }
        if (core.isPresent()) {
            try {
                return OptionalLong.of(Long.parseLong(core.get().strip()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        // Before Linux 3.3 there is no coresize: the size column of the module's line.
        for (String line : lines) {
            String first = firstWord(line, 0);
            if (first == null || !first.equals(name)) {
                continue;
            }
            int after = line.indexOf(first) + first.length();
            String size = firstWord(line, after);
            return size == null ? OptionalLong.empty() : OptionalLong.of(strtol(size));
        }
        return OptionalLong.empty();
    }

    /** C's strtol in base 10 on a word: sign, digits, saturating; 0 without digits. */
    private static long strtol(String word) {
        int i = 0;
        boolean negative = false;
        if (i < word.length() && (word.charAt(i) == '+' || word.charAt(i) == '-')) {
            negative = word.charAt(i) == '-';
            i++;
        }
        long value = 0;
        for (; i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9'; i++) {
            int digit = word.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private OptionalInt loadedRefcount(String dir) {
        try {
            Optional<String> text = KernelFiles.read(root.resolve(dir + "/refcnt"), KernelFiles.MAX_ATTRIBUTE_BYTES);
            return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text.get().strip()));
        } catch (SysfsException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private Optional<List<String>> loadedHolders(String dir) {
        List<String> names = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> stream = Files.newDirectoryStream(root.resolve(dir + "/holders"))) {
            for (Path entry : stream) {
                names.add(normalizeLoadedName(entry.getFileName().toString()));
            }
        } catch (java.io.IOException | java.nio.file.DirectoryIteratorException e) {
            return Optional.empty();
        }
        return Optional.of(names);
    }

    private static Optional<ProcModule.ProcState> loadedState(String line) {
        String word = null;
        int at = 0;
        for (int column = 0; column < 5; column++) {
            word = firstWord(line, at);
            if (word == null) {
                return Optional.empty();
            }
            at = line.indexOf(word, at) + word.length();
        }
        return ProcModule.ProcState.fromProcName(word.strip());
    }

    /**
     * The kernel command line ({@code proc/cmdline}) without its newline.
     *
     * @return the empty string when the file is absent
     * @throws SysfsException when the file cannot be read
     */
    public String cmdline() throws SysfsException {
        Path file = root.resolve("proc/cmdline");
        Optional<String> text = KernelFiles.read(file, KernelFiles.MAX_PROC_BYTES);
        if (text.isEmpty()) {
            Logging.LOG.log(Level.DEBUG, () -> file + " is absent: empty command line");
        }
        return text.orElse("");
    }

    @Override
    public String toString() {
        return "KernelState[root=" + root + ", logic=" + logic.cliName() + "]";
    }

    /**
     * The regular files of {@code moduleDir/sub} by name. Entries that vanish while read are skipped;
     * if the module directory itself has vanished, the module is not loaded and the map is empty.
     */
    private static Map<String, String> readFiles(Path moduleDir, String sub) throws SysfsException {
        Map<String, String> values = new TreeMap<>();
        boolean vanished = false;
        for (Path entry : KernelFiles.list(moduleDir.resolve(sub)).orElse(List.of())) {
            if (Files.isDirectory(entry)) {
                continue;
            }
            Optional<String> value = KernelFiles.read(entry, KernelFiles.MAX_ATTRIBUTE_BYTES);
            if (value.isPresent()) {
                values.put(entry.getFileName().toString(), value.get());
            } else {
                vanished = true;
            }
        }
        if (vanished && !Files.isDirectory(moduleDir)) {
            Logging.LOG.log(Level.DEBUG, () -> moduleDir + " vanished while " + sub + " were read: not loaded");
            return Map.of();
        }
        return Collections.unmodifiableMap(values);
    }

    private static long parseHex(Path file, String text) throws SysfsException {
        String value = text.strip();
        String hex = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
        try {
            if (!hex.isEmpty() && hex.charAt(0) != '+' && hex.charAt(0) != '-') {
                return Long.parseUnsignedLong(hex, 16);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SysfsException(file, "section address '" + value + "' is not a hexadecimal number");
    }

    private static String checkName(String module) {
        Objects.requireNonNull(module, "module");
        if (module.isEmpty() || module.equals(".") || module.equals("..") || module.indexOf('/') >= 0
                || module.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid module name '" + module + "'");
        }
        return module;
    }
}
