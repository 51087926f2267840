package io.github.jkmod.core.kernel;

import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.internal.io.SpecialFiles;
import io.github.jkmod.core.modinfo.Compression;
import io.github.jkmod.core.modinfo.ModuleFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Module images from files with {@link ModuleFile}: magic-byte detection, decompression in Java,
 * force edits on a copy. Errors carry the errno kmod 30 reports for them (observed): a file that
 * cannot be opened ENOENT/EACCES, compressed data that does not decompress EINVAL, a forced
 * insertion of something that is not an ELF module ENOEXEC, of an ELF file
 * libkmod cannot read EINVAL. When nothing is forced, the image
 * (the file, or what its compressed data decompresses to) is handed over as it is, unparsed: the
 * kernel judges it, and answers ENOEXEC when it is not ELF, as it does for kmod 30, which hands
 * {@code init_module} whatever it decompressed.
 */
final class StandardModuleImages implements ModuleImages {
    private static final int MAGIC_BYTES = 6;

    @Override
    public Optional<String> compression(String module, Path file) throws KernelCallException {
        byte[] head;
        try {
            head = SpecialFiles.head(file, MAGIC_BYTES);
        } catch (IOException e) {
            throw ioFailure("open", module, e);
        }
        Compression c = Compression.detect(head);
        return c == Compression.NONE ? Optional.empty() : Optional.of(c.sysfsName());
    }

    @Override
    public byte[] image(String module, Path file, Set<Force> force) throws KernelCallException {
        byte[] data;
        try {
            data = ModuleFile.contents(file, ModuleFile.MAX_IMAGE_SIZE);
        } catch (ModuleFormatException e) {
            throw new KernelCallException("read", module, Errno.EFBIG, e);
        } catch (IOException e) {
            throw ioFailure("read", module, e);
        }
        byte[] image;
        try {
            image = ModuleFile.uncompressed(file, data);
        } catch (ModuleFormatException e) {
            throw new KernelCallException("decompress", module, Errno.EINVAL, e);
        }
        if (force.isEmpty()) {
            return image;
        }
        try {
            if (force.contains(Force.MODVERSION)) {
                image = ModuleFile.of(file, image).withoutModversions();
            }
            if (force.contains(Force.VERMAGIC)) {
                image = ModuleFile.of(file, image).withoutVermagic();
            }
        } catch (ModuleFormatException e) {
            // libkmod's ELF reader: ENOEXEC without the ELF magic (or with nothing after it),
            // EINVAL for any other flaw of the header or sections
            throw new KernelCallException("force", module, elfIdentified(image) ? Errno.EINVAL : Errno.ENOEXEC, e);
        }
        return image;
    }

    /** Whether {@code image} is longer than {@code EI_NIDENT} (16) bytes and starts with {@code \x7fELF}. */
    static boolean elfIdentified(byte[] image) {
        return image.length > 16 && image[0] == 0x7f && image[1] == 'E' && image[2] == 'L' && image[3] == 'F';
    }

    /** The errno of a failed read: ENOENT, EACCES, else EIO. */
    static KernelCallException ioFailure(String operation, String module, IOException e) {
        int errno = e instanceof NoSuchFileException ? Errno.ENOENT
                : e instanceof AccessDeniedException ? Errno.EACCES : Errno.EIO;
        return new KernelCallException(operation, module, errno, e);
    }
}
