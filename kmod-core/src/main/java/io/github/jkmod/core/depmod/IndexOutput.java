package io.github.jkmod.core.depmod;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes the files of a run into a directory as a reader should see them: each file first to a
 * temporary file beside it ({@code NAME.PID.USEC.SEC}, as depmod names them), and only when every
 * one is written in full, each renamed over the old one. A temporary file that cannot be created is
 * reported and its index skipped, as depmod does (a read-only directory: one error per file, status
 * 0). A write that fails (a full disk) removes every temporary file and fails: unlike depmod, which
 * renames the truncated file into place, every old index stays as it was.
 */
final class IndexOutput {
    private IndexOutput() {
    }

    static DepmodResult write(Path dir, Map<String, Supplier<byte[]>> files, Consumer<DepmodMessage> out)
            throws KmodException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KmodException("could not create directory " + dir + ": " + Depmod.reason(e), e);
        }
        Instant now = Instant.now();
        String suffix = "." + ProcessHandle.current().pid() + "." + now.getNano() / 1000 + "." + now.getEpochSecond();
        List<Path[]> written = new ArrayList<>();
        Map<String, byte[]> made = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<byte[]>> f : files.entrySet()) {
            Path tmp = dir.resolve(f.getKey() + suffix);
            OutputStream stream;
            try {
                stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, "openat(" + dir + ", " + tmp.getFileName()
                        + ", 301, 644): " + Depmod.reason(e)));
                continue;
            }
            written.add(new Path[] {tmp, dir.resolve(f.getKey())});
            try (stream) {
                byte[] bytes = f.getValue().get();
                made.put(f.getKey(), bytes);
                stream.write(bytes);
            } catch (IOException e) {
                removeAll(written);
                throw new KmodException("Could not create index '" + f.getKey() + "': " + Depmod.reason(e)
                        + " (no index replaced)", e);
            }
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
        return new DepmodResult(made);
    }

    private static void removeAll(List<Path[]> written) {
        for (Path[] p : written) {
            try {
                Files.deleteIfExists(p[0]);
            } catch (IOException ignored) {
                // best effort: the temporary file may be gone already
            }
        }
    }
}
