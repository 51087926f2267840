package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MODPROBE_OPTIONS splitting; every expectation was observed with kmod 30
 * ({@code MODPROBE_OPTIONS=... modprobe -a -D} names each word in a "not found" warning).
 */
class EnvOptionsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a b", List.of("a", "b")),
                Arguments.of("", List.of()),
                Arguments.of(" ", List.of("")),
                Arguments.of("'aa' b", List.of("aa", "", "b")),
                Arguments.of("'aa'b c", List.of("aa", "b", "c")),
                Arguments.of("x'y z'w v", List.of("xy zw", "v")),
                Arguments.of("\"q r\" s", List.of("q r", "", "s")),
                Arguments.of("'unterminated s", List.of("'unterminated s")),
                Arguments.of("a  b", List.of("a", "", "b")),
                Arguments.of(" a", List.of("", "a")),
                Arguments.of("a ", List.of("a")),
                Arguments.of("a'b'", List.of("ab")),
                Arguments.of("a''b c", List.of("ab", "c")),
                Arguments.of("'' c", List.of("", "", "c")),
                Arguments.of("''c d", List.of("", "c", "d")),
                Arguments.of("a\"b'c\"d e", List.of("ab'cd", "e")),
                Arguments.of("'a\"b' c", List.of("a\"b", "", "c")),
                Arguments.of("-D\tdummy", List.of("-D\tdummy")),
                Arguments.of("'dummy' a", List.of("dummy", "", "a")),
                Arguments.of("dummy 'b' c", List.of("dummy", "b", "", "c")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitsLikeModprobe(String value, List<String> expected) {
        assertEquals(expected, EnvOptions.split(value));
    }
}
