package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IndexWriterTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @EnumSource(IndexWriter.Layout.class)
    void emptyIndexIsTheTwelveByteHeader(IndexWriter.Layout layout) {
        assertEquals("b007f457000200010000000c", HEX.formatHex(new IndexWriter().toBytes(layout)));
    }

    @Test
    void oneKeyPreOrder() {
        IndexWriter w = new IndexWriter();
        w.add("ab", "x", 5);
        // root at 12: children 'a'..'a' -> leaf at 18 (PREFIX|VALUES): "b\0", 1 value, priority 5, "x\0"
        assertEquals("b007f457" + "00020001" + "2000000c"
                + "6161" + "c0000012"
                + "6200" + "00000001" + "00000005" + "7800",
                HEX.formatHex(w.toBytes(IndexWriter.Layout.PRE_ORDER)));
    }

    @Test
    void oneKeyPostOrder() {
        IndexWriter w = new IndexWriter();
        w.add("ab", "x", 5);
        // leaf first at 12, root after it at 24
        assertEquals("b007f457" + "00020001" + "20000018"
                + "6200" + "00000001" + "00000005" + "7800"
                + "6161" + "c000000c",
                HEX.formatHex(w.toBytes(IndexWriter.Layout.POST_ORDER)));
    }

    @Test
    void childTableSpansFirstToLastWithZeroWordsForGaps() {
        IndexWriter w = new IndexWriter();
        w.add("a", "", 0);
        w.add("c", "", 0);
        byte[] bytes = w.toBytes(IndexWriter.Layout.PRE_ORDER);
        // root: 'a'..'c' = 3 words, the one for 'b' is 0; leaves hold only VALUES (empty prefix)
        assertEquals("2000000c" + "6163" + "4000001a" + "00000000" + "40000023",
                HEX.formatHex(bytes, 8, 8 + 4 + 2 + 12));
        assertEquals(List.of("a=@0", "c=@0"), TrieDump.of(bytes).entries);
    }

    @Test
    void mismatchInsidePrefixSplitsTheNode() {
        IndexWriter w = new IndexWriter();
        w.add("abcd", "1", 0);
        w.add("abxy", "2", 0);
        w.add("ab", "3", 0);
        TrieDump dump = TrieDump.of(w.toBytes(IndexWriter.Layout.PRE_ORDER));
        assertEquals(List.of("ab=3@0", "abcd=1@0", "abxy=2@0"), dump.entries);
        // root -> 'a' (prefix "b", value 3) -> 'c' (prefix "d"), 'x' (prefix "y")
        assertEquals(4, dump.nodes);
    }

    @Test
    void valuesAscendByPriorityWithTiesNewestFirst() {
        IndexWriter w = new IndexWriter();
        w.add("k", "a", 5);
        w.add("k", "b", 3);
        w.add("k", "c", 5);
        w.add("k", "d", 0);
        w.add("k", "e", 3);
        assertEquals(List.of("k=d@0", "k=e@3", "k=b@3", "k=c@5", "k=a@5"),
                TrieDump.of(w.toBytes(IndexWriter.Layout.PRE_ORDER)).entries);
    }

    @Test
    void prioritiesCompareUnsigned() {
        IndexWriter w = new IndexWriter();
        w.add("k", "big", 0xFFFFFFFF);
        w.add("k", "small", 1);
        assertEquals(List.of("k=small@1", "k=big@4294967295"),
                TrieDump.of(w.toBytes(IndexWriter.Layout.PRE_ORDER)).entries);
    }

    @Test
    void duplicatesAreKeptAndReported() {
        IndexWriter w = new IndexWriter();
        assertFalse(w.add("md5", "", 0));
        assertTrue(w.add("md5", "", 0));
        assertFalse(w.add("md5", "other", 0));
        assertEquals(3, w.size());
        assertEquals(List.of("md5=other@0", "md5=@0", "md5=@0"),
                TrieDump.of(w.toBytes(IndexWriter.Layout.POST_ORDER)).entries);
    }

    @Test
    void emptyKeyGoesOnTheRoot() {
        IndexWriter w = new IndexWriter();
        w.add("", "root", 7);
        assertEquals("4000000c" + "00000001" + "00000007" + "726f6f7400",
                HEX.formatHex(w.toBytes(IndexWriter.Layout.PRE_ORDER), 8, 8 + 4 + 13));
    }

    @Test
    void layoutsHoldTheSameTrie() {
        IndexWriter w = new IndexWriter();
        Stream.of("snd-hda", "snd_hda_intel", "snd*", "usb:v*p*", "usb:v1234p*", "pci:v*").forEach(k -> w.add(k, k.toUpperCase(), k.length()));
        byte[] pre = w.toBytes(IndexWriter.Layout.PRE_ORDER);
        byte[] post = w.toBytes(IndexWriter.Layout.POST_ORDER);
        assertEquals(pre.length, post.length);
        assertFalse(java.util.Arrays.equals(pre, post));
        assertEquals(TrieDump.of(pre).entries, TrieDump.of(post).entries);
        assertEquals(6, TrieDump.of(pre).entries.size());
    }

    @Test
    void toByteBufferWrapsTheBytes() {
        IndexWriter w = new IndexWriter();
        w.add("a", "b", 1);
        ByteBuffer buf = w.toByteBuffer(IndexWriter.Layout.PRE_ORDER);
        assertEquals(0, buf.position());
        byte[] copy = new byte[buf.remaining()];
        buf.get(copy);
        assertArrayEquals(w.toBytes(IndexWriter.Layout.PRE_ORDER), copy);
    }

    @Test
    void rejectsNonAsciiKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IndexWriter().add("caf\u00e9", "", 0));
        assertEquals("key \"caf\u00e9\": character 0xe9 at 3 is not 7-bit ASCII without NUL", e.getMessage());
    }

    @Test
    void rejectsNulInValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IndexWriter().add("k", "a\0b", 0));
        assertEquals("value \"a\0b\": character 0x00 at 1 is not 7-bit ASCII without NUL", e.getMessage());
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("modules.alias.bin");
        Files.writeString(file, "old content");
        IndexWriter w = new IndexWriter();
        w.add("fs_fuse", "fuse", 1);
        w.write(file, IndexWriter.Layout.PRE_ORDER);
        assertArrayEquals(w.toBytes(IndexWriter.Layout.PRE_ORDER), Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writeIntoMissingDirectoryNamesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("absent/modules.dep.bin");
        KmodException e = assertThrows(KmodException.class, () -> new IndexWriter().write(file, IndexWriter.Layout.PRE_ORDER));
        assertTrue(e.getMessage().startsWith(file + ": cannot write index: java.nio.file.NoSuchFileException: "), e.getMessage());
    }
}
