package io.github.jkmod.core.kernel.testing;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.modinfo.ModuleFile;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

/**
 * A kernel that loads modules into a {@link FakeKernelTree} the way Linux does, for tests.
 *
 * <p>A load of module X ({@code finit_module} or {@code init_module}):
 *
 * <ol>
 *   <li>checks the input as the kernel would: {@code init_module} needs an ELF image, and so does
 *       {@code finit_module} without {@link KernelCalls#FINIT_COMPRESSED_FILE}; with that flag the
 *       file must start with the magic of the method in {@code sys/module/compression} and
 *       decompress ({@code EINVAL} otherwise), to an ELF image ({@code ENOEXEC} otherwise);
 *   <li>if another load of X is running, waits until it ends, then answers {@code EEXIST} (or, when
 *       that load failed, loads X itself, as Linux 6.1 does); if X is live, builtin or going,
 *       answers {@code EEXIST};
 *   <li>otherwise creates {@code sys/module/X/} without {@code initstate} (the window of
 *       docs/semantics.md) and runs the {@link #onWindow window hook}; writes {@code initstate =
 *       coming}, runs the {@link #onInit init hook} (the module's init function), then writes
 *       {@code live} and wakes the waiting loaders.
 * </ol>
 *
 * <p>{@code delete_module}: {@code ENOENT} when X is not loaded (or builtin), {@code EBUSY} while it
 * is loading, {@code EAGAIN} when marked {@link #inUse in use} (unless
 * {@link KernelCalls#DELETE_FORCE}); otherwise X goes away. With {@link #holdingDependencies()}, a
 * module holds the modules of its {@code depends=} field while loaded, as Linux counts them.
 * Errors can be injected for any call
 * ({@link #failNext}, {@link #failAlways}, {@link #failInit}). Every call is recorded
 * ({@link #calls()}). Thread-safe; hooks run outside the fake's lock, on the loading thread.
 */
public final class FakeKernel implements KernelCalls {

    /** The three system calls. */
    public enum Call {
        /** {@code finit_module}. */
        FINIT_MODULE,
        /** {@code init_module}. */
        INIT_MODULE,
        /** {@code delete_module}. */
        DELETE_MODULE
    }

    /**
     * One recorded call.
     *
     * @param call which call
     * @param module the module name given
     * @param params the parameters ({@code ""} for {@code delete_module})
     * @param flags the flags ({@code 0} for {@code init_module})
     * @param file the file ({@code finit_module} only)
     * @param image a copy of the image ({@code init_module} only; empty otherwise)
     */
    public record Invocation(Call call, String module, String params, int flags, Optional<Path> file, byte[] image) {
        /**
         * Checks and copies.
         *
         * @param call which call
         * @param module the module name given
         * @param params the parameters
         * @param flags the flags
         * @param file the file, or empty
         * @param image the image, or empty; copied
         */
        public Invocation {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(file, "file");
            image = image.clone();
        }

        /**
         * A copy of the image.
         *
         * @return a new copy of the image given to {@code init_module}, empty for the other calls
         */
        @Override
        public byte[] image() {
            return image.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Invocation i && call == i.call && module.equals(i.module) && params.equals(i.params)
                    && flags == i.flags && file.equals(i.file) && Arrays.equals(image, i.image);
        }

        @Override
        public int hashCode() {
            return Objects.hash(call, module, params, flags, file, Arrays.hashCode(image));
        }

        @Override
        public String toString() {
            return call + "(" + module + ", '" + params + "', flags=" + flags
                    + file.map(f -> ", " + f).orElse("") + (image.length > 0 ? ", " + image.length + " bytes" : "") + ")";
        }
    }

    /** Code run by the loading thread at a point of a load, to hold the window open or observe it. */
    @FunctionalInterface
    public interface LoadHook {
        /**
         * Runs for {@code module}.
         *
         * @param module the module being loaded
         * @throws InterruptedException to abort the load (the loader gets {@code EINTR})
         */
        void run(String module) throws InterruptedException;
    }

