package io.github.jkmod.core.internal.jna;

import io.github.jkmod.KmodException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Where JNA may unpack its native part ({@code libjnidispatch.so}) when it loads it from its jar.
 *
 * <p>Left alone, JNA 5 unpacks into {@code ~/.cache/JNA/temp} (falling back to
 * {@code java.io.tmpdir}). Started by the kernel as its module helper, {@code jmodprobe} runs as root
 * with {@code HOME=/}, a read-only root file system and only {@code /tmp} writable, early in boot;
 * a cache under {@code /root} is neither wanted nor possible there. So, unless the user chose
 * ({@code jna.tmpdir} or {@code jna.boot.library.path} set), jkmod points {@code jna.tmpdir} at the
 * first writable directory of: {@code java.io.tmpdir}, {@code /tmp}, {@code /dev/shm},
 * {@code /run}, {@code /var/tmp}. When none is writable it fails with a message that says so and
 * what to set.
 */
final class NativeDirectory {
    /** The directories tried after {@code java.io.tmpdir}, in order. */
    static final List<Path> FALLBACKS = List.of(Path.of("/tmp"), Path.of("/dev/shm"), Path.of("/run"), Path.of("/var/tmp"));

    /** The library directories JNA is given instead of asking {@code ldconfig}. */
    static final String PLATFORM_LIBRARY_PATH = "/usr/lib64:/lib64:/usr/lib:/lib";

    private NativeDirectory() {
    }

    /**
     * Sets {@code jna.tmpdir} in the system properties when needed (see the class comment), or
     * uses the launcher's kept copy of the library ({@link NativeLibraryCache}).
     */
    static synchronized void prepare() throws KmodException {
        Properties properties = System.getProperties();
        // Unless told, JNA's NativeLibrary runs "ldconfig -p" (a child process: tens of
        // milliseconds of every module load) to learn the system's library directories. jkmod
        // loads libc only, which JNA on Linux takes from the process itself, never from a path.
        if (properties.getProperty("jna.platform.library.path") == null) {
            properties.setProperty("jna.platform.library.path", PLATFORM_LIBRARY_PATH);
        }
        if (properties.getProperty("jna.tmpdir") != null
                || properties.getProperty("jna.boot.library.path") != null) {
            return;
        }
        boolean cached = NativeLibraryCache.prepare(properties);
        if (properties.getProperty("jna.tmpdir") != null) {
            return;
        }
        Properties tmpdirOnly = new Properties();
        String javaTmp = properties.getProperty("java.io.tmpdir");
        if (javaTmp != null) {
            tmpdirOnly.setProperty("java.io.tmpdir", javaTmp);
        }
        try {
            // A class, not a method reference: the first lambda of a run costs milliseconds.
            Optional<Path> dir = choose(tmpdirOnly, FALLBACKS, new Predicate<Path>() {
                @Override
                public boolean test(Path p) {
                    return writableDirectory(p);
                }
            });
            if (dir.isPresent()) {
                properties.setProperty("jna.tmpdir", dir.get().toString());
            }
        } catch (KmodException e) {
            if (!cached) {
                throw e;
            }
            // The kept library needs no directory; JNA only unpacks should loading it fail.
        }
    }

    /**
     * The directory to set as {@code jna.tmpdir}, or empty when the properties already decide.
     *
     * @throws KmodException listing the directories tried when none is writable
     */
    static Optional<Path> choose(Properties properties, List<Path> fallbacks, Predicate<Path> writable)
            throws KmodException {
        if (properties.getProperty("jna.tmpdir") != null || properties.getProperty("jna.boot.library.path") != null) {
            return Optional.empty();
        }
        Set<Path> tried = new LinkedHashSet<>();
        String javaTmp = properties.getProperty("java.io.tmpdir");
        if (javaTmp != null && !javaTmp.isEmpty()) {
            tried.add(Path.of(javaTmp));
        }
        tried.addAll(fallbacks);
        for (Path dir : tried) {
            if (writable.test(dir)) {
                return Optional.of(dir);
            }
        }
        List<String> names = new ArrayList<>();
        tried.forEach(p -> names.add(p.toString()));
        throw new KmodException("cannot make system calls: JNA must unpack its native library"
                + " (libjnidispatch.so) but no directory is writable (tried "
                + names.stream().collect(Collectors.joining(", "))
                + "); set -Djna.tmpdir=DIR to a writable directory, or -Djna.boot.library.path=DIR"
                + " to a directory that holds libjnidispatch.so");
    }

    private static boolean writableDirectory(Path dir) {
        return Files.isDirectory(dir) && Files.isWritable(dir);
    }
}
