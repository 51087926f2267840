package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.testsupport.ConformanceConfig;
import io.github.jkmod.testsupport.FetchedTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One context shared by 8 threads that resolve and plan every key of the real tree at once (each
 * thread in its own order, all starting together on a fresh context so that the lazy opening of
 * indexes and the caches are raced) gives exactly the answers of one thread.
 */
class ConcurrentResolveTest {

    @Test
    void eightThreadsAgreeWithOne(@TempDir Path tmp) throws Exception {
        FetchedTree tree = FetchedTree.require();
        String release = tree.release();
        Path root = tree.root();
        List<String> keys = BenchKeys.keys(tree.moduleDir());
        Path config = ConformanceConfig.showDepends(tmp);
        List<String> expected = resolveAll(context(root, release, config), keys, 0);

        KmodContext shared = context(root, release, config);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * keys.size() / threads;
                results.add(pool.submit(() -> {
                    start.await();
                    return resolveAll(shared, keys, offset);
                }));
            }
            start.countDown();
            for (Future<List<String>> f : results) {
                assertEquals(expected, f.get(10, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static KmodContext context(Path root, String release, Path config) throws Exception {
        return KmodContext.builder().moduleRoot(root).release(release)
                .configPaths(List.of(config)).build();
    }

    /**
     * Every key's plan lines, in key order, resolved starting at {@code offset} (so that threads
     * work on different keys at the same moment).
     */
    private static List<String> resolveAll(KmodContext ctx, List<String> keys, int offset)
            throws Exception {
        String[] out = new String[keys.size()];
        for (int n = 0; n < keys.size(); n++) {
            int i = (n + offset) % keys.size();
            StringBuilder b = new StringBuilder(keys.get(i)).append(':');
            for (KernelModule m : ctx.lookup(keys.get(i))) {
                for (ProbeStep step : ctx.planInsert(m, ProbeFlags.SHOW_DEPENDS).steps()) {
                    step.showDependsLine().ifPresent(l -> b.append(l).append('|'));
                }
            }
            out[i] = b.toString();
        }
        return List.of(out);
    }
}
