package io.github.jkmod.core.kernel;

import java.time.Duration;

/** Time for {@link ModuleLoader#removeWaiting}: a monotonic clock and a sleep (faked in tests). */
interface Pacer {
    /** The system's monotonic clock and {@link Thread#sleep}. */
    Pacer SYSTEM = new Pacer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /** Monotonic nanoseconds. */
    long nanoTime();

    /** Sleeps for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
