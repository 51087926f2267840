package io.github.jkmod.core.kernel;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** PROVISIONAL until the elf branch is merged: uncompressed files only, no force edits. */
final class StandardModuleImages implements ModuleImages {

    @Override
    public Optional<String> compression(String module, Path file) throws KernelCallException {
        byte[] head = new byte[6];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw readFailure("open", module, e);
        }
        if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
            return Optional.of("zstd");
        }
        if (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z' && head[5] == 0) {
            return Optional.of("xz");
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Optional.of("gzip");
        }
        return Optional.empty();
    }

    @Override
    public byte[] image(String module, Path file, Set<Force> force) throws KernelCallException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw readFailure("read", module, e);
        }
    }

    static KernelCallException readFailure(String operation, String module, IOException e) {
        int errno = e instanceof NoSuchFileException ? Errno.ENOENT
                : e instanceof AccessDeniedException ? Errno.EACCES : Errno.EIO;
        return new KernelCallException(operation, module, errno, e);
    }
}
