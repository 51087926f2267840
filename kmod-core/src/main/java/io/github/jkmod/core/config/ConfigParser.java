package io.github.jkmod.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses configuration files into a {@link Contents}, line by line, as kmod 30 does.
 *
 * <p>A logical line (see {@link LogicalLine}) that is empty or starts with {@code #} is skipped (a
 * {@code #} after blanks is not a comment: it is an unknown command). Words are separated by blanks
 * and tabs. Commands and the words they need:
 * {@code alias PATTERN MODULE}, {@code blacklist MODULE}, {@code options MODULE REST},
 * {@code install MODULE REST}, {@code remove MODULE REST}, {@code softdep MODULE REST} (and
 * {@code weakdep MODULE REST} when weak dependencies are on); extra words of {@code alias} and
 * {@code blacklist} are ignored. REST is everything after the one blank that ends the module name
 * and must not be empty. A missing word, a name with an unmatched bracket or an unknown command
 * gives the warning {@code FILE line N: ignoring bad line starting with 'COMMAND'};
 * {@code include} and {@code config} give {@code FILE: command include is deprecated and not
 * parsed anymore}.
 */
final class ConfigParser {
    private final Contents contents;
    private final boolean weakdeps;
    private final boolean kmod34;

    /** With {@code kmod34}, a backslash that ends a file is dropped (see {@link LogicalLine#split(byte[], boolean)}). */
    ConfigParser(Contents contents, boolean weakdeps, boolean kmod34) {
        this.contents = contents;
        this.weakdeps = weakdeps;
        this.kmod34 = kmod34;
    }

    /** Everything read so far, in the order read. */
    static final class Contents {
        final List<ConfigAlias> aliases = new ArrayList<>();
        final List<String> blacklist = new ArrayList<>();
        final List<OptionsEntry> options = new ArrayList<>();
        final List<CommandEntry> installs = new ArrayList<>();
        final List<CommandEntry> removes = new ArrayList<>();
        final List<SoftdepLine> softdeps = new ArrayList<>();
        final List<WeakdepEntry> weakdeps = new ArrayList<>();
        final List<ConfigWarning> warnings = new ArrayList<>();
        final List<ConfigFile> files = new ArrayList<>();

        void addOptions(String module, String options) {
            this.options.add(new OptionsEntry(module, options.replace('\t', ' ')));
        }
    }

    /** Parses one file's bytes. */
    void parse(ConfigFile file, byte[] data) {
        for (LogicalLine line : LogicalLine.split(data, kmod34)) {
            parseLine(file, line);
        }
    }

    private void parseLine(ConfigFile file, LogicalLine line) {
        String text = line.text();
        if (text.isEmpty() || text.charAt(0) == '#') {
            return;
        }
        Words words = new Words(text);
        String command = words.next();
        if (command == null) {
            return;
        }
        boolean ok;
        switch (command) {
            case "alias": {
                String pattern = name(words.next());
                String module = name(words.next());
                ok = pattern != null && module != null;
                if (ok) {
                    contents.aliases.add(new ConfigAlias(pattern, module));
                }
                break;
            }
            case "blacklist": {
                String module = name(words.next());
                ok = module != null;
                if (ok) {
                    contents.blacklist.add(module);
                }
                break;
            }
            case "options":
            case "install":
            case "remove":
            case "softdep": {
                String module = name(words.next());
                String rest = words.rest();
                ok = module != null && rest != null;
                if (ok) {
                    addWithRest(command, module, rest);
                }
                break;
            }
            case "weakdep": {
                String module = weakdeps ? name(words.next()) : null;
                String rest = weakdeps ? words.rest() : null;
                ok = module != null && rest != null;
                if (ok) {
                    contents.weakdeps.add(new WeakdepEntry(module, splitSpace(rest)));
                }
                break;
            }
            case "include":
            case "config":
                warn(file, line.number(), file.displayName() + ": command " + command
                        + " is deprecated and not parsed anymore", ConfigWarning.Kind.DEPRECATED_COMMAND);
                return;
            default:
                ok = false;
        }
        if (!ok) {
            warn(file, line.number(), file.displayName() + " line " + line.number()
                    + ": ignoring bad line starting with '" + command + "'", ConfigWarning.Kind.BAD_LINE);
        }
    }

    private void addWithRest(String command, String module, String rest) {
        switch (command) {
            case "options":
                contents.addOptions(module, rest);
                break;
            case "install":
                contents.installs.add(new CommandEntry(module, rest));
                break;
            case "remove":
                contents.removes.add(new CommandEntry(module, rest));
                break;
            default:
                contents.softdeps.add(SoftdepLine.of(module, rest));
                break;
        }
    }

    /** The normalised name, or null when the word is missing or bad. */
    private static String name(String word) {
        return word == null ? null : Names.underscores(word);
    }

    private static List<String> splitSpace(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && SoftdepLine.isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !SoftdepLine.isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    private void warn(ConfigFile file, int line, String message, ConfigWarning.Kind kind) {
        contents.warnings.add(new ConfigWarning(file.path(), line, message, kind));
    }
}
