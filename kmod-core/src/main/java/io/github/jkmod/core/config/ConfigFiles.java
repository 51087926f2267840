package io.github.jkmod.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lists the configuration files the way kmod 30 does.
 *
 * <p>The module directory's {@code modules.softdep} (and {@code modules.weakdep} when weak
 * dependencies are on) come first, then each source in precedence order: a directory contributes
 * its {@code *.conf} and (kmod 30 only) {@code *.alias} entries whose name does not start with {@code .} (an entry
 * that is a directory, symbolic links followed, is warned about and skipped; a broken link stays
 * listed, hides the same name elsewhere and reads as nothing, unless kmod's stale stat makes it a
 * directory; kmod 34 instead reports a broken link and leaves it out, so it hides nothing); a file
 * contributes itself under its file name; a path
 * that does not exist contributes nothing. A name already listed hides later ones (so a {@code -C}
 * file called {@code modules.softdep} is never read while a module directory is set). The result is
 * sorted by name, byte by byte.
 */
final class ConfigFiles {
    /**
     * Files by name, byte by byte. A class rather than {@code Comparator.comparing}: the JDK's
     * lambda inside it is linked at run time, a few milliseconds of every start-up.
     */
    private static final Comparator<ConfigFile> BY_NAME = new Comparator<>() {
        @Override
        public int compare(ConfigFile a, ConfigFile b) {
            return compareBytes(a.name(), b.name());
        }
    };

    private ConfigFiles() {
    }

    /** A place configuration files come from: a directory or a file, and how modprobe names it. */
    record Source(Path path, String displayName) {
    }

    /**
     * Lists the files; {@code moduleDir} may be null. With {@code kmod34}, an entry that cannot be
     * stat'ed (a broken link) goes to {@code unstatable} and is left out, as kmod 34 does.
     */
    static List<ConfigFile> list(List<Source> sources, Path moduleDir, boolean weakdeps, boolean kmod34,
            Consumer<ConfigFile> directoryInDirectory, Consumer<ConfigFile> unstatable) {
        Map<String, ConfigFile> byName = new LinkedHashMap<>();
        if (moduleDir != null) {
            addModuleDirFile(byName, moduleDir, "modules.softdep");
            if (weakdeps) {
                addModuleDirFile(byName, moduleDir, "modules.weakdep");
            }
        }
        for (Source source : sources) {
            Path path = source.path();
            if (Files.isDirectory(path)) {
                for (Entry entry : scan(path, kmod34)) {
                    ConfigFile file = new ConfigFile(entry.name(), source.displayName() + "/" + entry.name(),
                            path.resolve(entry.name()));
                    if (entry.unstatable()) {
                        unstatable.accept(file);
                    } else if (entry.directory()) {
                        directoryInDirectory.accept(file);
                    } else {
                        byName.putIfAbsent(entry.name(), file);
                    }
                }
            } else if (Files.exists(path)) {
                Path fileName = path.getFileName();
                String name = fileName == null ? path.toString() : fileName.toString();
                byName.putIfAbsent(name, new ConfigFile(name, source.displayName(), path));
            }
        }
        List<ConfigFile> files = new ArrayList<>(byName.values());
        files.sort(BY_NAME);
        return List.copyOf(files);
    }

    private static void addModuleDirFile(Map<String, ConfigFile> byName, Path moduleDir, String name) {
        byName.put(name, new ConfigFile(name, moduleDir + "/" + name, moduleDir.resolve(name)));
    }

    /** A candidate entry of a configuration directory, and whether libkmod takes it for a directory. */
    private record Entry(String name, boolean directory, boolean unstatable) {
    }

    /**
     * The candidate entries of a directory in the directory's own order (readdir order, which
     * decides the order of the warnings). Names starting with {@code .} are left out, and so are
     * names ending neither in {@code .conf} nor in {@code .alias}. An entry libkmod cannot stat (a
     * broken link) keeps the answer of the previous entry stat'ed in the same scan, as kmod 30 does
     * (it reads a stale {@code struct stat}); the first such entry counts as a file. With
     * {@code kmod34}, such an entry is marked unstatable instead.
     */
    private static List<Entry> scan(Path dir, boolean kmod34) {
        List<Entry> entries = new ArrayList<>();
        boolean lastWasDirectory = false;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path path : stream) {
                String name = path.getFileName().toString();
                if (name.startsWith(".") || !(name.endsWith(".conf") || !kmod34 && name.endsWith(".alias"))) {
                    continue;
                }
                boolean unstatable = false;
                try {
                    lastWasDirectory = Files.readAttributes(path, BasicFileAttributes.class).isDirectory();
                } catch (IOException | SecurityException e) {
                    ConfigLoader.Logging.LOG.log(System.Logger.Level.DEBUG, "cannot stat " + path + ": " + e);
                    unstatable = kmod34;
                }
                entries.add(new Entry(name, lastWasDirectory, unstatable));
            }
        } catch (IOException | SecurityException e) {
            ConfigLoader.Logging.LOG.log(System.Logger.Level.DEBUG, "cannot list " + dir + ": " + e);
        }
        return entries;
    }

    /** strcmp order on the UTF-8 bytes of the names. */
    static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
