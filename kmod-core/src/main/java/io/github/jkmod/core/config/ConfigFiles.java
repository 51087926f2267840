package io.github.jkmod.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * its {@code *.conf} entries whose name does not start with {@code .} (an entry that is a directory,
 * symbolic links followed, is warned about and skipped; a broken link stays listed and hides the
 * same name elsewhere, then reads as nothing); a file contributes itself under its file name; a path
 * that does not exist contributes nothing. A name already listed hides later ones (so a {@code -C}
 * file called {@code modules.softdep} is never read while a module directory is set). The result is
 * sorted by name, byte by byte.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** A place configuration files come from: a directory or a file, and how modprobe names it. */
    record Source(Path path, String displayName) {
    }

    /** Lists the files; {@code moduleDir} may be null. */
    static List<ConfigFile> list(List<Source> sources, Path moduleDir, boolean weakdeps,
            Consumer<ConfigFile> directoryInDirectory) {
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
                for (String name : confNames(path)) {
                    ConfigFile file = new ConfigFile(name, source.displayName() + "/" + name,
                            path.resolve(name));
                    if (Files.isDirectory(file.path())) {
                        directoryInDirectory.accept(file);
                    } else {
                        byName.putIfAbsent(name, file);
                    }
                }
            } else if (Files.exists(path)) {
                Path fileName = path.getFileName();
                String name = fileName == null ? path.toString() : fileName.toString();
                byName.putIfAbsent(name, new ConfigFile(name, source.displayName(), path));
            }
        }
        List<ConfigFile> files = new ArrayList<>(byName.values());
        files.sort(Comparator.comparing(ConfigFile::name, ConfigFiles::compareBytes));
        return List.copyOf(files);
    }

    private static void addModuleDirFile(Map<String, ConfigFile> byName, Path moduleDir, String name) {
        byName.put(name, new ConfigFile(name, moduleDir + "/" + name, moduleDir.resolve(name)));
    }

    /** The candidate names of a directory, sorted (libkmod takes them in readdir order). */
    private static List<String> confNames(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && name.endsWith(".conf")) {
                    names.add(name);
                }
            }
        } catch (IOException | SecurityException e) {
            ConfigLoader.LOG.log(System.Logger.Level.DEBUG, "cannot list " + dir + ": " + e);
            return List.of();
        }
        names.sort(ConfigFiles::compareBytes);
        return names;
    }

    /** strcmp order on the UTF-8 bytes of the names. */
    static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
