package io.github.jkmod.core.depmod;

import io.github.jkmod.KmodException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Reads module files on worker threads (one per processor) as the scan finds them, so that
 * reading overlaps the walk of the tree. A file found but then not indexed (a duplicate that
 * loses to another by the search order) is read for nothing and never reported; a file the scan
 * did not hand over is started when taken. The result of a read is its {@link ModuleContents} or the
 * exception that ended it.
 */
final class ModulePrefetch implements AutoCloseable {
    private final ExecutorService workers;
    private final Map<String, CompletableFuture<Object>> started = new ConcurrentHashMap<>();

    /** A prefetch with one daemon worker per processor. */
    ModulePrefetch() {
        this.workers = DepmodWorkers.start("depmod-read");
    }

    /** Starts reading {@code path}, once. */
    void start(String path) {
        started.computeIfAbsent(path, p -> CompletableFuture.supplyAsync(() -> read(p), workers));
    }

    /**
     * The reads of {@code paths}, in their order: those not started yet (module files named on the
     * command line) are started now, on the same workers, then all are waited for.
     */
    Object[] take(List<String> paths) {
        for (String p : paths) {
            start(p);
        }
        Object[] out = new Object[paths.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = started.get(paths.get(i)).join();
        }
        return out;
    }

    private static Object read(String path) {
        try {
            return ModuleReader.read(Path.of(path));
        } catch (KmodException | RuntimeException e) {
            return e;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
