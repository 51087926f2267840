package io.github.jkmod.cli.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.CoreRunner;
import io.github.jkmod.cli.Jmodprobe;
import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's scenario end to end, without a kernel: three "kernel-started" {@code jmodprobe -q --
 * net-pf-99-proto-1} run at once on the example tree, against a fake kernel that, like the real
 * one, creates {@code /sys/module/demo_net/} before its {@code initstate} and makes a second loader
 * wait. The first loader holds the window open until the others have decided. Each loader records
 * whether the module was live when it exited with success.
 */
class SeedRaceThroughJmodprobeTest {
    private static final String RELEASE = "6.1.0-jkmod-example";
    private static final int ROUNDS = 150;
    private static final long TIMEOUT = 60;

    @TempDir
    Path root;
    private FakeKernelTree tree;
    private FakeKernel kernel;

    @BeforeEach
    void setUp() throws Exception {
        PathUtils.copyDirectory(Path.of("src/example/root/lib"), root.resolve("lib"));
        tree = FakeKernelTree.at(root);
        tree.cmdline("");
        tree.file("proc/sys/kernel/osrelease", RELEASE + "\n");
        tree.module("demo_crc").live();
        tree.module("demo_core").live();
        kernel = FakeKernel.on(tree);
    }

    /** What one round showed. */
    private static final class Round {
        final CountDownLatch windowOpen = new CountDownLatch(1);
        private int decided;

        synchronized void decided() {
            decided++;
            notifyAll();
        }

        synchronized void awaitDecided(int others) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT);
            while (decided < others) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("loaders never decided: " + decided + " of " + others);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private int earlySuccesses(String logic) throws Exception {
        Round[] current = new Round[1];
        ThreadLocal<boolean[]> waited = ThreadLocal.withInitial(() -> new boolean[1]);
        kernel.onWindow(m -> {
            Round r;
            synchronized (current) {
                r = current[0];
            }
            r.windowOpen.countDown();
            r.awaitDecided(2);
        });
        kernel.onWait(m -> {
            waited.get()[0] = true;
            synchronized (current) {
                current[0].decided();
            }
        });
        CoreRunner runner = new CoreRunner(kernel, CommandRunner.SHELL, root, root);
        Map<String, String> env = Map.of("JKMOD_INITSTATE_LOGIC", logic);
        int early = 0;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Round r = new Round();
                synchronized (current) {
                    current[0] = r;
                }
                List<Future<Boolean>> loaders = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    boolean first = i == 0;
                    loaders.add(pool.submit(() -> {
                        waited.get()[0] = false;
                        if (!first && !r.windowOpen.await(TIMEOUT, TimeUnit.SECONDS)) {
                            throw new AssertionError("the window never opened");
                        }
                        ByteArrayOutputStream err = new ByteArrayOutputStream();
                        int status = Jmodprobe.run("/sbin/modprobe",
                                new String[] {"-q", "--", "net-pf-99-proto-1"},
                                new PrintStream(new ByteArrayOutputStream()),
                                new PrintStream(err, true, StandardCharsets.UTF_8), env, runner,
                                SyslogSink.DISCARD);
                        boolean live = kernel.phase("demo_net") == Phase.LIVE;
                        if (!waited.get()[0] && !first) {
                            r.decided();
                        }
                        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
                        return live;
                    }));
                }
                for (Future<Boolean> f : loaders) {
                    if (!f.get(TIMEOUT, TimeUnit.SECONDS)) {
                        early++;
                    }
                }
                assertEquals(Phase.LIVE, kernel.phase("demo_net"));
                kernel.deleteModule("demo_net", KernelCalls.DELETE_NONBLOCK);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("[seed race through jmodprobe] " + logic + ": " + early + " of "
                + (3 * ROUNDS) + " loaders exited 0 before demo_net was live");
        return early;
    }

    @Test
    void kmod18ReturnsSuccessBeforeTheModuleIsLive() throws Exception {
        int early = earlySuccesses("kmod18");
        assertTrue(early > 0, "the bug is reproduced");
        assertEquals(2 * ROUNDS, early, "both late loaders take the window for builtin");
    }

    @Test
    void kmod20NeverReturnsBeforeTheModuleIsLive() throws Exception {
        assertEquals(0, earlySuccesses("kmod20"));
    }
}
