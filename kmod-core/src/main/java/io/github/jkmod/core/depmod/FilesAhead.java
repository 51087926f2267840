package io.github.jkmod.core.depmod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes depmod's files all at once, on one worker per processor, while handing them out one by one as if
 * each were made when asked for: a file's messages are held back and passed on, in order, when
 * that file is taken; a file never taken passes none on. The makers only read what they are given.
 */
final class FilesAhead {
    private FilesAhead() {
    }

    /**
     * Starts every maker.
     *
     * @param makers the files by name, in order; each maker gets the listener for its messages
     * @param out where the messages of a file go once it is taken
     * @return the files by name, in the same order, each waiting for its maker when taken
     */
    static Map<String, Supplier<byte[]>> start(Map<String, Function<Consumer<DepmodMessage>, byte[]>> makers,
            Consumer<DepmodMessage> out) {
        // The workers end once every file is made (shutdown lets them finish).
        ExecutorService workers = DepmodWorkers.start("depmod-files");
        Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Function<Consumer<DepmodMessage>, byte[]>> m : makers.entrySet()) {
                List<DepmodMessage> held = new ArrayList<>();
                Function<Consumer<DepmodMessage>, byte[]> maker = m.getValue();
                CompletableFuture<byte[]> made = CompletableFuture.supplyAsync(() -> maker.apply(held::add), workers);
                files.put(m.getKey(), () -> take(made, held, out));
            }
        } finally {
            workers.shutdown();
        }
        return files;
    }

    private static byte[] take(CompletableFuture<byte[]> made, List<DepmodMessage> held, Consumer<DepmodMessage> out) {
        byte[] bytes;
        try {
            bytes = made.join();
        } catch (CompletionException e) {
            held.forEach(out);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
        held.forEach(out);
        return bytes;
    }
}
