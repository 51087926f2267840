package io.github.jkmod.core.config;

import io.github.jkmod.core.internal.io.SpecialFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads the head of a file that may be anything a path can name: a regular file, a character
 * device such as {@code /dev/zero} (endless), or a FIFO, opened by {@link SpecialFiles#open}
 * (never waiting for a writer). At most {@code max} bytes are read, so an endless or huge file
 * costs at most that much memory.
 */
final class BoundedRead {
    private BoundedRead() {
    }

    /**
     * The first {@code max} bytes of {@code file} (all of it when it is shorter).
     *
     * @throws IOException when the file cannot be opened or read (as {@link java.nio.file.Files#newInputStream})
     */
    static byte[] head(Path file, int max) throws IOException {
        try (InputStream in = SpecialFiles.open(file)) {
            return in.readNBytes(max);
        }
    }
}
