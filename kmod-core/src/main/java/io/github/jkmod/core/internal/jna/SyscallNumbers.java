package io.github.jkmod.core.internal.jna;

import io.github.jkmod.KmodException;

/**
 * The numbers of the module system calls on one architecture.
 *
 * @param finitModule {@code __NR_finit_module}
 * @param initModule {@code __NR_init_module}
 * @param deleteModule {@code __NR_delete_module}
 */
record SyscallNumbers(long finitModule, long initModule, long deleteModule) {

    /** x86_64: {@code arch/x86/entry/syscalls/syscall_64.tbl} (175 init_module, 176 delete_module, 313 finit_module). */
    static final SyscallNumbers X86_64 = new SyscallNumbers(313, 175, 176);

    /** aarch64: {@code include/uapi/asm-generic/unistd.h} (105 init_module, 106 delete_module, 273 finit_module). */
    static final SyscallNumbers AARCH64 = new SyscallNumbers(273, 105, 106);

    /**
     * The numbers for a JVM {@code os.arch} value ({@code amd64}/{@code x86_64}, {@code aarch64}).
     *
     * @throws KmodException naming the architecture when it is another one
     */
    static SyscallNumbers forArch(String osArch) throws KmodException {
        switch (osArch) {
            case "amd64":
            case "x86_64":
                return X86_64;
            case "aarch64":
            case "arm64":
                return AARCH64;
            default:
                throw new KmodException("cannot load or remove modules on architecture '" + osArch
                        + "': jkmod knows the system call numbers of x86_64 and aarch64 only");
        }
    }
}
