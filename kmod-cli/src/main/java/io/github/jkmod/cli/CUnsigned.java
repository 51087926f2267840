package io.github.jkmod.cli;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * Reads a number the way C's {@code strtoul(s, &end, 0)} does, accepting it only when the whole,
 * non-empty string was consumed (modprobe's check of {@code -w}): leading C-locale blanks, an
 * optional sign ({@code -5} wraps around), a {@code 0x}/{@code 0X} prefix for hexadecimal (only when
 * a hexadecimal digit follows), a leading {@code 0} for octal, otherwise decimal; too large a value
 * saturates at 2<sup>64</sup>-1. The result is an unsigned 64-bit value held in a {@code long}.
 */
final class CUnsigned {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private CUnsigned() {
    }

    /** The value of {@code text}, or empty when modprobe would reject it. */
    static OptionalLong parse(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int base = 10;
        if (i < n && text.charAt(i) == '0') {
            if (i + 2 < n && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
                    && Character.digit(text.charAt(i + 2), 16) >= 0 && text.charAt(i + 2) < 0x80) {
                base = 16;
                i += 2;
            } else {
                base = 8;
            }
        }
        int start = i;
        BigInteger value = BigInteger.ZERO;
        BigInteger bigBase = BigInteger.valueOf(base);
        while (i < n) {
            char c = text.charAt(i);
            int d = c < 0x80 ? Character.digit(c, base) : -1;
            if (d < 0) {
                break;
            }
            if (value.compareTo(MAX) <= 0) {
                value = value.multiply(bigBase).add(BigInteger.valueOf(d));
            }
            i++;
        }
        if (i == start || i != n) {
            return OptionalLong.empty();
        }
        if (value.compareTo(MAX) > 0) {
            return OptionalLong.of(-1L);
        }
        long result = value.longValue();
        return OptionalLong.of(negative ? -result : result);
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
