package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** glibc fnmatch(pattern, string, 0) answers, C locale. */
class FnmatchTest {
    @ParameterizedTest(name = "fnmatch({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "abc|abc|true",
        "abc|abd|false",
        "a*|a|true",
        "a*|abc/def|true",
        "*c|.abc|true",
        "a*b*c|aXbYbZc|true",
        "a*b*c|aXbYbZ|false",
        "*|''|true",
        "''|''|true",
        "''|a|false",
        "a?c|abc|true",
        "a?c|ac|false",
        "[abc]|b|true",
        "[!abc]|b|false",
        "[^abc]|d|true",
        "[a-c]x|bx|true",
        "[a-c]x|dx|false",
        "[]a]|]|true",
        "[!]a]|]|false",
        "[a-]|-|true",
        "[[:digit:]]*|7up|true",
        "[[:alpha:]]|7|false",
        "[[:upper:][:digit:]]|Q|true",
        "[[=a=]]|a|true",
        "[\\]]|]|true",
        "\\*|*|true",
        "\\*|a|false",
        "a\\|a\\|false",
        "a[|a[|true",
        "a[b|a[b|true",
        "a[b|ab|false",
        "pci:v00008086d*sv*|pci:v00008086d000010D3sv00001028|true",
        "usb:v*p*d*dc*dsc*dp*ic03isc01ip02in*|usb:v046Dp0001d0100dc00dsc00dp00ic03isc01ip02in00|true",
        "net_pf_1[05]|net_pf_10|true",
        "net_pf_1[05]|net_pf_11|false",
    })
    void matchesLikeGlibc(String pattern, String string, boolean expected) {
        assertEquals(expected, Fnmatch.matchesLatin1(pattern, string));
    }
}
