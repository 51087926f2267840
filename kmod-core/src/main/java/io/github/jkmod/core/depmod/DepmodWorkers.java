package io.github.jkmod.core.depmod;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * depmod's worker threads: one per processor, daemons (a run that fails never keeps the JVM
 * alive), named for thread dumps. Not the common pool: on two processors it has a single worker,
 * and a thread waiting for a result does not help it.
 */
final class DepmodWorkers {
    private DepmodWorkers() {
    }

    /**
     * A new pool.
     *
     * @param name the name of its threads
     * @return one daemon thread per processor
     */
    static ExecutorService start(String name) {
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
