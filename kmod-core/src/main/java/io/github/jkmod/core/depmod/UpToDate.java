package io.github.jkmod.core.depmod;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * {@code depmod -A}: the indexes are up to date when {@code modules.dep} exists and no module file
 * under the module directory (skipping {@code build} and {@code source}) has a later modification
 * time, compared in whole seconds as depmod does.
 */
final class UpToDate {
    private UpToDate() {
    }

    static boolean check(Path dir, Consumer<DepmodMessage> out) {
        long mtime;
        try {
            mtime = Files.getLastModifiedTime(dir.resolve("modules.dep")).toMillis() / 1000;
        } catch (IOException e) {
            out.accept(new DepmodMessage(DepmodMessage.Level.ERROR,
                    "could not fstatat(" + dir + ", modules.dep): " + Depmod.reason(e)));
            return false;
        }
        return walk(dir, mtime, out);
    }

    private static boolean walk(Path dir, long mtime, Consumer<DepmodMessage> out) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path e : ds) {
                String name = e.getFileName().toString();
                if (name.equals("build") || name.equals("source")) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(e, BasicFileAttributes.class);
                if (a.isDirectory()) {
                    if (!walk(e, mtime, out)) {
                        return false;
                    }
                } else if (a.isRegularFile() && ModuleScanner.hasModuleExtension(name)
                        && a.lastModifiedTime().toMillis() / 1000 > mtime) {
                    return false;
                }
            }
        } catch (IOException e) {
            out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, "could not open directory " + dir + ": "
                    + Depmod.reason(e)));
        }
        return true;
    }
}
