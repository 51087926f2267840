package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases checked against kmod 30's depmod (see fixtures/depmod-small and its README). */
class AliasesTest {
    @ParameterizedTest
    @CsvSource({
        "9p-fd, 9p_fd",
        "platform:dw-apb-uart, platform:dw_apb_uart",
        "ok-[a-b]-c, ok_[a-b]_c",
        "j-[x-y], j_[x-y]",
        // a bracket expression runs to the first ']' and copies a '[' inside it as it is
        "[a[b]-c, [a[b]_c",
        "[-]-, [-]_",
        "'', ''",
    })
    void normalizes(String alias, String expected) throws Exception {
        assertEquals(expected, Aliases.normalize(alias));
    }

    @Test
    void unchangedAliasIsReturnedAsIs() throws Exception {
        String alias = "pci:v00008086d*sv*sd*bc*sc*i*";
        assertSame(alias, Aliases.normalize(alias));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a[b-c | invalid alias \"a[b-c\": '[' at 1 has no ']' after it",
        "a[ | invalid alias \"a[\": '[' at 1 has no ']' after it",
        "x]y-z | invalid alias \"x]y-z\": ']' at 1 has no '[' before it",
        "-] | invalid alias \"-]\": ']' at 1 has no '[' before it",
        "q[]-x] | invalid alias \"q[]-x]\": ']' at 5 has no '[' before it",
    })
    void rejectsUnbalancedBrackets(String alias, String message) {
        InvalidAliasException e = assertThrows(InvalidAliasException.class, () -> Aliases.normalize(alias));
        assertEquals(message, e.getMessage());
        assertEquals(alias, e.alias());
    }
}
