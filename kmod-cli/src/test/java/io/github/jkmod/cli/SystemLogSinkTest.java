package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.kernel.SystemLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What jmodprobe -s hands to libc's syslog: modprobe's ident, options, facility and newline. */
class SystemLogSinkTest {
    /** Records the calls; fails them all when {@code broken}. */
    private static final class FakeSystemLog implements SystemLog {
        final List<String> calls = new ArrayList<>();
        boolean broken;

        @Override
        public void open(String ident, int options, int facility) throws KmodException {
            fail();
            calls.add("openlog(" + ident + ", " + options + ", " + facility + ")");
        }

        @Override
        public void log(int priority, String message) throws KmodException {
            fail();
            calls.add("syslog(" + priority + ", \"%s\", " + message.replace("\n", "\\n") + ")");
        }

        @Override
        public void close() {
            calls.add("closelog()");
        }

        private void fail() throws KmodException {
            if (broken) {
                throw new KmodException("cannot use syslog: no JNA");
            }
        }
    }

    private final FakeSystemLog fake = new FakeSystemLog();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Log log(SyslogSink sink) {
        return new Log("modprobe", new PrintStream(err, true, StandardCharsets.UTF_8), Log.WARNING, true, sink);
    }

    @Test
    void opensOnceAsLogConsDaemonThenSendsLabelledLinesAndCloses() {
        SystemLogSink sink = new SystemLogSink("modprobe", fake);
        log(sink).error("could not insert 'x': Invalid argument");
        log(sink).warning("careful");
        sink.close();
        assertEquals(List.of("openlog(modprobe, 2, 24)",
                "syslog(3, \"%s\", ERROR: could not insert 'x': Invalid argument\\n)",
                "syslog(4, \"%s\", WARNING: careful\\n)",
                "closelog()"), fake.calls);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nothingIsOpenedOrClosedWithoutAMessage() {
        SystemLogSink sink = new SystemLogSink("modprobe", fake);
        log(sink).info("below the threshold");
        sink.close();
        assertEquals(List.of(), fake.calls);
    }

    @Test
    void anUnusableLoggerDropsMessagesSilently() {
        fake.broken = true;
        SystemLogSink sink = new SystemLogSink("jmodprobe", fake);
        sink.send(Log.CRIT, "FATAL: Module x not found.");
        sink.send(Log.ERR, "ERROR: again");
        sink.close();
        assertEquals(List.of(), fake.calls);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
