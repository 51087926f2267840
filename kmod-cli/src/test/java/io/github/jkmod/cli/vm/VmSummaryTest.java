package io.github.jkmod.cli.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VmSummaryTest {

    @Test
    void parsesKeysAndKeepsTheCommandWhole() {
        VmSummary s = VmSummary.parse("JKVM-SUMMARY scenario=seed result=pass rounds=20 threads=16"
                + " clean_rounds=20 failed_rounds=0 cmd=/opt/jmodprobe --initstate-logic=kmod20").orElseThrow();
        assertEquals("seed", s.get("scenario"));
        assertEquals(16, s.number("threads"));
        assertEquals(0, s.number("failed_rounds"));
        assertEquals("/opt/jmodprobe --initstate-logic=kmod20", s.get("cmd"));
        assertTrue(s.passed());
    }

    @Test
    void findsTheLineBehindConsoleNoise() {
        VmSummary s = VmSummary.parse("\u001b[2JJKVM-SUMMARY scenario=functional result=fail items=3").orElseThrow();
        assertEquals("functional", s.get("scenario"));
        assertFalse(s.passed());
    }

    @Test
    void otherLinesAreNoSummary() {
        assertTrue(VmSummary.parse("JKVM-ROUND t3.1 clean seconds=0.49").isEmpty());
    }

    @Test
    void aWordWithoutValueIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VmSummary.parse("JKVM-SUMMARY scenario=seed broken result=pass"));
        assertEquals("summary word without key=value at column 27: JKVM-SUMMARY scenario=seed broken result=pass",
                e.getMessage());
    }

    @Test
    void aMissingFieldIsNamed() {
        VmSummary s = VmSummary.parse("JKVM-SUMMARY scenario=seed").orElseThrow();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.get("rounds"));
        assertEquals("summary without rounds: {scenario=seed}", e.getMessage());
    }

    @Test
    void selectsOneScenario() {
        List<String> lines = List.of("JKVM-SUMMARY scenario=seed result=pass threads=3",
                "noise", "JKVM-SUMMARY scenario=functional result=pass",
                "JKVM-SUMMARY scenario=seed result=fail threads=16");
        List<VmSummary> seeds = VmSummary.of(lines, "seed");
        assertEquals(2, seeds.size());
        assertEquals(16, seeds.get(1).number("threads"));
    }
}
