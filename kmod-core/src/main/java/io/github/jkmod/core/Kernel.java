package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the running kernel read under a root. */
final class Kernel {
    private Kernel() {
    }

    /** The release of the running kernel, from {@code <root>/proc/sys/kernel/osrelease}. */
    static String runningRelease(Path root) throws KmodException {
        Path file = root.resolve("proc/sys/kernel/osrelease");
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (s.isEmpty()) {
                throw new KmodException(file + ": empty kernel release");
            }
            return s;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KmodException(file + ": cannot read the kernel release: no such file", e);
        } catch (IOException e) {
            throw new KmodException(file + ": cannot read the kernel release: " + e, e);
        }
    }
}