    private static final LoadHook NOTHING = m -> { };
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final Map<String, byte[]> COMPRESSION_MAGIC = Map.of(
            "gzip", new byte[] {0x1f, (byte) 0x8b},
            "xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0},
            "zstd", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

    private final FakeKernelTree tree;
    private final Object lock = new Object();
    // Guarded by lock.
    private final Map<String, Load> loading = new HashMap<>();
    private final Map<String, Integer> waiters = new HashMap<>();
    private final Map<Call, Queue<Integer>> nextFailures = new EnumMap<>(Call.class);
    private final Map<Call, Integer> alwaysFailures = new EnumMap<>(Call.class);
    private final Map<String, Integer> initFailures = new HashMap<>();
    private final Set<String> inUse = new HashSet<>();
    private final List<Invocation> calls = new ArrayList<>();
    private final ModuleUses uses = new ModuleUses();
    private volatile boolean holdingDependencies;
    private volatile LoadHook onWindow = NOTHING;
    private volatile LoadHook onInit = NOTHING;
    private volatile LoadHook onWait = NOTHING;

    private FakeKernel(FakeKernelTree tree) {
        this.tree = Objects.requireNonNull(tree, "tree");
    }

    /**
     * A fake kernel that loads into {@code tree}.
     *
     * @param tree the fake sysfs and procfs to load into
     * @return the new kernel, with no hook and no injected error
     */
    public static FakeKernel on(FakeKernelTree tree) {
        return new FakeKernel(tree);
    }

    /**
     * The tree modules are loaded into.
     *
     * @return the tree given to {@link #on}
     */
    public FakeKernelTree tree() {
        return tree;
    }

    /**
     * Runs {@code hook} in the window: the module's directory exists, {@code initstate} does not
     * yet.
     *
     * @param hook what to run, e.g. a latch a test waits on
     * @return this kernel, for chaining
     */
    public FakeKernel onWindow(LoadHook hook) {
        this.onWindow = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /**
     * Runs {@code hook} as the module's init function: {@code initstate} is {@code coming}.
     *
     * @param hook what to run
     * @return this kernel, for chaining
     */
    public FakeKernel onInit(LoadHook hook) {
        this.onInit = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /**
     * Runs {@code hook} on a loader's thread when it starts waiting for another load of the module.
     *
     * @param hook what to run
     * @return this kernel, for chaining
     */
    public FakeKernel onWait(LoadHook hook) {
        this.onWait = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /**
     * The next {@code call} fails with {@code errno} before doing anything (queued: one per call).
     *
     * @param call the call to fail
     * @param errno the positive error number to answer
     * @return this kernel, for chaining
     */
    public FakeKernel failNext(Call call, int errno) {
        checkErrno(errno);
        synchronized (lock) {
            nextFailures.computeIfAbsent(call, c -> new ArrayDeque<>()).add(errno);
        }
        return this;
    }

    /**
     * Every {@code call} fails with {@code errno} before doing anything, e.g.
     * {@code failAlways(Call.FINIT_MODULE, Errno.ENOSYS)} for a kernel without {@code finit_module};
     * {@code errno} 0 stops it.
     *
     * @param call the call to fail
     * @param errno the positive error number to answer, or 0 to stop failing
     * @return this kernel, for chaining
     */
    public FakeKernel failAlways(Call call, int errno) {
        synchronized (lock) {
            if (errno == 0) {
                alwaysFailures.remove(call);
            } else {
                checkErrno(errno);
                alwaysFailures.put(call, errno);
            }
        }
        return this;
    }

    /**
     * The init function of {@code module} fails with {@code errno} (once): the module goes away after
     * {@code coming} and the loader gets the error; waiting loaders then load it themselves.
     *
     * @param module the module whose init fails
     * @param errno the positive error number its init returns
     * @return this kernel, for chaining
     */
    public FakeKernel failInit(String module, int errno) {
        checkErrno(errno);
        synchronized (lock) {
            initFailures.put(module, errno);
        }
        return this;
    }

    /**
     * Marks {@code module} in use (or not): {@code delete_module} answers {@code EAGAIN} unless
     * forced.
     *
     * @param module the module's name
     * @param used true to mark it in use, false to clear the mark
     * @return this kernel, for chaining
     */
    public FakeKernel inUse(String module, boolean used) {
        synchronized (lock) {
            if (used) {
                inUse.add(module);
            } else {
                inUse.remove(module);
            }
        }
        return this;
    }

    /**
     * From now on modules hold their dependencies, as the kernel's symbol resolution makes them: a
     * load reads the {@code depends=} field of the module's modinfo, waits for a dependency that is
     * being loaded, fails with {@code ENOENT} (an unknown symbol) when one is not live, and otherwise
     * adds itself to each one's {@code holders/} (so its {@code refcnt} counts it). A module with
     * holders cannot be removed ({@code EAGAIN}, unless {@link KernelCalls#DELETE_FORCE}); a removed
     * module lets go of its dependencies. Images without readable modinfo have no dependencies.
     *
     * @return this kernel, for chaining
     */
    public FakeKernel holdingDependencies() {
        this.holdingDependencies = true;
        return this;
    }

    /**
     * Every call so far, in order.
     *
     * @return the recorded calls, oldest first
     */
    public List<Invocation> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /**
     * How many loaders are waiting for a load of {@code module} to end.
     *
     * @param module the module's name
     * @return the number of loaders waiting now
     */
    public int waiting(String module) {
        synchronized (lock) {
            return waiters.getOrDefault(module, 0);
        }
    }

    /**
     * The phase of {@code module} in the tree.
     *
     * @param module the module's name
     * @return the module's phase
     */
    public FakeModule.Phase phase(String module) {
        return tree.module(module).phase();
    }

    @Override
    public void finitModule(String module, Path file, String params, int flags) throws KmodException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(params, "params");
        enter(new Invocation(Call.FINIT_MODULE, module, params, flags, Optional.of(file), new byte[0]));
        byte[] head = head(module, file);
        if ((flags & FINIT_COMPRESSED_FILE) != 0) {
            byte[] magic = kernelCompression().map(COMPRESSION_MAGIC::get).orElse(null);
            if (magic == null || !startsWith(head, magic)) {
                throw new KernelCallException("finit_module", module, Errno.EINVAL);
            }
            head = decompressed(module, file);
        } else if (holdingDependencies) {
            head = whole(module, file);
        }
        if (!startsWith(head, ELF_MAGIC)) {
            throw new KernelCallException("finit_module", module, Errno.ENOEXEC);
        }
        load("finit_module", module, head);
    }

    @Override
    public void initModule(String module, byte[] image, String params) throws KmodException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(params, "params");
        enter(new Invocation(Call.INIT_MODULE, module, params, 0, Optional.empty(), image));
        if (!startsWith(image, ELF_MAGIC)) {
            throw new KernelCallException("init_module", module, Errno.ENOEXEC);
        }
        load("init_module", module, image);
    }

    @Override
    public void deleteModule(String module, int flags) throws KmodException {
        enter(new Invocation(Call.DELETE_MODULE, module, "", flags, Optional.empty(), new byte[0]));
        synchronized (lock) {
            FakeModule m = tree.module(module);
            if (loading.containsKey(module)) {
                throw new KernelCallException("delete_module", module, Errno.EBUSY);
            }
            switch (m.phase()) {
                case ABSENT:
                case BUILTIN:
                    throw new KernelCallException("delete_module", module, Errno.ENOENT);
                case WINDOW:
                case COMING:
                case GOING:
                    throw new KernelCallException("delete_module", module, Errno.EBUSY);
                default:
                    break;
            }
            boolean held = !uses.holders(module).isEmpty();
            if ((inUse.contains(module) || held) && (flags & DELETE_FORCE) == 0) {
                throw new KernelCallException("delete_module", module, Errno.EAGAIN);
            }
            m.going();
            m.remove();
            inUse.remove(module);
            for (String holder : uses.dropHolders(module)) {
                m.removeHolder(holder); // forced: its users stay loaded, no longer counted
            }
            letGo(module);
        }
    }

    @Override
    public String toString() {
        return "FakeKernel[" + tree.root() + "]";
    }

    // ---- the load ----

    /** One running load of a module. */
    private static final class Load {
        boolean done;
        boolean succeeded;
    }

    private void enter(Invocation invocation) throws KernelCallException {
        Objects.requireNonNull(invocation.module(), "module");
        synchronized (lock) {
            calls.add(invocation);
            Queue<Integer> queued = nextFailures.get(invocation.call());
            Integer errno = queued != null ? queued.poll() : null;
            if (errno == null) {
                errno = alwaysFailures.get(invocation.call());
            }
            if (errno != null) {
                throw new KernelCallException(operation(invocation.call()), invocation.module(), errno);
            }
        }
    }

    private void load(String operation, String module, byte[] image) throws KernelCallException {
        List<String> dependencies = holdingDependencies ? ModuleUses.dependsOf(module, image) : List.of();
        Load mine = claim(operation, module);
        FakeModule m = tree.module(module);
        boolean ok = false;
        try {
            holdDependencies(operation, module, dependencies);
            m.inWindow();
            onWindow.run(module);
            m.coming();
            onInit.run(module);
            Integer initError;
            synchronized (lock) {
                initError = initFailures.remove(module);
            }
            if (initError != null) {
                throw new KernelCallException(operation, module, initError);
            }
            m.live();
            ok = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelCallException(operation, module, Errno.EINTR, e);
        } finally {
            if (!ok) {
                m.remove();
            }
            synchronized (lock) {
                if (!ok) {
                    letGo(module);
                }
                mine.done = true;
                mine.succeeded = ok;
                loading.remove(module);
                lock.notifyAll();
            }
        }
    }

    /** Waits for dependencies being loaded; ENOENT unless all are live; then holds them. */
    private void holdDependencies(String operation, String module, List<String> dependencies)
            throws KernelCallException, InterruptedException {
        if (dependencies.isEmpty()) {
            return;
        }
        synchronized (lock) {
            for (String d : dependencies) {
                while (loading.containsKey(d)) {
                    lock.wait();
                }
                if (tree.module(d).phase() != FakeModule.Phase.LIVE && tree.module(d).phase() != FakeModule.Phase.BUILTIN) {
                    throw new KernelCallException(operation, module, Errno.ENOENT);
                }
            }
            uses.hold(module, dependencies);
            for (String d : dependencies) {
                tree.module(d).holder(module);
            }
        }
    }

    /** {@code module} lets go of the dependencies it holds (under the lock). */
    private void letGo(String module) {
        for (String d : uses.release(module)) {
            tree.module(d).removeHolder(module);
        }
    }

    /** Registers this thread's load of {@code module}, after waiting for a running one; EEXIST when loaded. */
    private Load claim(String operation, String module) throws KernelCallException {
        while (true) {
            Load running;
            synchronized (lock) {
                running = loading.get(module);
                if (running == null) {
                    FakeModule.Phase phase = tree.module(module).phase();
                    if (phase == FakeModule.Phase.LIVE || phase == FakeModule.Phase.BUILTIN
                            || phase == FakeModule.Phase.GOING) {
                        throw new KernelCallException(operation, module, Errno.EEXIST);
                    }
                    Load mine = new Load();
                    loading.put(module, mine);
                    return mine;
                }
                waiters.merge(module, 1, Integer::sum);
            }
            try {
                onWait.run(module);
                synchronized (lock) {
                    while (!running.done) {
                        lock.wait();
                    }
                    if (running.succeeded) {
                        throw new KernelCallException(operation, module, Errno.EEXIST);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KernelCallException(operation, module, Errno.EINTR, e);
            } finally {
                synchronized (lock) {
                    waiters.merge(module, -1, Integer::sum);
                }
            }
        }
    }

    private Optional<String> kernelCompression() {
        Path file = tree.root().resolve("sys/module/compression");
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] head(String module, Path file) throws KernelCallException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(6);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KernelCallException("open", module, Errno.ENOENT, e);
        } catch (IOException e) {
            throw new KernelCallException("open", module, Errno.EIO, e);
        }
    }

    /** The whole file, as the kernel reads it. */
    private static byte[] whole(String module, Path file) throws KernelCallException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KernelCallException("finit_module", module, Errno.EIO, e);
        }
    }

    /** The file decompressed as the kernel does it (module_decompress): EINVAL when it does not. */
    private static byte[] decompressed(String module, Path file) throws KernelCallException {
        try {
            return ModuleFile.uncompressed(file, Files.readAllBytes(file));
        } catch (ModuleFormatException e) {
            throw new KernelCallException("finit_module", module, Errno.EINVAL, e);
        } catch (IOException e) {
            throw new KernelCallException("finit_module", module, Errno.EIO, e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
    }

    private static String operation(Call call) {
        return switch (call) {
            case FINIT_MODULE -> "finit_module";
            case INIT_MODULE -> "init_module";
            case DELETE_MODULE -> "delete_module";
        };
    }

    private static void checkErrno(int errno) {
        if (errno <= 0) {
            throw new IllegalArgumentException("errno must be positive, got " + errno);
        }
    }
}
