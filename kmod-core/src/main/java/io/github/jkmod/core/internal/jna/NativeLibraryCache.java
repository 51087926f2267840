package io.github.jkmod.core.internal.jna;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Keeps JNA's native library ({@code libjnidispatch.so}) from one run to the next where the
 * {@code jmodprobe} launcher asks for it, so that a module load does not unpack it from the jar
 * every time (some 10 ms of CPU). The launcher names the file in the system property
 * {@value #PROPERTY}, inside its own cache directory (which belongs to the user). When the file
 * exists, JNA loads it from there ({@code jna.boot.library.path} and {@code jna.boot.library.name});
 * when it does not, JNA unpacks into that directory and keeps its copy
 * ({@code jnidispatch.preserve}), which {@link #keep} renames to the file once JNA has loaded it.
 * Concurrent runs each rename their own complete copy: the file is never seen half written. Without
 * the property nothing changes; if loading the kept file fails, JNA unpacks from the jar as usual.
 */
final class NativeLibraryCache {
    /** The system property naming the file, {@code DIR/libNAME.so}. */
    static final String PROPERTY = "jkmod.jnidispatch";
    /** Set while JNA unpacks into the cache directory for {@link #keep} to move. */
    private static final String FILLING = "jkmod.jnidispatch.filling";

    private NativeLibraryCache() {
    }

    /**
     * Points JNA at the cached file, or at the cache directory to fill it; {@code exists} and
     * {@code writable} answer for the file and its directory.
     *
     * @return true when JNA loads the cached file (a {@code jna.tmpdir} is still needed should
     *     that fail), false when it unpacks (into the cache directory if {@code jna.tmpdir} was set
     *     here) or nothing was asked
     */
    static boolean prepare(Properties properties, boolean exists, boolean writable) {
        String name = properties.getProperty(PROPERTY);
        Path file = name == null ? null : Path.of(name);
        Path dir = file == null ? null : file.getParent();
        String fileName = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
        if (dir == null || !file.isAbsolute() || !fileName.startsWith("lib") || !fileName.endsWith(".so")) {
            return false;
        }
        if (exists) {
            properties.setProperty("jna.boot.library.path", dir.toString());
            properties.setProperty("jna.boot.library.name",
                    fileName.substring(3, fileName.length() - 3));
            return true;
        }
        if (writable) {
            properties.setProperty("jna.tmpdir", dir.toString());
            properties.setProperty("jnidispatch.preserve", "true");
            properties.setProperty(FILLING, "true");
        }
        return false;
    }

    /** {@link #prepare} for the real file system. */
    static boolean prepare(Properties properties) {
        String name = properties.getProperty(PROPERTY);
        if (name == null) {
            return false;
        }
        Path file = Path.of(name);
        Path dir = file.getParent();
        return prepare(properties, Files.isRegularFile(file),
                dir != null && Files.isDirectory(dir) && Files.isWritable(dir));
    }

    /**
     * After JNA has loaded: moves the copy it unpacked into the cache directory to the cached
     * file. Does nothing unless {@link #prepare} asked JNA to unpack there; a failure leaves no
     * copy behind and is otherwise ignored (the next run unpacks again).
     */
    static void keep(Properties properties) {
        if (properties.getProperty(FILLING) == null) {
            return;
        }
        properties.remove(FILLING);
        String loaded = properties.getProperty("jnidispatch.path");
        Path file = Path.of(properties.getProperty(PROPERTY));
        if (loaded == null || !file.getParent().equals(Path.of(loaded).getParent())) {
            return;
        }
        try {
            Files.move(Path.of(loaded), file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(Path.of(loaded));
            } catch (IOException | RuntimeException ignored) {
                // Only a leftover copy in the user's cache directory.
            }
        }
    }
}
