package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.internal.io.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Facts about the running kernel read under a root. */
final class Kernel {
    /** What is read of {@code osrelease}: one page (the release itself is at most 64 characters). */
    private static final int MAX_BYTES = 4096;

    private Kernel() {
    }

    /** The release of the running kernel, from {@code <root>/proc/sys/kernel/osrelease}. */
    static String runningRelease(Path root) throws KmodException {
        Path file = root.resolve("proc/sys/kernel/osrelease");
        try {
            // at most a page, as the kernel gives it: a root whose file is /dev/zero or a FIFO never hangs
            byte[] bytes = SpecialFiles.head(file, MAX_BYTES);
            String s = new String(bytes, StandardCharsets.US_ASCII).trim();
            if (s.isEmpty()) {
                throw new KmodException(file + ": empty kernel release");
            }
            return s;
        } catch (KmodException e) {
            throw e;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KmodException(file + ": cannot read the kernel release: no such file", e);
        } catch (IOException e) {
            throw new KmodException(file + ": cannot read the kernel release: " + e, e);
        }
    }
}
