package io.github.jkmod.core.depmod;

import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.config.LogicalLine;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * depmod's configuration ({@code depmod.d}): the {@code search}, {@code override},
 * {@code external} and {@code exclude} lines, kept in depmod's order (each new entry goes first,
 * so the list is the reverse of the files' order).
 */
final class DepmodConfig {
    /** The {@code search} keyword for the module directory itself. */
    static final String BUILTIN_KEY = "built-in";
    /** The {@code search} keyword for the external directories. */
    static final String EXTERNAL_KEY = "external";

    final List<String> searches = new ArrayList<>();
    final List<String> overrides = new ArrayList<>();
    final List<String> externals = new ArrayList<>();
    final List<String> excludes = new ArrayList<>();

    private DepmodConfig() {
    }

    /** No configuration at all (depmod reads none when given module files). */
    static DepmodConfig empty() {
        return new DepmodConfig();
    }

    /**
     * Reads the configuration as depmod does: every {@code *.conf} file of the directories (or the
     * files) named, sorted by file name, the first of a name winning; then {@code search updates}
     * when no search line was read.
     */
    static DepmodConfig load(List<Path> paths, String release, KmodProfile profile, Consumer<DepmodMessage> out) {
        TreeMap<String, Path> files = new TreeMap<>(KmodHashOrder::strcmp);
        for (Path p : paths) {
            list(p, files, out);
        }
        DepmodConfig cfg = new DepmodConfig();
        for (Path f : files.values()) {
            cfg.parse(f, release, profile, out);
        }
        if (cfg.searches.isEmpty()) {
            cfg.searches.add("updates");
        }
        return cfg;
    }

    private static void list(Path p, TreeMap<String, Path> files, Consumer<DepmodMessage> out) {
        if (!Files.exists(p)) {
            return;
        }
        if (!Files.isDirectory(p)) {
            files.putIfAbsent(p.getFileName() == null ? p.toString() : p.getFileName().toString(), p);
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            for (Path e : ds) {
                String name = e.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (name.length() < 6 || !name.endsWith(".conf")) {
                    out.accept(new DepmodMessage(DepmodMessage.Level.INFO, "All cfg files need .conf: " + p + "/" + name));
                    continue;
                }
                if (Files.isDirectory(e)) {
                    out.accept(new DepmodMessage(DepmodMessage.Level.ERROR,
                            "Directories inside directories are not supported: " + p + "/" + name));
                    continue;
                }
                files.putIfAbsent(name, e);
            }
        } catch (IOException e) {
            out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, "files list " + p + ": " + Depmod.reason(e)));
        }
    }

    private void parse(Path file, String release, KmodProfile profile, Consumer<DepmodMessage> out) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, "file parse " + file + ": " + Depmod.reason(e)));
            return;
        }
        for (LogicalLine line : LogicalLine.split(data, profile != KmodProfile.KMOD_30)) {
            String text = line.text();
            if (text.isEmpty() || text.charAt(0) == '#') {
                continue;
            }
            String[] w = text.trim().isEmpty() ? new String[0] : text.replaceFirst("^[\t ]+", "").split("[\t ]+");
            if (w.length == 0) {
                continue;
            }
            String where = file + ":" + line.number() + ": ";
            switch (w[0]) {
                case "search":
                    for (int i = 1; i < w.length; i++) {
                        searches.add(0, w[i]);
                    }
                    break;
                case "exclude":
                    for (int i = 1; i < w.length; i++) {
                        excludes.add(0, w[i]);
                    }
                    break;
                case "override":
                    if (w.length < 4) {
                        bad(out, where, w[0]);
                    } else if (!kernelMatches(w[2], release)) {
                        out.accept(new DepmodMessage(DepmodMessage.Level.INFO,
                                where + "override kernel did not match " + w[2]));
                    } else {
                        overrides.add(0, w[3] + "/" + w[1]);
                    }
                    break;
                case "external":
                    if (w.length < 3) {
                        bad(out, where, w[0]);
                    } else if (!kernelMatches(w[1], release)) {
                        out.accept(new DepmodMessage(DepmodMessage.Level.INFO,
                                where + "external directory did not match " + w[1]));
                    } else {
                        externals.add(0, w[2]);
                    }
                    break;
                case "include":
                case "make_map_files":
                    out.accept(new DepmodMessage(DepmodMessage.Level.INFO,
                            where + "command " + w[0] + " not implemented yet"));
                    break;
                default:
                    bad(out, where, w[0]);
                    break;
            }
        }
    }

    private static void bad(Consumer<DepmodMessage> out, String where, String cmd) {
        out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, where + "ignoring bad line starting with '" + cmd + "'"));
    }

    /** {@code *}, or a POSIX extended regular expression found anywhere in the release. */
    static boolean kernelMatches(String pattern, String release) {
        if (pattern.equals("*")) {
            return true;
        }
        try {
            return Pattern.compile(pattern).matcher(release).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
