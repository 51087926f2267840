package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Raw argument bytes, and their way back to file names. */
class RawArgumentsTest {

    @Test
    void argumentsThatAreNotThisProgramsAreLeftAsDecoded() {
        String[] decoded = {"jkmod-not-an-argument-of-this-jvm", "x"};
        assertArrayEquals(decoded, RawArguments.of(decoded));
        assertArrayEquals(new String[0], RawArguments.of(new String[0]));
    }

    @Test
    void environmentHasTheSameNames() {
        assertEquals(System.getenv().keySet(), RawArguments.environment(System.getenv()).keySet());
        Map<String, String> other = Map.of("JKMOD_ONLY_HERE", "1");
        assertEquals(other, RawArguments.environment(other));
    }

    @Test
    void asciiNamesAreFileNamesAsTheyAre() {
        assertEquals(Path.of("/tmp/a b/c.ko"), RawArguments.path("/tmp/a b/c.ko"));
    }

    @Test
    void bytesGoBackThroughTheFileNameCharset() {
        Charset jnu = Charset.forName(System.getProperty("sun.jnu.encoding"));
        Assumptions.assumeTrue(jnu.equals(StandardCharsets.UTF_8), "needs a UTF-8 locale");
        // e-acute as two UTF-8 bytes, one char per byte
        assertEquals(Path.of("/tmp/\u00e9"), RawArguments.path("/tmp/\u00c3\u00a9"));
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> RawArguments.path("/tmp/\u00e9"));
        assertEquals("/tmp/\u00e9", e.getInput());
    }
}
