package io.github.jkmod.core.internal.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The real module system calls, through libc's {@code syscall(2)} with JNA. Public only so that
 * {@link KernelCalls#system()} can create it; use that.
 */
public final class JnaKernelCalls implements KernelCalls {
    /** The logger, created on first use only: System.getLogger costs start-up time. */
    private static final class Logging {
        static final System.Logger LOG = System.getLogger(JnaKernelCalls.class.getName());

        private Logging() {
        }
    }

    private final LinuxLibc libc;
    private final SyscallNumbers numbers;

    private JnaKernelCalls(LinuxLibc libc, SyscallNumbers numbers) {
        this.libc = libc;
        this.numbers = numbers;
    }

    /**
     * Loads JNA and libc for this architecture.
     *
     * @return the kernel calls, ready to use
     * @throws KmodException when the architecture is unknown, no directory is writable for JNA's
     *     native part, or JNA cannot load
     */
    public static JnaKernelCalls create() throws KmodException {
        SyscallNumbers numbers = SyscallNumbers.forArch(System.getProperty("os.arch", ""));
        NativeDirectory.prepare();
        try {
            LinuxLibc libc = Native.load("c", LinuxLibc.class);
            NativeLibraryCache.keep(System.getProperties());
            Logging.LOG.log(System.Logger.Level.DEBUG, "JNA loaded; jna.tmpdir={0}", System.getProperty("jna.tmpdir"));
            return new JnaKernelCalls(libc, numbers);
        } catch (LinkageError e) {
            throw new KmodException("cannot make system calls: JNA failed to load its native library: "
                    + e.getMessage() + " (jna.tmpdir=" + System.getProperty("jna.tmpdir") + ")", e);
        }
    }

    @Override
    public void finitModule(String module, Path file, String params, int flags) throws KmodException {
        Objects.requireNonNull(module, "module");
        int fd;
        try {
            fd = libc.open(file.toString(), LinuxLibc.O_RDONLY_CLOEXEC);
        } catch (LastErrorException e) {
            throw new KernelCallException("open", module, e.getErrorCode(), e);
        }
        try (Memory p = cString(params)) {
            libc.syscall(numbers.finitModule(), (long) fd, p, (long) flags);
        } catch (LastErrorException e) {
            throw new KernelCallException("finit_module", module, e.getErrorCode(), e);
        } finally {
            try {
                libc.close(fd);
            } catch (LastErrorException e) {
                Logging.LOG.log(System.Logger.Level.DEBUG, "close({0}) of {1}: errno {2}", fd, file, e.getErrorCode());
            }
        }
    }

    @Override
    public void initModule(String module, byte[] image, String params) throws KmodException {
        Objects.requireNonNull(module, "module");
        if (image.length == 0) {
            throw new KernelCallException("init_module", module, io.github.jkmod.core.kernel.Errno.ENOEXEC);
        }
        try (Memory m = new Memory(image.length); Memory p = cString(params)) {
            m.write(0, image, 0, image.length);
            libc.syscall(numbers.initModule(), m, (long) image.length, p);
        } catch (LastErrorException e) {
            throw new KernelCallException("init_module", module, e.getErrorCode(), e);
        }
    }

    @Override
    public void deleteModule(String module, int flags) throws KmodException {
        try (Memory name = cString(module)) {
            libc.syscall(numbers.deleteModule(), name, (long) flags);
        } catch (LastErrorException e) {
            throw new KernelCallException("delete_module", module, e.getErrorCode(), e);
        }
    }

    /** The libc {@code strerror} text (for tests). */
    String libcStrerror(int errno) {
        return libc.strerror(errno);
    }

    /** A NUL-terminated UTF-8 copy of a string in native memory. */
    private static Memory cString(String s) {
        return NativeString.copy(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "JnaKernelCalls" + numbers;
    }
}
