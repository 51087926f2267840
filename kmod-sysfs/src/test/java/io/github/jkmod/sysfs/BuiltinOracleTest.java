package io.github.jkmod.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The caching wrapper asks once per module, from any number of threads, and does not keep failures. */
class BuiltinOracleTest extends TwoFileSystemsTest {

    @Test
    void asksOncePerModuleFromManyThreads() throws Exception {
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        BuiltinOracle oracle = BuiltinOracle.caching(module -> {
            asked.computeIfAbsent(module, m -> new AtomicInteger()).incrementAndGet();
            return module.startsWith("b");
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 1000; i++) {
                        assertEquals(i % 2 == 0, oracle.isBuiltin((i % 2 == 0 ? "b" : "m") + (i % 10)));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(10, asked.size());
        asked.forEach((module, count) -> assertEquals(1, count.get(), module));
    }

    @Test
    void failuresAreNotKeptAndCachingTwiceIsTheSameOracle() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BuiltinOracle flaky = module -> {
            if (calls.incrementAndGet() == 1) {
                throw new KmodException("modules.builtin.bin: offset 12: bad magic");
            }
            return true;
        };
        BuiltinOracle oracle = BuiltinOracle.caching(flaky);
        KmodException e = assertThrows(KmodException.class, () -> oracle.isBuiltin("ext4"));
        assertEquals("modules.builtin.bin: offset 12: bad magic", e.getMessage());
        assertTrue(oracle.isBuiltin("ext4"));
        assertTrue(oracle.isBuiltin("ext4"));
        assertEquals(2, calls.get());
        assertSame(oracle, BuiltinOracle.caching(oracle));
        assertFalse(BuiltinOracle.none().isBuiltin("ext4"));
    }

    @Test
    void kernelStateAsksItsOracleOncePerModuleAndPassesItsFailuresOn() throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(FileSystemKind.JIMFS));
        tree.module("ext4").live();
        AtomicInteger calls = new AtomicInteger();
        KernelState kernel = KernelState.ofRoot(tree.root()).withBuiltinOracle(m -> {
            calls.incrementAndGet();
            return false;
        });
        for (int i = 0; i < 5; i++) {
            assertEquals(ModuleState.LIVE, kernel.state("ext4"));
        }
        assertEquals(1, calls.get());
        KernelState broken = kernel.withBuiltinOracle(m -> {
            throw new KmodException("modules.builtin.bin: offset 0: bad magic 0x00000000");
        });
        KmodException e = assertThrows(KmodException.class, () -> broken.state("ext4"));
        assertEquals("modules.builtin.bin: offset 0: bad magic 0x00000000", e.getMessage());
        // kmod 18 asks the builtin index first too, so it meets the same failure
        e = assertThrows(KmodException.class, () -> broken.withLogic(InitstateLogic.KMOD_18).state("ext4"));
        assertEquals("modules.builtin.bin: offset 0: bad magic 0x00000000", e.getMessage());
    }
}
