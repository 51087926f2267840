package io.github.jkmod.core.depmod;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the module files of a tree as depmod does: the module directory, then each external
 * directory, walked in directory order ({@code readdir}), skipping {@code build}, {@code source} and
 * the excluded names at any depth; when two files give the same module name, the configuration's
 * {@code override} and {@code search} lines decide which one stays (else the first one found).
 */
final class ModuleScanner {
    /**
     * The module file extensions of Debian's kmod 30 and kmod 34.2, both built without zlib: a
     * {@code .ko.gz} file is not a module for them.
     */
    private static final List<String> EXTENSIONS = List.of(".ko", ".ko.xz", ".ko.zst");

    private final String dirname;
    private final DepmodConfig cfg;
    private final Consumer<DepmodMessage> out;
    private final Map<String, ModuleRecord> byName = new HashMap<>();
    private final Map<String, ModuleRecord> byUncrelpath = new HashMap<>();
    private final Consumer<String> found;

    ModuleScanner(String dirname, DepmodConfig cfg, Consumer<DepmodMessage> out) {
        this(dirname, cfg, out, path -> { });
    }

    /** A scanner that hands every module file it takes, as it takes it, to {@code found}. */
    ModuleScanner(String dirname, DepmodConfig cfg, Consumer<DepmodMessage> out, Consumer<String> found) {
        this.dirname = dirname;
        this.cfg = cfg;
        this.out = out;
        this.found = found;
    }

    /** Scans the module directory and the external directories. */
    void scanAll() throws KmodException {
        try {
            searchPath(dirname);
        } catch (IOException e) {
            throw new KmodException("could not search modules: " + Depmod.reason(e), e);
        }
        for (String ext : cfg.externals) {
            try {
                searchPath(ext);
            } catch (IOException e) {
                // absent or unreadable external directories are skipped (reported already)
            }
        }
    }

    Collection<ModuleRecord> modules() {
        return byName.values();
    }

    Map<String, ModuleRecord> byUncrelpath() {
        return byUncrelpath;
    }

    private void searchPath(String path) throws IOException {
        DirectoryStream<Path> ds;
        try {
            ds = Files.newDirectoryStream(Path.of(path));
        } catch (IOException e) {
            error("could not open directory " + path + ": " + Depmod.reason(e));
            throw e;
        }
        try (ds) {
            searchDir(ds, path + "/");
        }
    }

