package io.github.jkmod.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KernelCallExceptionTest {

    /** The texts kmod 30's modprobe printed here for each errno (injected with strace into finit/init_module). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "38|ENOSYS|Function not implemented|Function not implemented",
        "8|ENOEXEC|Exec format error|Exec format error",
        "2|ENOENT|No such file or directory|Unknown symbol in module, or unknown parameter (see dmesg)",
        "1|EPERM|Operation not permitted|Operation not permitted",
        "22|EINVAL|Invalid argument|Invalid argument",
        "16|EBUSY|Device or resource busy|Device or resource busy",
        "11|EAGAIN|Resource temporarily unavailable|Resource temporarily unavailable",
        "3|ESRCH|No such process|No such process",
        "28|ENOSPC|No space left on device|No space left on device",
        "12|ENOMEM|Cannot allocate memory|Cannot allocate memory",
        "14|EFAULT|Bad address|Bad address",
        "126|ENOKEY|Required key not available|Required key not available",
        "129|EKEYREJECTED|Key was rejected by service|Key was rejected by service",
        "13|EACCES|Permission denied|Permission denied",
        "26|ETXTBSY|Text file busy|Text file busy",
    })
    void insertErrorsReadAsModprobePrintsThem(int errno, String name, String text, String reason) {
        KernelCallException e = new KernelCallException("finit_module", "crc16", errno);
        assertEquals(errno, e.errno());
        assertEquals(name, e.errnoName());
        assertEquals(text, e.strerror());
        assertEquals(reason, e.reason());
        assertEquals("finit_module 'crc16': " + name + " (" + text + ")", e.getMessage());
        assertEquals("crc16", e.module());
        assertEquals("finit_module", e.operation());
        assertFalse(e.isRemoval());
    }

    @Test
    void removalEnoentIsPlainStrerror() {
        KernelCallException e = new KernelCallException("delete_module", "crc16", Errno.ENOENT);
        assertTrue(e.isRemoval());
        assertEquals("No such file or directory", e.reason());
        assertEquals("delete_module 'crc16': ENOENT (No such file or directory)", e.getMessage());
    }

    @Test
    void openEnoentReadsLikeTheKernelsEnoent() {
        // kmod 30 prints the same for a missing module file (open answered ENOENT).
        assertEquals("Unknown symbol in module, or unknown parameter (see dmesg)",
                new KernelCallException("open", "crc16", Errno.ENOENT).reason());
    }

    @Test
    void unknownNumbers() {
        assertEquals("errno 41", Errno.name(41));
        assertEquals("Unknown error 41", Errno.strerror(41));
        assertEquals("errno 4000", Errno.name(4000));
        assertEquals("Unknown error 4000", Errno.strerror(4000));
        assertEquals("EHWPOISON", Errno.name(133));
        assertEquals("EAGAIN", Errno.name(Errno.EAGAIN));
        assertEquals("Unknown error 0", Errno.strerror(0));
    }

    @Test
    void errnoMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KernelCallException("init_module", "x", 0));
        assertEquals("errno must be positive, got 0", e.getMessage());
    }
}
