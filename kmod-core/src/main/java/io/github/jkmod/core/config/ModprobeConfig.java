package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The effective modprobe configuration: every entry of every configuration file, in the order
 * read (files sorted by name), followed by the kernel command line's entries. Immutable and
 * thread-safe. Made by {@link ConfigLoader}.
 *
 * <p>Lookups follow libkmod 30: {@code options} and {@code blacklist} entries match a module by
 * name equality; {@code alias}, {@code install}, {@code remove} and {@code softdep} names are fnmatch
 * patterns ({@link Fnmatch}), and for the last three the first matching entry wins. Names given to
 * the lookups are normalised first ({@code -} to {@code _} outside {@code [...]}).
 */
public final class ModprobeConfig {
    /**
     * What {@code modprobe -c} prints right after {@link #dump(Appendable)}'s text, before the
     * index dumps (which start after one more newline).
     */
    public static final String END_OF_CONFIGURATION =
            "\n# End of configuration files. Dumping indexes now:\n";

    private static final ModprobeConfig EMPTY = new ModprobeConfig(new ConfigParser.Contents(), false);

    private final List<ConfigAlias> aliases;
    private final List<String> blacklist;
    private final List<OptionsEntry> options;
    private final List<CommandEntry> installs;
    private final List<CommandEntry> removes;
    private final List<SoftdepLine> softdepLines;
    /** The entries of {@link #softdepLines}, each parsed when first read. */
    private final List<SoftdepEntry> softdeps;
    private final List<WeakdepEntry> weakdeps;
    private final boolean weakdepsEnabled;
    private final List<ConfigWarning> warnings;
    private final List<ConfigFile> files;
    private final FirstMatch softdepMatch;
    private final FirstMatch installMatch;
    private final FirstMatch removeMatch;

    ModprobeConfig(ConfigParser.Contents c, boolean weakdepsEnabled) {
        this.aliases = List.copyOf(c.aliases);
        this.blacklist = List.copyOf(c.blacklist);
        this.options = List.copyOf(c.options);
        this.installs = List.copyOf(c.installs);
        this.removes = List.copyOf(c.removes);
        this.softdepLines = List.copyOf(c.softdeps);
        this.softdeps = new SoftdepEntries(softdepLines);
        this.weakdeps = List.copyOf(c.weakdeps);
        this.weakdepsEnabled = weakdepsEnabled;
        this.warnings = List.copyOf(c.warnings);
        this.files = List.copyOf(c.files);
        List<String> softdepModules = new ArrayList<>(softdepLines.size());
        for (SoftdepLine line : softdepLines) {
            softdepModules.add(line.module());
        }
        this.softdepMatch = new FirstMatch(softdepModules);
        this.installMatch = new FirstMatch(modules(installs));
        this.removeMatch = new FirstMatch(modules(removes));
    }

    /** The module patterns of {@code entries}, in order (a loop: no method reference at start-up). */
    private static List<String> modules(List<CommandEntry> entries) {
        List<String> out = new ArrayList<>(entries.size());
        for (CommandEntry e : entries) {
            out.add(e.module());
        }
        return out;
    }

    /**
     * A configuration with nothing in it (what {@code -C /dev/null} gives without a module
     * directory).
     *
     * @return an empty configuration, without warnings
     */
    public static ModprobeConfig empty() {
        return EMPTY;
    }

    /**
     * Every {@code alias} entry, in order.
     *
     * @return the entries, never null
     */
    public List<ConfigAlias> aliases() {
        return aliases;
    }

    /**
     * The {@code alias} entries whose pattern matches {@code name}, in order (lookup step 1).
     *
     * @param name the name to match, normalised
     * @return the matching entries; empty when none matches
     */
    public List<ConfigAlias> aliasesMatching(String name) {
        String query = Names.query(name);
        // Loops rather than streams here and below: lambdas cost start-up time.
        List<ConfigAlias> matching = new ArrayList<>();
        for (ConfigAlias a : aliases) {
            if (a.matches(query)) {
                matching.add(a);
            }
        }
        return List.copyOf(matching);
    }

    /**
     * Every blacklisted name, in order, duplicates kept: the files' (normalised), then the kernel
     * command line's {@code modprobe.blacklist=} pieces (as written, so {@code a-b} there never
     * matches a module, as in kmod 30).
     *
     * @return the names, never null
     */
    public List<String> blacklist() {
        return blacklist;
    }

    /**
     * Whether {@code module} (normalised first) is on the blacklist, by name equality.
     *
     * @param module the module name
     * @return true when some blacklist entry names the module
     */
    public boolean isBlacklisted(String module) {
        return blacklist.contains(Names.query(module));
    }

    /**
     * Every {@code options} entry, files first, then the kernel command line's.
     *
     * @return the entries, never null
     */
    public List<OptionsEntry> options() {
        return options;
    }

    /**
     * The options for a module: the text of every options entry whose name equals {@code module},
     * in order (files, then kernel command line), joined by one space; "" when there is none. Each
     * text is kept as written (leading and trailing blanks included, tabs turned into spaces).
     *
     * @param module the module name, normalised
     * @return the options, or {@code ""}
     */
    public String optionsFor(String module) {
        return optionsFor(module, null);
    }

    /**
     * The options for a module found through {@code alias} (may be null): entries naming either the
     * module or the alias count, in order, joined by one space.
     *
     * @param module the module name, normalised
     * @param alias the alias the module was found by, or null
     * @return the options, or {@code ""}
     */
    public String optionsFor(String module, String alias) {
        String name = Names.query(module);
        String via = alias == null ? null : Names.query(alias);
        List<String> parts = new ArrayList<>();
        for (OptionsEntry o : options) {
            if (o.module().equals(name) || o.module().equals(via)) {
                parts.add(o.options());
            }
        }
        return String.join(" ", parts);
    }