    private void searchDir(DirectoryStream<Path> ds, String prefix) {
        for (Path entry : ds) {
            String name = entry.getFileName().toString();
            if (excluded(name)) {
                continue;
            }
            String path = prefix + name;
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(entry, BasicFileAttributes.class);
            } catch (IOException e) {
                error("fstatat(" + prefix + ", " + name + "): " + Depmod.reason(e));
                continue;
            }
            if (a.isDirectory()) {
                try (DirectoryStream<Path> sub = Files.newDirectoryStream(entry)) {
                    searchDir(sub, path + "/");
                } catch (IOException e) {
                    error("openat(" + prefix + ", " + name + ", O_RDONLY): " + Depmod.reason(e));
                }
            } else if (a.isRegularFile()) {
                addFile(path, prefix.length(), name);
            } else {
                error("unsupported file type " + path + ": " + Integer.toOctalString(fileType(entry)));
            }
        }
    }

    /** Adds a module named on the command line (no priorities: a second module of a name fails). */
    void addExplicit(String path) throws KmodException {
        if (!path.startsWith("/")) {
            throw new KmodException(path + ": not absolute path.");
        }
        if (!Files.exists(Path.of(path))) {
            throw new KmodException("could not create module " + path + ": No such file or directory");
        }
        String modname = moduleName(path);
        ModuleRecord mod = new ModuleRecord(modname, path, dirname);
        if (byName.containsKey(modname) || (mod.uncrelpath != null && byUncrelpath.containsKey(mod.uncrelpath))) {
            error("hash_add_unique " + (byName.containsKey(modname) ? modname : mod.uncrelpath) + ": File exists");
            throw new KmodException("could not add module " + path + ": File exists");
        }
        byName.put(modname, mod);
        if (mod.uncrelpath != null) {
            byUncrelpath.put(mod.uncrelpath, mod);
        }
    }

    /** {@code st_mode & S_IFMT} of a file that is neither a directory nor a regular file. */
    private static int fileType(Path entry) {
        try {
            return (Integer) Files.getAttribute(entry, "unix:mode") & 0170000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    private boolean excluded(String name) {
        return name.equals(".") || name.equals("..") || name.equals("build") || name.equals("source")
                || cfg.excludes.contains(name);
    }

    static boolean hasModuleExtension(String name) {
        for (String ext : EXTENSIONS) {
            if (name.length() > ext.length() && name.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    /** depmod's module name of a path: its base name up to the first '.', '-' read as '_'. */
    static String moduleName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        return (dot < 0 ? base : base.substring(0, dot)).replace('-', '_');
    }

    private void addFile(String path, int baselen, String name) {
        if (!hasModuleExtension(name)) {
            return;
        }
        String modname = moduleName(path);
        if (modname.isEmpty()) {
            error("could not get modname from path " + path);
            error("failed " + path + ": Invalid argument");
            return;
        }
        ModuleRecord old = byName.get(modname);
        if (old != null) {
            if (existingWins(old, path, baselen, modname.length())) {
                return;
            }
            byName.remove(old.name);
            if (old.uncrelpath != null) {
                byUncrelpath.remove(old.uncrelpath);
            }
        }
        ModuleRecord mod = new ModuleRecord(modname, path, dirname);
        if (mod.uncrelpath != null && byUncrelpath.containsKey(mod.uncrelpath)) {
            error("hash_add_unique " + mod.uncrelpath + ": File exists");
            error("could not add module " + path + ": File exists");
            error("failed " + path + ": File exists");
            return;
        }
        byName.put(modname, mod);
        if (mod.uncrelpath != null) {
            byUncrelpath.put(mod.uncrelpath, mod);
        }
        found.accept(path);
    }

    /** depmod_module_is_higher_priority: whether the module already found stays. */
    private boolean existingWins(ModuleRecord old, String newpath, int baselen, int modnamelen) {
        int newlen = baselen + modnamelen;
        int oldlen = old.baselen + old.name.length() + 1;
        String rnew = relative(newpath, newlen);
        String rold = relative(old.path, oldlen);
        for (String ov : cfg.overrides) {
            if (ov.equals(rnew)) {
                return false;
            }
            if (ov.equals(rold)) {
                return true;
            }
        }
        int bprio = -1;
        int oldprio = -1;
        int newprio = -1;
        int i = 0;
        for (String se : cfg.searches) {
            if (se.equals(DepmodConfig.BUILTIN_KEY)) {
                bprio = i;
            } else if (se.equals(DepmodConfig.EXTERNAL_KEY)) {
                for (String ext : cfg.externals) {
                    if (startsWithDir(newpath, newlen, ext)) {
                        newprio = i;
                    }
                    if (startsWithDir(old.path, oldlen, ext)) {
                        oldprio = i;
                    }
                    i++;
                }
            } else if (rnew != null && startsWithDir(rnew, rnew.length(), se)) {
                newprio = i;
            } else if (rold != null && startsWithDir(rold, rold.length(), se)) {
                oldprio = i;
            }
            i++;
        }
        if (newprio < 0) {
            newprio = bprio;
        }
        if (oldprio < 0) {
            oldprio = bprio;
        }
        return newprio <= oldprio;
    }

    private String relative(String path, int len) {
        if (!path.startsWith(dirname) || len < dirname.length() + 1) {
            return null;
        }
        return path.substring(dirname.length() + 1, Math.min(len, path.length()));
    }

    private static boolean startsWithDir(String path, int len, String prefix) {
        return len > prefix.length() && path.length() > prefix.length() && path.charAt(prefix.length()) == '/'
                && path.startsWith(prefix);
    }

    private void error(String text) {
        out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, text));
    }
}
