package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.KmodException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Against {@code fixtures/depmod-small}: files that kmod 30's depmod wrote from edited inputs (see its README). */
class TextIndexBuilderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(IndexKind.class)
    void postOrderEqualsDepmod(IndexKind kind) throws Exception {
        Fixtures.copy("depmod-small", Fixtures.DEPMOD_SMALL, dir);
        TextIndexBuilderVectorTest.assertSameBytes(dir.resolve(kind.binaryName()),
                TextIndexBuilder.of(dir).build(kind).toBytes(IndexWriter.Layout.POST_ORDER));
    }

    @Test
    void orderNumbersHaveNoGapsForAbsentModules() throws Exception {
        Fixtures.copy("depmod-small", Fixtures.DEPMOD_SMALL, dir);
        assertEquals(Map.of("9pnet_fd", 0, "fuse", 1, "crc16", 2, "9pnet", 3, "mii", 4),
                TextIndexBuilder.of(dir).orderNumbers());
    }

    @Test
    void builtinAliasesKeepFileOrderAndSkipInvalidOnes() throws Exception {
        Fixtures.copy("depmod-small", Fixtures.DEPMOD_SMALL, dir);
        byte[] bytes = TextIndexBuilder.of(dir).build(IndexKind.BUILTIN_ALIAS).toBytes(IndexWriter.Layout.PRE_ORDER);
        assertEquals(List.of("crypto_md5=md5@0", "j=m3@0", "j_[x-y]=m1@0", "k=m1@0", "k=m2@0", "k=m1@0",
                "md5=dup@0", "md5=md5@0", "ok_[a-b]_c=bad@0", "platform:dw_apb_uart=8250_dw@0"),
                TrieDump.of(bytes).entries);
    }

    @Test
    void orderNumbersUseTheLastLineOfARepeatedOrderEntryAndDepOrderForTheRest() throws Exception {
        write("modules.dep", "kernel/a.ko:\nkernel/b.ko:\nkernel/c.ko:\nkernel/d.ko:\n");
        // depmod (checked with kmod 30): a module listed twice sorts by its last line
        write("modules.order", "kernel/c.ko\nkernel/absent.ko\nkernel/b.ko\nkernel/c.ko\n");
        assertEquals(Map.of("b", 0, "c", 1, "a", 2, "d", 3), TextIndexBuilder.of(dir).orderNumbers());
    }

    @Test
    void withoutModulesOrderTheDepFileOrderCounts() throws Exception {
        write("modules.dep", "kernel/z.ko:\nkernel/a.ko:\n");
        write("modules.alias", "alias x-y z\nalias x-y a\nalias bad] a\nalias q nowhere\n");
        TextIndexBuilder builder = TextIndexBuilder.of(dir);
        assertEquals(Map.of("z", 0, "a", 1), builder.orderNumbers());
        assertEquals(List.of("q=nowhere@2", "x_y=z@0", "x_y=a@1"),
                TrieDump.of(builder.build(IndexKind.ALIAS).toBytes(IndexWriter.Layout.PRE_ORDER)).entries);
        assertEquals(List.of(IndexKind.DEP, IndexKind.ALIAS), builder.available());
    }

    @Test
    void symbolsAreNotNormalised() throws Exception {
        write("modules.dep", "m.ko:\n");
        write("modules.symbols", "alias symbol:a-b m\n");
        assertEquals(List.of("symbol:a-b=m@0"),
                TrieDump.of(TextIndexBuilder.of(dir).build(IndexKind.SYMBOLS).toBytes(IndexWriter.Layout.PRE_ORDER)).entries);
    }

    @Test
    void nonAsciiBuiltinAliasNamesTheRecord() throws Exception {
        Path f = dir.resolve("modules.builtin.modinfo");
        Files.write(f, "m.license=GPL\0m.alias=caf\u00e9\0".getBytes(StandardCharsets.UTF_8));
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> TextIndexBuilder.of(dir).build(IndexKind.BUILTIN_ALIAS));
        assertEquals(f + ": offset 14: key \"caf\u00e9\": character 0xe9 at 3 is not 7-bit ASCII without NUL", e.getMessage());
    }

    @Test
    void missingTextFile() {
        KmodException e = assertThrows(KmodException.class, () -> TextIndexBuilder.of(dir).build(IndexKind.SYMBOLS));
        assertEquals(dir.resolve("modules.symbols") + ": no such file, cannot build modules.symbols.bin", e.getMessage());
    }

    @Test
    void writeAllWritesTheIndexesWhoseTextExists(@TempDir Path out) throws Exception {
        Fixtures.copy("depmod-small", Fixtures.DEPMOD_SMALL, dir);
        assertEquals(List.of(IndexKind.values()), TextIndexBuilder.of(dir).writeAll(out, IndexWriter.Layout.POST_ORDER));
        for (IndexKind kind : IndexKind.values()) {
            TextIndexBuilderVectorTest.assertSameBytes(dir.resolve(kind.binaryName()), Files.readAllBytes(out.resolve(kind.binaryName())));
        }
    }

    private void write(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }
}
