package io.github.jkmod.core.depmod;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the files of a run into a directory as a reader should see them: every file first to a
 * temporary file beside it ({@code NAME.PID.NANOS}), and only when all are written in full, each
 * renamed over the old one. A failure (disk full, read-only directory) removes the temporary files
 * and leaves every old index as it was.
 */
final class IndexOutput {
    private IndexOutput() {
    }

    static void write(Path dir, DepmodResult result) throws KmodException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KmodException("could not create directory " + dir + ": " + Depmod.reason(e), e);
        }
        String suffix = "." + ProcessHandle.current().pid() + "." + System.nanoTime();
        List<Path[]> written = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> f : result.files().entrySet()) {
                Path tmp = dir.resolve(f.getKey() + suffix);
                written.add(new Path[] {tmp, dir.resolve(f.getKey())});
                Files.write(tmp, f.getValue());
            }
        } catch (IOException e) {
            removeAll(written);
            Path file = written.get(written.size() - 1)[1];
            throw new KmodException("Could not write index '" + file.getFileName() + "' in " + dir + ": "
                    + Depmod.reason(e) + "; the old indexes are unchanged", e);
        }
        for (Path[] p : written) {
            try {
                try {
                    Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                removeAll(written);
                throw new KmodException("renameat(" + dir + ", " + p[0].getFileName() + ", " + dir + ", "
                        + p[1].getFileName() + "): " + Depmod.reason(e), e);
            }
        }
    }

    private static void removeAll(List<Path[]> written) {
        for (Path[] p : written) {
            try {
                Files.deleteIfExists(p[0]);
            } catch (IOException ignored) {
                // best effort: the temporary file may not exist
            }
        }
    }
}
