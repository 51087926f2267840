package io.github.jkmod.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kernel creates {@code /sys/module/NAME/} before {@code initstate} (docs/semantics.md). kmod 18
 * takes a module in that window for a builtin one; kmod 20 says COMING.
 */
class InitstateRaceTest extends TwoFileSystemsTest {

    private static final String MODULE = "af_packet_diag";

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void theWindowIsBuiltinForKmod18AndComingForKmod20(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        KernelState kmod20 = tree.kernelState();
        KernelState kmod18 = kmod20.withLogic(InitstateLogic.KMOD_18);
        FakeModule module = tree.module(MODULE);

        module.inWindow();
        assertEquals(ModuleState.BUILTIN, kmod18.state(MODULE)); // the race: modprobe would return at once
        assertEquals(ModuleState.COMING, kmod20.state(MODULE));  // modprobe calls finit_module and waits
        assertEquals(ProcModule.ProcState.LOADING, kmod20.procModules().get(0).state()); // yet the kernel is loading it
        assertEquals(OptionalInt.empty(), kmod20.refcount(MODULE));

        module.coming();
        assertEquals(ModuleState.COMING, kmod18.state(MODULE));
        assertEquals(ModuleState.COMING, kmod20.state(MODULE));

        module.live();
        assertEquals(ModuleState.LIVE, kmod18.state(MODULE));
        assertEquals(ModuleState.LIVE, kmod20.state(MODULE));
        assertEquals(OptionalInt.of(0), kmod20.refcount(MODULE));

        module.going();
        assertEquals(ModuleState.GOING, kmod18.state(MODULE));
        assertEquals(ModuleState.GOING, kmod20.state(MODULE));
        assertEquals(ProcModule.ProcState.UNLOADING, kmod20.procModules().get(0).state());

        module.remove();
        assertEquals(ModuleState.NOT_LOADED, kmod18.state(MODULE));
        assertEquals(ModuleState.NOT_LOADED, kmod20.state(MODULE));
        assertEquals(List.of(), kmod20.procModules());
    }

    /** One reading by one reader: the writer's epoch before and after, and what each logic said. */
    private record Reading(long before, long after, ModuleState kmod20, ModuleState kmod18) {
        /** A reading made entirely while the tree stood still at one step. */
        boolean clean() {
            return before == after && before % 2 == 0;
        }
    }

