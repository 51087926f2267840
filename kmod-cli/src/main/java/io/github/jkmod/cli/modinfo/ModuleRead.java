package io.github.jkmod.cli.modinfo;

import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.modinfo.CompressedDataException;
import io.github.jkmod.core.modinfo.Compression;
import io.github.jkmod.core.modinfo.ModinfoField;
import io.github.jkmod.core.modinfo.ModuleFile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A module file read for {@code modinfo}: its fields, or the errno libkmod fails it with
 * ({@code kmod_module_get_info}), and what kmod 34's decoder logs for a corrupt xz stream.
 *
 * @param fields the fields ({@code .modinfo} records, then the signature's), when read
 * @param errno 0, or why the file could not be read
 * @param decoderMessage kmod 34's decoder message (e.g. {@code xz: File is corrupt}), if any
 */
record ModuleRead(List<ModinfoField> fields, int errno, Optional<String> decoderMessage) {
    /** EISDIR: read() of a directory. */
    private static final int EISDIR = 21;
    /** EFBIG: a file larger than {@link ModuleFile#MAX_IMAGE_SIZE}. */
    private static final int EFBIG = 27;
    /** ENODATA: kmod 34's answer for a file without a {@code .modinfo} section. */
    private static final int ENODATA = 61;

    private static ModuleRead failed(int errno) {
        return new ModuleRead(List.of(), errno, Optional.empty());
    }

    /**
     * Reads {@code arg} (bytes of a path, one char per byte) as {@code profile}'s libkmod does.
     *
     * @param arg the file
     * @param profile the kmod release followed
     * @return the fields or the failure
     */
    static ModuleRead of(String arg, KmodProfile profile) {
        Path file;
        try {
            file = ToolAccess.path(arg);
        } catch (InvalidPathException e) {
            return failed(Errno.ENOENT);
        }
        byte[] data;
        try {
            data = ModuleFile.contents(file, ModuleFile.MAX_IMAGE_SIZE);
        } catch (ModuleFormatException e) {
            return failed(EFBIG);
        } catch (NoSuchFileException e) {
            return failed(Errno.ENOENT);
        } catch (AccessDeniedException e) {
            return failed(Errno.EACCES);
        } catch (IOException e) {
            return failed(Files.isDirectory(file) ? EISDIR : Errno.EIO);
        }
        int errno = ToolAccess.libkmodFileSizeErrno(data.length);
        if (errno != 0) {
            return failed(errno);
        }
        try {
            byte[] image = ModuleFile.uncompressed(file, data);
            errno = ToolAccess.libkmodElfErrno(image);
            if (errno != 0) {
                return failed(errno);
            }
            ModuleFile module = ModuleFile.of(file, image);
            if (!module.hasModinfo()) {
                return failed(profile == KmodProfile.KMOD_30 ? Errno.ENOENT : ENODATA);
            }
            return new ModuleRead(module.info(), 0, Optional.empty());
        } catch (CompressedDataException e) {
            Optional<String> message = e.method() == Compression.XZ ? e.kmodDecoderMessage() : Optional.empty();
            return new ModuleRead(List.of(), Errno.EINVAL, message);
        } catch (ModuleFormatException e) {
            return failed(Errno.EINVAL);
        }
    }
}
