package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -w} values: accepted and refused exactly as kmod 30 does (observed). */
class CUnsignedTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0|0", "5|5", "\" 5\"|5", "\"\t7\"|7", "+5|5", "010|8", "0X1F|31", "0x10|16",
        "-5|-5", "-0x10|-16", "18446744073709551615|-1", "18446744073709551616|-1",
        "99999999999999999999999|-1", "-99999999999999999999999|-1", "00|0"})
    void accepts(String text, long expected) {
        assertEquals(OptionalLong.of(expected), CUnsigned.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "+", "abc", "12abc", "5 ", "0x", "0x1g", "08", "0xg",
        "1.5", "٣"})
    void refuses(String text) {
        assertEquals(OptionalLong.empty(), CUnsigned.parse(text));
    }
}