    /**
     * A writer moves the module absent -> window -> coming -> live while readers poll with both
     * logics. The writer moves on only once every reader has made a reading entirely within the
     * current step (a seqlock-like epoch tells), so each step is observed without any timing.
     */
    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void readersPollingWhileAModuleLoadsSeeWhatEachLogicPromises(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        KernelState kmod20 = tree.kernelState();
        KernelState kmod18 = kmod20.withLogic(InitstateLogic.KMOD_18);
        FakeModule module = tree.module(MODULE);
        List<Consumer<FakeModule>> steps = List.of(m -> { }, FakeModule::inWindow, FakeModule::coming, FakeModule::live);
        List<ModuleState> expected20 = List.of(ModuleState.NOT_LOADED, ModuleState.COMING, ModuleState.COMING, ModuleState.LIVE);
        List<ModuleState> expected18 = List.of(ModuleState.NOT_LOADED, ModuleState.BUILTIN, ModuleState.COMING, ModuleState.LIVE);
        int readers = 3;

        AtomicLong epoch = new AtomicLong(); // 2 * step while still, odd while the writer writes
        List<CountDownLatch> seen = new ArrayList<>();
        steps.forEach(s -> seen.add(new CountDownLatch(readers)));
        AtomicBoolean done = new AtomicBoolean();
        List<List<Reading>> readings = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            List<Reading> mine = new ArrayList<>();
            readings.add(mine);
            threads.add(new Thread(() -> {
                Set<Long> counted = ConcurrentHashMap.newKeySet();
                try {
                    while (!done.get()) {
                        long before = epoch.get();
                        Reading reading = new Reading(before, 0, kmod20.state(MODULE), kmod18.state(MODULE));
                        reading = new Reading(before, epoch.get(), reading.kmod20(), reading.kmod18());
                        mine.add(reading);
                        if (reading.clean() && counted.add(before)) {
                            seen.get((int) (before / 2)).countDown();
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                    seen.forEach(l -> { while (l.getCount() > 0) l.countDown(); });
                }
            }, "reader-" + r));
        }
        threads.forEach(Thread::start);
        try {
            for (int step = 1; step < steps.size(); step++) {
                assertTrue(seen.get(step - 1).await(60, TimeUnit.SECONDS), "readers stalled"); // hang guard only
                epoch.incrementAndGet();
                steps.get(step).accept(module);
                epoch.incrementAndGet();
            }
            assertTrue(seen.get(steps.size() - 1).await(60, TimeUnit.SECONDS), "readers stalled");
        } finally {
            done.set(true);
            for (Thread t : threads) {
                t.join();
            }
        }

        assertEquals(List.of(), failures);
        int clean = 0;
        for (List<Reading> mine : readings) {
            int rank20 = 0;
            int rank18 = 0;
            for (Reading reading : mine) {
                assertFalse(reading.kmod20() == ModuleState.BUILTIN, "kmod-20 said BUILTIN for a loading module");
                // the tree only moves forward, so what each logic says only moves forward too
                int r20 = expected20.indexOf(reading.kmod20());
                int r18 = expected18.indexOf(reading.kmod18());
                assertTrue(r20 >= 0 && r18 >= 0, reading.toString());
                assertTrue(r20 >= rank20 && r18 >= rank18, "went backwards: " + reading);
                rank20 = r20;
                rank18 = r18;
                if (reading.clean()) {
                    int step = (int) (reading.before() / 2);
                    assertEquals(expected20.get(step), reading.kmod20(), "kmod-20 at step " + step);
                    assertEquals(expected18.get(step), reading.kmod18(), "kmod-18 at step " + step);
                    clean++;
                }
            }
            // every reader saw every step cleanly, the window included
            for (int step = 0; step < steps.size(); step++) {
                long at = 2L * step;
                assertTrue(mine.stream().anyMatch(x -> x.clean() && x.before() == at), "step " + step);
            }
        }
        assertTrue(clean >= readers * steps.size());
    }

    /**
     * A module that appears and disappears while readers read each of its files: every answer is
     * either the loaded one or the not-loaded one, never an error nor a mix (NoSuchFileException
     * while reading means "not loaded").
     */
    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void aModuleVanishingBetweenTwoReadsIsNotLoadedNeverAnError(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        FakeModule module = tree.module("loop").refcount(1).holder("squashfs").parameter("max_part", "8")
                .section(".text", 0xffffffffc0000000L).coresize(32768);
        KernelState kernel = tree.kernelState();
        KernelState kmod18 = kernel.withLogic(InitstateLogic.KMOD_18);
        AtomicBoolean done = new AtomicBoolean();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicLong reads = new AtomicLong();
        AtomicLong falseWindows = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(new Thread(() -> {
                try {
                    while (!done.get()) {
                        // A false window needs the module to vanish and reappear between two reads:
                        // rare, but possible on a loaded machine, and the same as on a real kernel.
                        ModuleState s20 = kernel.state("loop");
                        oneOf(Set.of(ModuleState.LIVE, ModuleState.NOT_LOADED, ModuleState.COMING), s20);
                        ModuleState s18 = kmod18.state("loop");
                        oneOf(Set.of(ModuleState.LIVE, ModuleState.NOT_LOADED, ModuleState.BUILTIN), s18);
                        if (s20 == ModuleState.COMING || s18 == ModuleState.BUILTIN) {
                            falseWindows.incrementAndGet();
                        }
                        oneOf(Set.of(OptionalInt.empty(), OptionalInt.of(1)), kernel.refcount("loop"));
                        oneOf(Set.of(List.of(), List.of("squashfs")), kernel.holders("loop"));
                        oneOf(Set.of(Map.of(), Map.of("max_part", "8")), kernel.parameters("loop"));
                        oneOf(Set.of(Map.of(), Map.of(".text", 0xffffffffc0000000L)), kernel.sections("loop"));
                        assertTrue(kernel.procModules().size() <= 1);
                        reads.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        readers.forEach(Thread::start);
        try {
            for (int cycle = 0; cycle < 200 && failures.isEmpty(); cycle++) {
                module.live();
                module.remove();
            }
        } finally {
            done.set(true);
            for (Thread t : readers) {
                t.join();
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(reads.get() > 0);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                kind + ": " + reads.get() + " rounds of reads, " + falseWindows.get() + " false windows");
    }

    private static <T> void oneOf(Set<T> allowed, T actual) {
        assertTrue(allowed.contains(actual), () -> actual + " is none of " + allowed);
    }
}
