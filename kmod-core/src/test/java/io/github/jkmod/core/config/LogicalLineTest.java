package io.github.jkmod.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogicalLineTest {

    private static List<LogicalLine> split(String text) {
        return LogicalLine.split(LogicalLine.bytes(text));
    }

    @Test
    void plainLinesAreNumberedFromOne() {
        assertEquals(List.of(new LogicalLine("a", 1), new LogicalLine("", 2), new LogicalLine("b", 3)),
                split("a\n\nb\n"));
    }

    @Test
    void lastLineWithoutNewlineCounts() {
        assertEquals(List.of(new LogicalLine("a", 1), new LogicalLine("foo", 2)), split("a\nfoo"));
    }

    @Test
    void backslashNewlineJoinsAndTheLineTakesTheLastNumber() {
        assertEquals(List.of(new LogicalLine("options o a=1    b=2", 2), new LogicalLine("x", 3)),
                split("options o a=1 \\\n   b=2\nx\n"));
    }

    @Test
    void backslashKeepsTheNextCharacterAndDisappears() {
        assertEquals(List.of(new LogicalLine("xb c", 1), new LogicalLine("x\\", 2)),
                split("x\\b\\ c\nx\\\\\n"));
    }

    @Test
    void backslashBeforeCarriageReturnDoesNotJoin() {
        assertEquals(List.of(new LogicalLine("f\r", 1), new LogicalLine("g", 2)), split("f\\\r\ng\n"));
    }

    @Test
    void backslashAsLastByteReadsAsByteFF() {
        assertEquals(List.of(new LogicalLine("a", 1), new LogicalLine("options a x\u00ff", 2)),
                split("a\noptions a x\\"));
        assertEquals(List.of(new LogicalLine("\u00ff", 1)), split("\\"));
    }

    @Test
    void continuationBeforeEndOfFileStillGivesTheLine() {
        assertEquals(List.of(new LogicalLine("x", 1), new LogicalLine("foo ", 3)), split("x\nfoo \\\n"));
        assertEquals(List.of(new LogicalLine("foo", 4)), split("foo\\\n\\\n\\\n"));
    }

    @Test
    void textEndsAtNulButContinuationGoesOn() {
        assertEquals(List.of(new LogicalLine("options a b", 2), new LogicalLine("foo", 3)),
                split("options a b\0c d\\\ne f\nfoo\n"));
    }

    @Test
    void emptyInputHasNoLines() {
        assertEquals(List.of(), split(""));
    }
}
