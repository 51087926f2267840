package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.modinfo.CompressedDataException;
import io.github.jkmod.core.modinfo.ModVersion;
import io.github.jkmod.core.modinfo.ModuleFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code modprobe --show-modversions FILE} and {@code --show-exports FILE}: only the first
 * operand is read. A name that cannot be stat()ed, or whose base name is empty, is "not found"; a file libkmod cannot read as
 * a module fails with the errno libkmod gives ({@link LibkmodElfCheck}); a module without the
 * table fails with ENOENT (kmod 30) or ENODATA (kmod 34).
 */
final class DumpSymbolsAction {
    /** EISDIR: read() of a directory. */
    private static final int EISDIR = 21;
    /** ENODATA: kmod 34's answer for a module without the table asked for. */
    private static final int ENODATA = 61;
    /** EFBIG: a file larger than {@link ModuleFile#MAX_IMAGE_SIZE}. */
    private static final int EFBIG = 27;

    private DumpSymbolsAction() {
    }

    static int run(Invocation inv, boolean exports) throws KmodException {
        String name = inv.options().operands().get(0);
        Path file;
        try {
            // libkmod takes the module name from the base name: none (a name ending in '/') is
            // "not found", and so is a name stat() refuses (Path.of would drop the '/').
            file = name.isEmpty() || name.endsWith("/") ? null : RawArguments.path(name);
        } catch (InvalidPathException e) {
            file = null; // bytes this JVM cannot name a file with
        }
        if (file == null || !Files.exists(file)) {
            inv.logMain("Module " + name + " not found.");
            return 1;
        }
        String what = exports ? "symbols" : "modversions";
        byte[] data;
        try {
            data = ModuleFile.contents(file, ModuleFile.MAX_IMAGE_SIZE);
        } catch (ModuleFormatException e) {
            return fail(inv, what, name, EFBIG); // over jkmod's limit (a listed difference)
        } catch (AccessDeniedException e) {
            return fail(inv, what, name, Errno.EACCES);
        } catch (IOException e) {
            return fail(inv, what, name, Files.isDirectory(file) ? EISDIR : Errno.EIO);
        }
        int errno = LibkmodElfCheck.ofFileSize(data.length);
        List<ModVersion> list = List.of();
        if (errno == 0) {
            try {
                byte[] image = ModuleFile.uncompressed(file, data);
                errno = LibkmodElfCheck.of(image);
                if (errno == 0) {
                    ModuleFile module = ModuleFile.of(file, image);
                    boolean present = exports ? module.hasExportTable() : module.hasVersions();
                    list = exports ? module.exports() : module.versions();
                    errno = present ? 0 : inv.options().profile() == KmodProfile.KMOD_30 ? Errno.ENOENT : ENODATA;
                }
            } catch (CompressedDataException e) {
                // kmod 34 names the decoder's failure first
                if (inv.options().profile() != KmodProfile.KMOD_30 && e.kmodDecoderMessage().isPresent()) {
                    inv.log().error(e.kmodDecoderMessage().get());
                }
                errno = Errno.EINVAL;
            } catch (ModuleFormatException e) {
                errno = Errno.EINVAL; // a broken part libkmod reads
            }
        }
        if (errno != 0) {
            return fail(inv, what, name, errno);
        }
        for (ModVersion v : list) {
            inv.out().println(v.format());
        }
        return 0;
    }

    private static int fail(Invocation inv, String what, String name, int errno) {
        inv.logMain("could not get " + what + " of " + name + ": " + Errno.strerror(errno));
        return 1;
    }
}
