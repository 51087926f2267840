package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** modprobe's log: FATAL ends the run only when it is printed; libkmod's own lines ignore -q/-s. */
class LogTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> syslog = new ArrayList<>();

    private Log log(int threshold, boolean toSyslog) {
        return new Log("modprobe", new PrintStream(err, true, StandardCharsets.UTF_8), threshold, toSyslog,
                (priority, message) -> syslog.add(priority + " " + message));
    }

    @Test
    void fatalPrintsThenEndsTheRun() {
        Log log = log(Log.WARNING, false);
        assertThrows(Log.FatalExit.class, () -> log.fatal("Module x not found."));
        assertEquals("modprobe: FATAL: Module x not found.\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFatalHiddenByQuietDoesNotEndTheRun() {
        log(Log.CRIT - 1, false).fatal("Module x not found.");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFatalSentToSyslogEndsTheRunToo() {
        Log log = log(Log.WARNING, true);
        assertThrows(Log.FatalExit.class, () -> log.fatal("Module x is builtin."));
        assertEquals(List.of("2 FATAL: Module x is builtin."), syslog);
    }

    @Test
    void libkmodDefaultLinesGoToStderrWhateverTheOptions() {
        log(0, true).libkmodDefault("libkmod: ERROR a.conf line 1: ignoring bad line starting with 'x'");
        assertEquals("libkmod: ERROR a.conf line 1: ignoring bad line starting with 'x'\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), syslog);
    }
}
