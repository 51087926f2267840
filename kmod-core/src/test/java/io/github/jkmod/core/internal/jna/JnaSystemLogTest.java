package io.github.jkmod.core.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.jkmod.core.kernel.SystemLog;
import org.junit.jupiter.api.Test;

/**
 * libc's logger: one instance, syslog.h's values. (What it sends is compared byte for byte with
 * the real modprobe's in kmod-cli's SyslogOracleTest.)
 */
class JnaSystemLogTest {
    @Test
    void systemIsTheOneJnaInstance() {
        assertSame(JnaSystemLog.instance(), SystemLog.system());
        assertEquals("SystemLog.system()", SystemLog.system().toString());
    }

    @Test
    void constantsAreSyslogHs() {
        assertEquals(0x01, SystemLog.LOG_PID);
        assertEquals(0x02, SystemLog.LOG_CONS);
        assertEquals(24, SystemLog.LOG_DAEMON);
    }
}
