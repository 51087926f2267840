package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hand-made indexes: the empty index, unsigned priorities, the merge order, opening errors. */
class BinaryIndexTest {
    private static final int PREFIX = 0x80000000;
    private static final int VALUES = 0x40000000;
    private static final int CHILDS = 0x20000000;

    @TempDir
    Path tmp;

    private static ByteBuffer header(int size, int root) {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(0xB007F457).putInt(0x00020001).putInt(root);
        return b;
    }

    private static void putString(ByteBuffer b, String s) {
        b.put(s.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    }

    @Test
    void theEmptyIndexHasNothing() throws Exception {
        Path file = tmp.resolve("modules.alias.bin");
        Files.write(file, header(12, 12).array());
        BinaryIndex index = BinaryIndex.open(file);
        assertEquals(file, index.file());
        assertEquals(Optional.empty(), index.lookup(""));
        assertEquals(Optional.empty(), index.lookup("ext4"));
        assertEquals(List.of(), index.search(""));
        assertEquals(List.of(), index.search("pci:v*"));
        List<String> seen = new ArrayList<>();
        index.forEach((k, v) -> seen.add(k));
        assertEquals(List.of(), seen);
    }

    @Test
    void aNullRootWordIsAnEmptyIndex() throws Exception {
        BinaryIndex index = BinaryIndex.of(header(12, 0).rewind(), Path.of("zero-root"));
        assertEquals(Optional.empty(), index.lookup("a"));
        assertEquals(List.of(), index.search("a"));
    }

    @Test
    void anyMinorVersionIsAccepted() throws Exception {
        ByteBuffer b = header(12, 12);
        b.putInt(4, 0x0002FFFF);
        assertEquals(List.of(), BinaryIndex.of(b, Path.of("minor")).search("x"));
    }

    /**
     * Keys "*" (priority 0x90000000) and "a" (priorities 5, 0x80000000, 0xFFFFFFFF): priorities are
     * unsigned, kept as int bits, and ordered as unsigned numbers.
     */
    private static BinaryIndex unsignedPriorities() throws Exception {
        ByteBuffer b = header(280, CHILDS | 12);
        b.put((byte) '*').put((byte) 'a');
        for (int c = '*'; c <= 'a'; c++) {
            b.putInt(c == '*' ? VALUES | 238 : c == 'a' ? VALUES | 251 : 0);
        }
        assertEquals(238, b.position());
        b.putInt(1).putInt(0x90000000);
        putString(b, "star");
        b.putInt(3).putInt(5);
        putString(b, "five");
        b.putInt(0x80000000);
        putString(b, "big");
        b.putInt(0xFFFFFFFF);
        putString(b, "max");
        assertEquals(280, b.position());
        return BinaryIndex.of(b, Path.of("unsigned"));
    }

    @Test
    void prioritiesAboveIntMaxAreOrderedUnsigned() throws Exception {
        BinaryIndex index = unsignedPriorities();
        assertEquals(List.of(new IndexValue(5, "five"), new IndexValue(0x80000000, "big"),
                new IndexValue(0x90000000, "star"), new IndexValue(0xFFFFFFFF, "max")), index.search("a"));
        assertEquals(List.of(new IndexValue(0x90000000, "star")), index.search("b"));
        assertEquals(Optional.of("five"), index.lookup("a"));
        assertEquals(Optional.of("star"), index.lookup("*"));
        List<String> dump = new ArrayList<>();
        index.forEach((k, v) -> dump.add(k + "=" + v.value() + "/" + Integer.toUnsignedString(v.priority())));
        assertEquals(List.of("*=star/2415919104", "a=five/5", "a=big/2147483648", "a=max/4294967295"), dump);
    }

    /**
     * Keys "*" then "a*", both priority 1: a search for "ab" finds "*" first (scanned at the root) and
     * "a*" second; equal priorities come out newest-first.
     */
    @Test
    void equalPrioritiesComeOutNewestFirst() throws Exception {
        // root 12: CHILDS '*'..'a' (56 words) -> 238 "*" leaf, 251 "a" node with child '*' -> leaf
        ByteBuffer b = header(267, CHILDS | 12);
        b.put((byte) '*').put((byte) 'a');
        for (int c = '*'; c <= 'a'; c++) {
            b.putInt(c == '*' ? VALUES | 238 : c == 'a' ? CHILDS | 251 : 0);
        }
        b.putInt(1).putInt(1);
        putString(b, "y");
        assertEquals(248, b.position());
        b.position(251);
        b.put((byte) '*').put((byte) '*').putInt(VALUES | 257);
        b.putInt(1).putInt(1);
        putString(b, "x");
        assertEquals(267, b.position());
        BinaryIndex index = BinaryIndex.of(b, Path.of("ties"));
        assertEquals(List.of(new IndexValue(1, "x"), new IndexValue(1, "y")), index.search("ab"));
        assertEquals(List.of(new IndexValue(1, "y")), index.search("b"));
    }

    /** A prefix holding a wildcard: "ab*d" with the query "abxyzd". */
    @Test
    void aWildcardInsideAPrefixScansFromThere() throws Exception {
        ByteBuffer b = header(12 + 5 + 4 + 4 + 2, PREFIX | VALUES | 12);
        putString(b, "ab*d");
        b.putInt(1).putInt(7);
        putString(b, "m");
        BinaryIndex index = BinaryIndex.of(b, Path.of("prefix"));
        assertEquals(List.of(new IndexValue(7, "m")), index.search("abxyzd"));
        assertEquals(List.of(new IndexValue(7, "m")), index.search("abd"));
        assertEquals(List.of(), index.search("abxyz"));
        assertEquals(List.of(), index.search("aXd"));
        assertEquals(Optional.empty(), index.lookup("abxd"));
        assertEquals(Optional.of("m"), index.lookup("ab*d"));
    }

    @Test
    void ofReadsFromPositionZeroWithoutTouchingTheCallersBuffer() throws Exception {
        ByteBuffer b = header(12 + 5 + 4 + 4 + 2, PREFIX | VALUES | 12);
        putString(b, "ab*d");
        b.putInt(1).putInt(7);
        putString(b, "m");
        b.position(7);
        BinaryIndex index = BinaryIndex.of(b, Path.of("pos"));
        assertEquals(7, b.position());
        assertEquals(Optional.of("m"), index.lookup("ab*d"));
        ByteBuffer shorter = b.duplicate().limit(20);
        assertThrows(IndexFormatException.class, () -> BinaryIndex.of(shorter, Path.of("short")).lookup("ab*d"));
    }

    @Test
    void aMissingFileIsAKmodExceptionNamingIt() {
        Path missing = tmp.resolve("modules.dep.bin");
        KmodException e = assertThrows(KmodException.class, () -> BinaryIndex.open(missing));
        assertFalse(e instanceof IndexFormatException);
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void aDirectoryIsAKmodExceptionNamingIt() {
        KmodException e = assertThrows(KmodException.class, () -> BinaryIndex.open(tmp));
        assertTrue(e.getMessage().startsWith(tmp + ": "), e.getMessage());
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        BinaryIndex dep = BinaryIndex.open(TestVectors.file("kmod34", "modules.dep.bin"));
        BinaryIndex alias = BinaryIndex.open(TestVectors.file("kmod30", "modules.alias.bin"));
        List<java.util.Map.Entry<String, String>> lines = TextTwins.dep();
        String query = "pci:v00008086d00001502sv00000000sd00000000bc02sc00i00";
        List<IndexValue> expected = alias.search(query);
        assertEquals("e1000e", expected.get(0).value());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int start = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = start; i < lines.size(); i += 4) {
                        if (dep.lookup(lines.get(i).getKey()).orElseThrow().equals(lines.get(i).getValue())
                                && alias.search(query).equals(expected)) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            assertEquals(lines.size(), total);
        } finally {
            pool.shutdownNow();
        }
    }
}
