package io.github.jkmod.core.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.KmodException;
import org.junit.jupiter.api.Test;

class SyscallNumbersTest {

    @Test
    void x86And64BitArm() throws KmodException {
        assertSame(SyscallNumbers.X86_64, SyscallNumbers.forArch("amd64"));
        assertSame(SyscallNumbers.X86_64, SyscallNumbers.forArch("x86_64"));
        assertEquals(new SyscallNumbers(313, 175, 176), SyscallNumbers.forArch("amd64"));
        assertEquals(new SyscallNumbers(273, 105, 106), SyscallNumbers.forArch("aarch64"));
    }

    @Test
    void otherArchitecturesAreRefusedByName() {
        KmodException e = assertThrows(KmodException.class, () -> SyscallNumbers.forArch("riscv64"));
        assertEquals("cannot load or remove modules on architecture 'riscv64': jkmod knows the system call"
                + " numbers of x86_64 and aarch64 only", e.getMessage());
    }
}