    /**
     * Every {@code install} entry, in order.
     *
     * @return the entries, never null
     */
    public List<CommandEntry> installCommands() {
        return installs;
    }

    /**
     * Every {@code remove} entry, in order.
     *
     * @return the entries, never null
     */
    public List<CommandEntry> removeCommands() {
        return removes;
    }

    /**
     * The command of the first {@code install} entry whose pattern matches {@code module}.
     *
     * @param module the module name, normalised
     * @return the command, or empty when no entry matches
     */
    public Optional<String> installCommand(String module) {
        Optional<CommandEntry> entry = first(installs, installMatch, module);
        return entry.isPresent() ? Optional.of(entry.get().command()) : Optional.empty();
    }

    /**
     * The command of the first {@code remove} entry whose pattern matches {@code module}.
     *
     * @param module the module name, normalised
     * @return the command, or empty when no entry matches
     */
    public Optional<String> removeCommand(String module) {
        Optional<CommandEntry> entry = first(removes, removeMatch, module);
        return entry.isPresent() ? Optional.of(entry.get().command()) : Optional.empty();
    }

    /**
     * Every {@code softdep} entry, in order (including {@code modules.softdep}'s, by its file
     * name).
     *
     * @return the entries, never null
     */
    public List<SoftdepEntry> softdeps() {
        return softdeps;
    }

    /**
     * The first {@code softdep} entry whose pattern matches {@code module} (it may have empty
     * lists: {@code softdep cifs gcm}, without {@code pre:}, lists nothing).
     *
     * @param module the module name, normalised
     * @return the entry, or empty when none matches
     */
    public Optional<SoftdepEntry> softdep(String module) {
        int i = softdepMatch.first(Names.query(module));
        return i < 0 ? Optional.empty() : Optional.of(softdeps.get(i));
    }

    /**
     * Every {@code weakdep} entry, in order (always empty unless weak dependencies are on).
     *
     * @return the entries, never null
     */
    public List<WeakdepEntry> weakdeps() {
        return weakdeps;
    }

    /**
     * The first {@code weakdep} entry whose pattern matches {@code module}.
     *
     * @param module the module name, normalised
     * @return the entry, or empty when none matches
     */
    public Optional<WeakdepEntry> weakdep(String module) {
        String name = Names.query(module);
        for (WeakdepEntry w : weakdeps) {
            if (w.matches(name)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /**
     * The problems met, in the order kmod 30 reports them (listing, files, kernel command line).
     *
     * @return the warnings; empty when the configuration was read cleanly
     */
    public List<ConfigWarning> warnings() {
        return warnings;
    }

    /**
     * The files read (or tried: a broken link is listed), in the order read.
     *
     * @return the files, never null
     */
    public List<ConfigFile> files() {
        return files;
    }

    /**
     * Prints the configuration as {@code modprobe -c} (kmod 30) does before its
     * {@link #END_OF_CONFIGURATION} line, byte for byte when {@code out} writes chars as ISO-8859-1
     * bytes: {@code blacklist}, {@code install}, {@code remove}, {@code alias}, {@code options},
     * {@code softdep} (then {@code weakdep}) lines, each group in order.
     *
     * @param out where to write the text, e.g. a {@link StringBuilder} or a {@link java.io.Writer}
     * @throws java.io.IOException when {@code out} fails to take the text
     */
    public void dump(Appendable out) throws IOException {
        for (String b : blacklist) {
            out.append("blacklist ").append(b).append('\n');
        }
        for (CommandEntry i : installs) {
            out.append("install ").append(i.module()).append(' ').append(i.command()).append('\n');
        }
        for (CommandEntry r : removes) {
            out.append("remove ").append(r.module()).append(' ').append(r.command()).append('\n');
        }
        for (ConfigAlias a : aliases) {
            out.append("alias ").append(a.pattern()).append(' ').append(a.module()).append('\n');
        }
        for (OptionsEntry o : options) {
            out.append("options ").append(o.module()).append(' ').append(o.options()).append('\n');
        }
        for (SoftdepLine line : softdepLines) {
            out.append("softdep ").append(line.module()).append(' ')
                    .append(line.dumpValue()).append('\n');
        }
        if (weakdepsEnabled) {
            for (WeakdepEntry w : weakdeps) {
                out.append("weakdep ").append(w.module()).append(' ')
                        .append(String.join(" ", w.deps())).append('\n');
            }
        }
    }

    /**
     * {@link #dump(Appendable)} into a string.
     *
     * @return the text of {@link #dump(Appendable)}
     */
    public String dump() {
        StringBuilder sb = new StringBuilder();
        try {
            dump(sb);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    private static Optional<CommandEntry> first(List<CommandEntry> entries, FirstMatch match,
            String module) {
        int i = match.first(Names.query(module));
        return i < 0 ? Optional.empty() : Optional.of(entries.get(i));
    }

    /** An unmodifiable list of the lines' entries, each line parsed when its entry is first read. */
    private static final class SoftdepEntries extends java.util.AbstractList<SoftdepEntry>
            implements java.util.RandomAccess {
        private final List<SoftdepLine> lines;

        SoftdepEntries(List<SoftdepLine> lines) {
            this.lines = lines;
        }

        @Override
        public SoftdepEntry get(int index) {
            return lines.get(index).entry();
        }

        @Override
        public int size() {
            return lines.size();
        }
    }
}
