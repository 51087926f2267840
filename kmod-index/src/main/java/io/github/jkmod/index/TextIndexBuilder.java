package io.github.jkmod.index;

import io.github.jkmod.KmodException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the five binary indexes of a module directory from its text files, with the keys,
 * values and priorities that depmod uses, so that the result equals depmod's {@code .bin} files
 * byte for byte:
 * <ul>
 * <li>{@link IndexKind#DEP}: key the module name, value the whole {@code modules.dep} line,
 *     priority the module's order number, inserted in order-number order;</li>
 * <li>{@link IndexKind#ALIAS}: key the {@linkplain Aliases#normalize normalised} pattern, value
 *     the module name, priority the module's order number, in {@code modules.alias} order; an
 *     alias that cannot be normalised is left out (and logged), as depmod does;</li>
 * <li>{@link IndexKind#SYMBOLS}: key {@code symbol:NAME} as written (not normalised), value and
 *     priority as for aliases, in {@code modules.symbols} order;</li>
 * <li>{@link IndexKind#BUILTIN}: key the module name of each {@code modules.builtin} path, value
 *     empty, priority 0;</li>
 * <li>{@link IndexKind#BUILTIN_ALIAS}: for each {@code NAME.alias=VALUE} record of
 *     {@code modules.builtin.modinfo} in file order, key the normalised value, value
 *     {@code NAME}, priority 0 (invalid aliases left out and logged).</li>
 * </ul>
 *
 * <p><b>Order numbers.</b> depmod sorts the modules it found: those listed in
 * {@code modules.order} first, by their (last) line there, then the others in the order it found
 * them; the priority is the module's 0-based position in that sorted list, which is also its line
 * in {@code modules.dep}. (Checked with kmod 30's depmod: a {@code modules.order} that lists
 * absent modules does not leave gaps in the priorities.) From the text files this is: the
 * {@code modules.dep} entries sorted by their last line in {@code modules.order}, unlisted ones
 * after them in {@code modules.dep} order. Without {@code modules.order}, the {@code modules.dep}
 * order. A module that an alias or symbol names but {@code modules.dep} lacks (only in hand-made
 * trees) gets the number of modules as its priority, i.e. it sorts after all others.
 *
 * <p>Safe for use by many threads: each {@link #build} fills its own writer, and the order numbers
 * ({@code modules.dep} and {@code modules.order}) are read once and shared.
 */
public final class TextIndexBuilder {
    /** The logger, created on first use only: System.getLogger costs start-up time. */
    private static final class Logging {
        static final System.Logger LOG = System.getLogger(TextIndexBuilder.class.getName());

        private Logging() {
        }
    }
    private static final String ORDER = "modules.order";

    private final Path dir;
    private List<DepEntry> sortedDeps;
    private Map<String, Integer> orderNumbers;

    private TextIndexBuilder(Path dir) {
        this.dir = dir;
    }

    /**
     * A builder for the text files in the module directory {@code dir}; nothing is read yet.
     *
     * @param dir the module directory holding {@code modules.dep}, {@code modules.alias} and the
     *     others
     * @return a builder reading that directory
     */
    public static TextIndexBuilder of(Path dir) {
        return new TextIndexBuilder(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * The module directory.
     *
     * @return the module directory the text files are read from
     */
    public Path directory() {
        return dir;
    }

    /**
     * The kinds whose text file exists in the directory, in declaration order.
     *
     * @return the kinds that can be built, never null
     */
    public List<IndexKind> available() {
        List<IndexKind> out = new ArrayList<>();
        for (IndexKind kind : IndexKind.values()) {
            if (Files.isRegularFile(dir.resolve(kind.textName()))) {
                out.add(kind);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The order number (priority) of every module of {@code modules.dep}, by module name (when two
     * entries share a name, the first one's). Empty when there is no {@code modules.dep}.
     *
     * @return the priority of each module, by name: its position, from 0, in {@code modules.dep}
     *     sorted as {@code modules.order} lists the modules
     * @throws KmodException when {@code modules.dep} cannot be read or is malformed
     */
    public synchronized Map<String, Integer> orderNumbers() throws KmodException {
        if (orderNumbers == null) {
            Map<String, Integer> numbers = new HashMap<>();
            List<DepEntry> deps = sortedDeps();
            for (int i = 0; i < deps.size(); i++) {
                numbers.putIfAbsent(deps.get(i).module(), i);
            }
            orderNumbers = Map.copyOf(numbers);
        }
        return orderNumbers;
    }

    private synchronized List<DepEntry> sortedDeps() throws KmodException {
        if (sortedDeps == null) {
            Path depFile = dir.resolve(IndexKind.DEP.textName());
            List<DepEntry> deps = Files.isRegularFile(depFile) ? TextIndexFiles.readDep(depFile) : List.of();
            Path orderFile = dir.resolve(ORDER);
            if (Files.isRegularFile(orderFile)) {
                Map<String, Integer> line = new HashMap<>();
                List<String> order = TextIndexFiles.readOrder(orderFile);
                for (int i = 0; i < order.size(); i++) {
                    line.put(order.get(i), i);
                }
                List<DepEntry> sorted = new ArrayList<>(deps);
                sorted.sort(Comparator.comparingInt(d -> line.getOrDefault(d.path(), Integer.MAX_VALUE)));
                deps = sorted;
            }
            sortedDeps = List.copyOf(deps);
        }
        return sortedDeps;
    }

    /**
     * Builds the index {@code kind} from its text file.
     *
     * @param kind the index to build
     * @return a writer holding every entry of the text file, ready to serialise
     * @throws KmodException when the text file (or {@code modules.dep} / {@code modules.order},
     *     for the priorities) is missing, unreadable or malformed
     */
    public IndexWriter build(IndexKind kind) throws KmodException {
        Path text = dir.resolve(kind.textName());
        if (!Files.isRegularFile(text)) {
            throw new KmodException(text + ": no such file, cannot build " + kind.binaryName());
        }
        IndexWriter writer = new IndexWriter();
        switch (kind) {
            case DEP:
                List<DepEntry> deps = sortedDeps();
                for (int i = 0; i < deps.size(); i++) {
                    if (writer.add(deps.get(i).module(), deps.get(i).line(), i)) {
                        Logging.LOG.log(Level.WARNING, "{0}: duplicate module deps for {1}", text, deps.get(i).module());
                    }
                }
                break;
            case ALIAS:
                addAliases(writer, text, TextIndexFiles.readAliases(text), true);
                break;
            case SYMBOLS:
                addAliases(writer, text, TextIndexFiles.readSymbols(text), false);
                break;
            case BUILTIN:
                for (String path : TextIndexFiles.readBuiltin(text)) {
                    writer.add(ModuleNames.fromPath(path), "", 0);
                }
                break;
            case BUILTIN_ALIAS:
                addBuiltinAliases(writer, text);
                break;
            default:
                throw new AssertionError(kind);
        }
        return writer;
    }

    private void addAliases(IndexWriter writer, Path text, List<AliasEntry> entries, boolean normalize)
            throws KmodException {
        Map<String, Integer> numbers = orderNumbers();
        int unknown = numbers.size();
        for (AliasEntry entry : entries) {
            String key = entry.pattern();
            if (normalize) {
                try {
                    key = Aliases.normalize(key);
                } catch (InvalidAliasException e) {
                    Logging.LOG.log(Level.WARNING, "{0}: left out: {1}", text, e.getMessage());
                    continue;
                }
            }
            Integer priority = numbers.get(entry.module());
            if (priority == null) {
                Logging.LOG.log(Level.DEBUG, "{0}: module {1} is not in modules.dep", text, entry.module());
                priority = unknown;
            }
            writer.add(key, entry.module(), priority);
        }
    }

    private static void addBuiltinAliases(IndexWriter writer, Path text) throws KmodException {
        for (ModinfoRecord record : TextIndexFiles.readBuiltinModinfo(text)) {
            if (!record.key().equals("alias")) {
                continue;
            }
            String key;
            try {
                key = Aliases.normalize(record.value());
            } catch (InvalidAliasException e) {
                Logging.LOG.log(Level.WARNING, "{0}: offset {1}: left out: {2}", text, String.valueOf(record.offset()), e.getMessage());
                continue;
            }
            try {
                writer.add(key, record.module(), 0);
            } catch (IllegalArgumentException e) {
                throw new IndexFormatException(text, record.offset(), e.getMessage());
            }
        }
    }

    /**
     * Builds every index whose text file exists and writes it to {@code outDir} under its binary
     * name (each file written atomically, see {@link IndexWriter#write}).
     *
     * @param outDir the directory to write the {@code .bin} files to
     * @param layout the byte layout to write
     * @return the kinds written
     * @throws KmodException when a text file cannot be read or is malformed, or an index cannot be
     *     written
     */
    public List<IndexKind> writeAll(Path outDir, IndexWriter.Layout layout) throws KmodException {
        List<IndexKind> kinds = available();
        for (IndexKind kind : kinds) {
            build(kind).write(outDir.resolve(kind.binaryName()), layout);
        }
        return kinds;
    }
}
