package io.github.jkmod.core.kernel;

import io.github.jkmod.KmodException;
import io.github.jkmod.sysfs.KernelState;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Inserts and removes one module file, as {@code modprobe} does (docs/semantics.md). Thread-safe.
 *
 * <p>Insertion: when the file is uncompressed, or compressed with the method that
 * {@code /sys/module/compression} names, {@code finit_module} on the file (flag
 * {@link KernelCalls#FINIT_COMPRESSED_FILE} when compressed, plus the force flags). Otherwise, or
 * when {@code finit_module} answers {@code ENOSYS}, the file is decompressed in Java, the force edits
 * are made in the copy, and {@code init_module} gets the image. Compression is recognised by magic
 * bytes, never by the file name.
 *
 * <p>This class checks no state: {@link ModuleLoad} decides whether to insert at all.
 */
public final class ModuleLoader {
    /** The logger, created on first use only: System.getLogger costs start-up time. */
    private static final class Logging {
        static final System.Logger LOG = System.getLogger(ModuleLoader.class.getName());

        private Logging() {
        }
    }

    private final KernelCalls calls;
    private final KernelState state;
    private final ModuleImages images;
    private final Pacer pacer;
    private volatile Optional<String> kernelCompression;

    /**
     * A loader that makes {@code calls} and reads {@code sys/module/compression} under the state's root.
     *
     * @param calls the system calls to make
     * @param state the kernel whose {@code sys/module/compression} tells which compressed files the
     *     kernel takes as they are
     */
    public ModuleLoader(KernelCalls calls, KernelState state) {
        this(calls, state, new StandardModuleImages(), Pacer.SYSTEM);
    }

    ModuleLoader(KernelCalls calls, KernelState state, ModuleImages images, Pacer pacer) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.state = Objects.requireNonNull(state, "state");
        this.images = Objects.requireNonNull(images, "images");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /**
     * The kernel state this loader reads ({@code sys/module/compression}; {@link ModuleLoad} reads
     * module states).
     *
     * @return the kernel state given to the constructor
     */
    public KernelState state() {
        return state;
    }

    /**
     * The system calls this loader makes.
     *
     * @return the system calls given to the constructor
     */
    public KernelCalls calls() {
        return calls;
    }

    /**
     * Inserts {@code file} as module {@code module} with {@code options}.
     *
     * @param module the module's name (for messages)
     * @param file the module file
     * @param options the parameters ({@code ""} for none)
     * @param force what the kernel should ignore
     * @throws KernelCallException when a step fails: the kernel's answer (EEXIST when already loaded,
     *     ENOSYS, EPERM, ENOEXEC, ENOENT, EINVAL, ...), or the reading of the file
     * @throws KmodException when {@code sys/module/compression} cannot be read or no system call can be made
     */
    public void insert(String module, Path file, String options, Set<Force> force) throws KmodException {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Set<Force> forces = Set.copyOf(force);
        Optional<String> compression = images.compression(module, file);
        Optional<String> inKernel = kernelCompression();
        if (compression.isEmpty() || compression.equals(inKernel)) {
            int flags = Force.finitFlags(forces) | (compression.isPresent() ? KernelCalls.FINIT_COMPRESSED_FILE : 0);
            try {
                calls.finitModule(module, file, options, flags);
                // Not logged: the usual path of every load, and the first System.Logger call of a
                // process sets up the JDK's logging (some 200 classes, about 10 ms without an
                // archive). The rarer paths below are logged (isLoggable and a plain message, not
                // a Supplier lambda: linking a capturing lambda costs milliseconds).
                return;
            } catch (KernelCallException e) {
                if (e.errno() != Errno.ENOSYS) {
                    throw e;
                }
                if (Logging.LOG.isLoggable(Level.DEBUG)) {
                    Logging.LOG.log(Level.DEBUG, "finit_module " + module + ": ENOSYS, trying init_module");
                }
            }
        }
        byte[] image = images.image(module, file, forces);
        calls.initModule(module, image, options);
        if (Logging.LOG.isLoggable(Level.DEBUG)) {
            Logging.LOG.log(Level.DEBUG, "init_module " + module + " (" + image.length + " bytes)");
        }
    }

    /**
     * Removes {@code module}: {@code delete_module(name, O_NONBLOCK)}, with {@code O_TRUNC} when
     * {@code force}.
     *
     * @param module the module's name
     * @param force true to remove even when in use ({@code modprobe -f}, {@code rmmod -f})
     * @throws KernelCallException with the kernel's answer (EAGAIN or EBUSY when in use, ENOENT when
     *     not loaded, EPERM, ...)
     */
    public void remove(String module, boolean force) throws KmodException {
        calls.deleteModule(module, KernelCalls.DELETE_NONBLOCK | (force ? KernelCalls.DELETE_FORCE : 0));
    }

    /**
     * Removes {@code module}, retrying while the kernel answers {@code EAGAIN} (in use) until
     * {@code timeout} has passed ({@code modprobe -r -w MSEC}). Like kmod 30, the pauses double from
     * 2 ms and never overshoot the deadline (each is the largest power of two of milliseconds not
     * above twice the previous one and not above the time left).
     *
     * @param module the module's name
     * @param force true to remove even when in use
     * @param timeout how long to wait for the module to be no longer in use
     * @return true when removed; false when the module was still in use at the deadline (kmod 30
     *     then ends without a message and with status 0)
     * @throws KernelCallException for any answer but EAGAIN
     * @throws KmodException when interrupted while waiting
     */
    public boolean removeWaiting(String module, boolean force, Duration timeout) throws KmodException {
        long deadline = pacer.nanoTime() + timeout.toNanos();
        long delayMillis = 1;
        while (true) {
            try {
                remove(module, force);
                return true;
            } catch (KernelCallException e) {
                if (e.errno() != Errno.EAGAIN) {
                    throw e;
                }
            }
            long remainingMillis = (deadline - pacer.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            delayMillis *= 2;
            while (delayMillis > remainingMillis) {
                delayMillis /= 2;
            }
            try {
                pacer.sleep(Duration.ofMillis(delayMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KmodException("interrupted while waiting to remove '" + module + "'", e);
            }
        }
    }

    private Optional<String> kernelCompression() throws KmodException {
        Optional<String> c = kernelCompression;
        if (c == null) {
            c = state.compression();
            kernelCompression = c;
        }
        return c;
    }

    @Override
    public String toString() {
        return "ModuleLoader[" + calls + ", " + state + "]";
    }
}
