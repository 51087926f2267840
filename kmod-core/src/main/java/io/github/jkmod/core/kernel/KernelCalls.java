package io.github.jkmod.core.kernel;

import io.github.jkmod.KmodException;
import java.nio.file.Path;

/**
 * The three system calls that load and unload modules (docs/semantics.md). One implementation makes
 * the real calls ({@link #system()}); tests use fakes
 * ({@link io.github.jkmod.core.kernel.testing.FakeKernel}) or mocks.
 *
 * <p>Each method takes the module's name first: the kernel reads the name from the image, but the
 * name is what errors are reported with (and what fakes act on). A call that the kernel refuses
 * throws a {@link KernelCallException} carrying the error number of <em>that</em> call.
 */
public interface KernelCalls {

    /** {@code finit_module} flag: ignore symbol versions ({@code MODULE_INIT_IGNORE_MODVERSIONS}). */
    int FINIT_IGNORE_MODVERSIONS = 1;
    /** {@code finit_module} flag: ignore the version magic ({@code MODULE_INIT_IGNORE_VERMAGIC}). */
    int FINIT_IGNORE_VERMAGIC = 2;
    /** {@code finit_module} flag: the file is compressed; the kernel decompresses it ({@code MODULE_INIT_COMPRESSED_FILE}). */
    int FINIT_COMPRESSED_FILE = 4;

    /** {@code delete_module} flag: fail at once when the module is in use ({@code O_NONBLOCK}, 04000). */
    int DELETE_NONBLOCK = 04000;
    /** {@code delete_module} flag: remove even when in use ({@code O_TRUNC}, 01000; needs CONFIG_MODULE_FORCE_UNLOAD). */
    int DELETE_FORCE = 01000;

    /**
     * {@code finit_module(fd, params, flags)} on {@code file}, opened {@code O_RDONLY|O_CLOEXEC}.
     *
     * @param module the module's name (for messages)
     * @param file the module file, uncompressed or compressed as {@code /sys/module/compression} says
     * @param params the module parameters ({@code ""} for none)
     * @param flags {@code FINIT_*} flags
     * @throws KernelCallException with the error of {@code open} or {@code finit_module}
     * @throws KmodException when system calls cannot be made at all (no native access)
     */
    void finitModule(String module, Path file, String params, int flags) throws KmodException;

    /**
     * {@code init_module(image, len, params)} on an uncompressed ELF image.
     *
     * @param module the module's name, for error messages
     * @param image the uncompressed module image
     * @param params the module parameters, {@code ""} for none
     * @throws KernelCallException with the error of {@code init_module}
     * @throws KmodException when system calls cannot be made at all (no native access)
     */
    void initModule(String module, byte[] image, String params) throws KmodException;

    /**
     * {@code delete_module(name, flags)}.
     *
     * @param flags {@link #DELETE_NONBLOCK}, optionally with {@link #DELETE_FORCE}
     * @param module the module's name
     * @throws KernelCallException with the error of {@code delete_module}
     * @throws KmodException when system calls cannot be made at all (no native access)
     */
    void deleteModule(String module, int flags) throws KmodException;

    /**
     * The running kernel's calls. Cheap: nothing native is loaded until a call is made, so a program
     * that only plans (or prints) never loads JNA. The first call prepares JNA (choosing a writable
     * directory for its native part when it must unpack one) and fails with a {@link KmodException}
     * that says what to do when that is impossible.
     *
     * @return the kernel calls of the running system
     */
    static KernelCalls system() {
        return SystemKernelCalls.INSTANCE;
    }
}
