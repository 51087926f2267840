package io.github.jkmod.index;

import io.github.jkmod.KmodException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The module directory of one kernel release ({@code <root>/lib/modules/<release>}) and its
 * index files, each opened on first use, once, and then shared (safe for many threads).
 *
 * <p><b>Where.</b> {@link #open} takes {@code <root>/lib/modules/<release>} when that directory
 * exists, else {@code <root>/usr/lib/modules/<release>} when that one does, else the
 * {@code lib/modules} one (which then simply has no files). The real kmod looks in one directory
 * only, fixed when it is built: {@code /lib/modules} by default (so on Debian's kmod 30), or
 * since kmod 33 whatever {@code --with-module-directory} names (e.g. {@code /usr/lib/modules});
 * on merged-{@code /usr} systems {@code /lib} is a link to {@code /usr/lib} and both name the same
 * directory. Trying {@code lib/modules} first keeps kmod's default; the second place serves trees
 * that only have {@code usr/lib/modules}.
 *
 * <p><b>Indexes.</b> For each of the five indexes: the binary file when it exists (memory-mapped
 * by {@link BinaryIndex#open}; a corrupt one is an error, not a reason to fall back); else, when
 * its text twin exists ({@code modules.dep}, {@code modules.alias}, {@code modules.symbols},
 * {@code modules.builtin}, {@code modules.builtin.modinfo}), the index is built in memory from the
 * text files by {@link TextIndexBuilder} exactly as depmod would write it, and read through
 * {@link BinaryIndex#of} (its {@link ModuleIndex#file()} is then the text file); else empty. The
 * real kmod never falls back to the text files: this fallback exists for hand-made trees (tests,
 * examples) where nobody ran depmod. Lookups give the same results either way.
 *
 * <p>Text-only files: {@code modules.softdep} and {@code modules.weakdep} (configuration syntax,
 * read by the configuration layer, here only located), {@code modules.builtin.modinfo},
 * {@code modules.order} and {@code modules.devname} (read on first use; empty when absent).
 */
public final class ModuleDirectory {
    /** The logger, created on first use only: System.getLogger costs start-up time. */
    private static final class Logging {
        static final System.Logger LOG = System.getLogger(ModuleDirectory.class.getName());

        private Logging() {
        }
    }

    private final Path dir;
    private final TextIndexBuilder textBuilder;
    private final Map<IndexKind, Lazy<Optional<ModuleIndex>>> indexes = new EnumMap<>(IndexKind.class);
    private final Lazy<List<ModinfoRecord>> builtinModinfo;
    private final Lazy<List<String>> order;
    private final Lazy<List<DevnameEntry>> devname;

    private ModuleDirectory(Path dir) {
        this.dir = dir;
        this.textBuilder = TextIndexBuilder.of(dir);
        // Classes, not lambdas: linking lambdas costs start-up time, and most runs open one index.
        for (IndexKind kind : IndexKind.values()) {
            indexes.put(kind, new Lazy<>(new IndexLoader(kind)));
        }
        builtinModinfo = new Lazy<>(new Lazy.Loader<List<ModinfoRecord>>() {
            @Override
            public List<ModinfoRecord> load() throws KmodException {
                Optional<Path> file = regularFile("modules.builtin.modinfo");
                return file.isPresent() ? List.copyOf(TextIndexFiles.readBuiltinModinfo(file.get())) : List.of();
            }
        });
        order = new Lazy<>(new Lazy.Loader<List<String>>() {
            @Override
            public List<String> load() throws KmodException {
                Optional<Path> file = regularFile("modules.order");
                return file.isPresent() ? List.copyOf(TextIndexFiles.readOrder(file.get())) : List.of();
            }
        });
        devname = new Lazy<>(new Lazy.Loader<List<DevnameEntry>>() {
            @Override
            public List<DevnameEntry> load() throws KmodException {
                Optional<Path> file = regularFile("modules.devname");
                return file.isPresent() ? List.copyOf(TextIndexFiles.readDevname(file.get())) : List.of();
            }
        });
    }

    /** Loads one index on first use. */
    private final class IndexLoader implements Lazy.Loader<Optional<ModuleIndex>> {
        private final IndexKind kind;

        IndexLoader(IndexKind kind) {
            this.kind = kind;
        }

        @Override
        public Optional<ModuleIndex> load() throws KmodException {
            return ModuleDirectory.this.load(kind);
        }
    }

    /**
     * The module directory of {@code release} under {@code root} (e.g. {@code Path.of("/")}):
     * {@code lib/modules/<release>}, else {@code usr/lib/modules/<release>}, see the class
     * comment. The release is appended as text, as kmod does, so it always stays under
     * {@code root}. Nothing is read yet.
     *
     * @param root the root directory the system is under, {@code /} for the running system
     * @param release the kernel release, e.g. the output of {@code uname -r}
     * @return the module directory of that release under that root
     */
    public static ModuleDirectory open(Path root, String release) {
        Objects.requireNonNull(release, "release");
        Path lib = root.resolve("lib/modules/" + release);
        Path usrLib = root.resolve("usr/lib/modules/" + release);
        if (!Files.isDirectory(lib) && Files.isDirectory(usrLib)) {
            return new ModuleDirectory(usrLib);
        }
        return new ModuleDirectory(lib);
    }

    /**
     * The module directory {@code dir} itself (need not exist). Nothing is read yet.
     *
     * @param dir the module directory, e.g. {@code /lib/modules/RELEASE}
     * @return the module directory {@code dir}
     */
    public static ModuleDirectory of(Path dir) {
        return new ModuleDirectory(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * The directory.
     *
     * @return the path of the module directory
     */
    public Path path() {
        return dir;
    }

    /**
     * Whether the directory exists.
     *
     * @return true when the path exists and is a directory
     */
    public boolean exists() {
        return Files.isDirectory(dir);
    }

    /**
     * The index {@code kind}: from its {@code .bin}, else built from its text twin, else empty.
     *
     * @param kind which index to open
     * @return the index, or empty when neither its {@code .bin} nor its text file exists (or the
     *     {@code .bin} header makes kmod ignore it)
     * @throws KmodException when a file exists but cannot be read or is corrupt; the message names
     *     it
     */
    public Optional<ModuleIndex> index(IndexKind kind) throws KmodException {
        return indexes.get(Objects.requireNonNull(kind, "kind")).get();
    }

    /**
     * {@code modules.dep.bin}: module name to its {@code modules.dep} line (exact lookup).
     *
     * @return the dependency index, or empty when absent
     * @throws KmodException when it exists but cannot be read or is corrupt
     */
    public Optional<ModuleIndex> dep() throws KmodException {
        return index(IndexKind.DEP);
    }

    /**
     * {@code modules.alias.bin}: alias patterns to module names (wildcard search).
     *
     * @return the alias index, or empty when absent
     * @throws KmodException when it exists but cannot be read or is corrupt
     */
    public Optional<ModuleIndex> alias() throws KmodException {
        return index(IndexKind.ALIAS);
    }

    /**
     * {@code modules.symbols.bin}: {@code symbol:NAME} to the exporting module (wildcard search).
     *
     * @return the symbol index, or empty when absent
     * @throws KmodException when it exists but cannot be read or is corrupt
     */
    public Optional<ModuleIndex> symbols() throws KmodException {
        return index(IndexKind.SYMBOLS);
    }

    /**
     * {@code modules.builtin.bin}: builtin module names (exact lookup, empty values).
     *
     * @return the builtin index, or empty when absent
     * @throws KmodException when it exists but cannot be read or is corrupt
     */
    public Optional<ModuleIndex> builtin() throws KmodException {
        return index(IndexKind.BUILTIN);
    }

    /**
     * {@code modules.builtin.alias.bin}: aliases of builtin modules (wildcard search).
     *
     * @return the builtin alias index, or empty when absent
     * @throws KmodException when it exists but cannot be read or is corrupt
     */
    public Optional<ModuleIndex> builtinAlias() throws KmodException {
        return index(IndexKind.BUILTIN_ALIAS);
    }

    /**
     * {@code modules.softdep} when it exists (configuration syntax: {@code softdep MOD pre: ...
     * post: ...}).
     *
     * @return the path of {@code modules.softdep}, or empty when it does not exist
     */
    public Optional<Path> softdepFile() {
        return regularFile("modules.softdep");
    }

    /**
     * {@code modules.weakdep} when it exists (configuration syntax: {@code weakdep MOD DEP...}).
     *
     * @return the path of {@code modules.weakdep}, or empty when it does not exist
     */
    public Optional<Path> weakdepFile() {
        return regularFile("modules.weakdep");
    }

    /**
     * The records of {@code modules.builtin.modinfo}, in file order; empty when there is no such
     * file.
     *
     * @return the records, never null
     * @throws KmodException when the file cannot be read or a record is malformed; the message
     *     names the offset
     */
    public List<ModinfoRecord> builtinModinfo() throws KmodException {
        return builtinModinfo.get();
    }

    /**
     * The module paths of {@code modules.order}, in file order; empty when there is no such file.
     *
     * @return the module paths, relative to the module directory, never null
     * @throws KmodException when the file exists but cannot be read
     */
    public List<String> order() throws KmodException {
        return order.get();
    }

    /**
     * The entries of {@code modules.devname}, in file order; empty when there is no such file.
     *
     * @return the entries, never null
     * @throws KmodException when the file cannot be read or a line is malformed; the message names
     *     the line
     */
    public List<DevnameEntry> devname() throws KmodException {
        return devname.get();
    }

    private Optional<ModuleIndex> load(IndexKind kind) throws KmodException {
        Path bin = dir.resolve(kind.binaryName());
        if (Files.isRegularFile(bin)) {
            // As kmod: an empty or short file, a wrong magic or major version is no index at all
            // (the last two are reported by startupProblems()); a present .bin is never replaced by
            // its text twin.
            IndexHeaderCheck header = IndexHeaderCheck.of(bin);
            if (header.verdict() != IndexHeaderCheck.Verdict.USABLE) {
                Logging.LOG.log(Level.DEBUG, "{0}: {1}: read as absent", bin, header.verdict());
                return Optional.empty();
            }
            return Optional.of(BinaryIndex.open(bin));
        }
        Path text = dir.resolve(kind.textName());
        if (Files.isRegularFile(text)) {
            Logging.LOG.log(Level.DEBUG, "{0} is missing: building it in memory from {1}", bin, text);
            return Optional.of(BinaryIndex.of(textBuilder.build(kind).toByteBuffer(IndexWriter.Layout.PRE_ORDER), text));
        }
        return Optional.empty();
    }

    /**
     * The index files kmod reports when it opens a module directory at start-up (modprobe's
     * {@code kmod_load_resources}), in its order and with its stop rule, both found with the real
     * tools: it opens {@code modules.dep.bin}, {@code modules.alias.bin}, {@code modules.symbols.bin},
     * {@code modules.builtin.alias.bin}, {@code modules.builtin.bin} and stops at the first that is
     * not {@linkplain IndexHeaderCheck.Verdict#USABLE usable}, reported or not, except that a failed
     * {@code modules.builtin.alias.bin} still lets it open {@code modules.builtin.bin}. Files it does
     * not reach are opened later, per lookup, without a word. So the list has at most two entries.
     *
     * @return the reported files, in kmod's order
     * @throws KmodException when a file cannot be read
     */
    public List<IndexHeaderCheck> startupProblems() throws KmodException {
        List<IndexHeaderCheck> out = new java.util.ArrayList<>(2);
        IndexKind[] order = {IndexKind.DEP, IndexKind.ALIAS, IndexKind.SYMBOLS, IndexKind.BUILTIN_ALIAS,
            IndexKind.BUILTIN};
        for (IndexKind kind : order) {
            IndexHeaderCheck check = IndexHeaderCheck.of(dir.resolve(kind.binaryName()));
            if (check.reported()) {
                out.add(check);
            }
            if (check.verdict() != IndexHeaderCheck.Verdict.USABLE && kind != IndexKind.BUILTIN_ALIAS) {
                break;
            }
        }
        return out;
    }

    private Optional<Path> regularFile(String name) {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
