package io.github.jkmod.cli.insmod;

import io.github.jkmod.core.kernel.Errno;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What libkmod checks when it opens a module file to insert it, before any system call: the file
 * opens, and its first 6 bytes (the longest compression magic, xz's) can be read. A directory fails
 * the read with {@code EISDIR}, a file of fewer than 6 bytes with {@code EINVAL}, which insmod
 * reports as {@code Invalid parameters} whatever the kernel.
 */
final class ModuleFileCheck {
    /** The bytes libkmod reads to recognise the compression. */
    static final int MAGIC_BYTES = 6;

    private ModuleFileCheck() {
    }

    /**
     * The error number opening {@code file} the way libkmod does gives, or 0.
     *
     * @param file the module file
     * @return 0, or the positive errno
     */
    static int errno(Path file) {
        if (Files.isDirectory(file)) {
            return Errno.EISDIR;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAGIC_BYTES).length == MAGIC_BYTES ? 0 : Errno.EINVAL;
        } catch (NoSuchFileException e) {
            return Errno.ENOENT;
        } catch (AccessDeniedException e) {
            return Errno.EACCES;
        } catch (IOException e) {
            return Errno.EIO;
        }
    }
}
