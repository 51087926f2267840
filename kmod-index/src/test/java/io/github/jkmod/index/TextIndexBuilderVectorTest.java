package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The indexes built from the real Debian text files equal, byte for byte, the files that the real
 * depmod wrote: kmod 34 (pre-order) and kmod 30 (post-order).
 */
class TextIndexBuilderVectorTest {
    private static TextIndexBuilder builder;

    @BeforeAll
    static void unpack(@TempDir Path dir) throws IOException {
        for (IndexKind kind : IndexKind.values()) {
            Files.copy(TestVectors.file("text", kind.textName()), dir.resolve(kind.textName()));
        }
        Files.copy(TestVectors.file("text", "modules.order"), dir.resolve("modules.order"));
        builder = TextIndexBuilder.of(dir);
    }

    @ParameterizedTest
    @EnumSource(IndexKind.class)
    void preOrderEqualsKmod34(IndexKind kind) throws Exception {
        assertSameBytes(TestVectors.file("kmod34", kind.binaryName()), builder.build(kind).toBytes(IndexWriter.Layout.PRE_ORDER));
    }

    @ParameterizedTest
    @EnumSource(IndexKind.class)
    void postOrderEqualsKmod30(IndexKind kind) throws Exception {
        assertSameBytes(TestVectors.file("kmod30", kind.binaryName()), builder.build(kind).toBytes(IndexWriter.Layout.POST_ORDER));
    }

    @Test
    void valueCountsMatchTheTextFiles() throws Exception {
        assertEquals(4023, builder.build(IndexKind.DEP).size());
        assertEquals(26222, builder.build(IndexKind.ALIAS).size());
        assertEquals(14180, builder.build(IndexKind.SYMBOLS).size());
        assertEquals(186, builder.build(IndexKind.BUILTIN).size());
        assertEquals(62, builder.build(IndexKind.BUILTIN_ALIAS).size());
        assertEquals(4023, builder.orderNumbers().size());
        assertEquals(0, builder.orderNumbers().get("power"));
        assertEquals(4022, builder.orderNumbers().values().stream().mapToInt(Integer::intValue).max().getAsInt());
    }

    static void assertSameBytes(Path expectedFile, byte[] actual) throws IOException {
        byte[] expected = Files.readAllBytes(expectedFile);
        long at = Fixtures.firstDifference(expected, actual);
        assertTrue(Arrays.equals(expected, actual), () -> expectedFile + ": first difference at offset " + at
                + " (expected " + expected.length + " bytes, got " + actual.length + ")");
    }
}
