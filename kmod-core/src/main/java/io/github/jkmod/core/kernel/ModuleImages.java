package io.github.jkmod.core.kernel;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What the insert path needs from a module file besides the system calls: its compression (by magic
 * bytes) and, for {@code init_module}, its uncompressed image with the force edits applied to a copy.
 * Failures carry an errno, as modprobe reports them.
 */
interface ModuleImages {

    /**
     * The compression of the file by its magic bytes, as {@code /sys/module/compression} names it
     * ({@code gzip}, {@code xz}, {@code zstd}); empty when uncompressed.
     *
     * @throws KernelCallException ({@code open}/{@code read}, ENOENT, EACCES, EIO) when the file cannot be read
     */
    Optional<String> compression(String module, Path file) throws KernelCallException;

    /**
     * The uncompressed image of the file, with the edits of {@code force} applied (the file is
     * never changed). When nothing is forced the image is not parsed: one that is not ELF goes to
     * the kernel, which answers ENOEXEC, as kmod 30 lets it.
     *
     * @throws KernelCallException (ENOENT, EACCES, EIO when unreadable; EINVAL when it does not decompress;
     *     ENOEXEC when something is forced and it is not an ELF module the edits can be made in)
     */
    byte[] image(String module, Path file, Set<Force> force) throws KernelCallException;
}
