package io.github.jkmod.sysfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bounded reads of kernel files where "absent" is an answer, not an error: a file (or its directory)
 * that does not exist, or vanishes while it is read, gives an empty result; any other failure is a
 * {@link SysfsException} naming the file.
 */
final class KernelFiles {

    /** Largest sysfs attribute accepted: the kernel writes at most one page; 64 KiB leaves room. */
    static final int MAX_ATTRIBUTE_BYTES = 64 * 1024;

    /** Largest {@code proc/modules} or {@code proc/cmdline} accepted: 16 MiB. */
    static final int MAX_PROC_BYTES = 16 * 1024 * 1024;

    private KernelFiles() {}

    /**
     * The content of {@code file} as UTF-8, without one trailing newline.
     *
     * @return empty when the file or a parent directory does not exist
     * @throws SysfsException when it exists but cannot be read, or is larger than {@code limit}
     */
    static Optional<String> read(Path file, int limit) throws SysfsException {
        byte[] bytes;
        try {
            bytes = bounded(file, limit);
        } catch (SysfsException e) {
            throw e; // too large (a KmodException is an IOException too)
        } catch (IOException e) {
            if (isAbsent(file, e)) {
                return Optional.empty();
            }
            throw new SysfsException(file, "cannot read: " + describe(e), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return Optional.of(text);
    }

    /**
     * The bytes of {@code file}, which must be there.
     *
     * @throws SysfsException when it cannot be read, absent included (the {@link IOException} is the
     *     cause), or is larger than {@code limit}
     */
    static byte[] readBytes(Path file, int limit) throws SysfsException {
        try {
            return bounded(file, limit);
        } catch (SysfsException e) {
            throw e; // too large (a KmodException is an IOException too)
        } catch (IOException e) {
            throw new SysfsException(file, "cannot read: " + describe(e), e);
        }
    }

    /** At most {@code limit} bytes of {@code file}; one more is an error. */
    private static byte[] bounded(Path file, int limit) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw new SysfsException(file, "larger than " + limit + " bytes");
        }
        return bytes;
    }

    /**
     * The entries of {@code dir}, sorted by name.
     *
     * @return empty when the directory does not exist (or is not a directory)
     * @throws SysfsException when it exists but cannot be listed
     */
    static Optional<List<Path>> list(Path dir) throws SysfsException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                entries.add(entry);
            }
        } catch (DirectoryIteratorException e) {
            throw new SysfsException(dir, "cannot list: " + describe(e.getCause()), e.getCause());
        } catch (IOException e) {
            if (isAbsent(dir, e)) {
                return Optional.empty();
            }
            throw new SysfsException(dir, "cannot list: " + describe(e), e);
        }
        entries.sort(null);
        return Optional.of(entries);
    }

    /** Whether {@code e}, met while opening {@code path}, means that the path is not there. */
    private static boolean isAbsent(Path path, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return true;
        }
        // ENOTDIR from the default provider is a plain FileSystemException: a parent is a file.
        Path parent = path.getParent();
        return e instanceof FileSystemException && parent != null && !Files.isDirectory(parent);
    }

    /** A short, user-facing reason for an I/O failure. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        if (e.getMessage() != null && !e.getMessage().isEmpty()) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName();
    }
}
