package io.github.jkmod.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.index.IndexFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's reading of {@code modules.devname}: what kmod's {@code static-nodes} accepts and
 * prints is compared with the real tool in {@code kmod-cli}'s {@code StaticNodesConformanceTest}
 * (which runs the same parser); here what only the library shows: its records, its errors naming
 * file and line, an absent file, and {@code KmodContext.staticNodes()}.
 */
class StaticNodesTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("modules.devname");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return file;
    }

    @Test
    void readsEntriesAndSkipsComments() throws Exception {
        Path file = write("# Device nodes\nfuse fuse c10:229\nloop loop-control c10:237\ndm_mod mapper/control c10:236\n"
                + "nvme nvme-fabrics b1:2");
        List<StaticNode> nodes = StaticNodes.read(file);
        assertEquals(List.of(new StaticNode("fuse", "fuse", StaticNode.Type.CHARACTER, 10, 229),
                new StaticNode("loop", "loop-control", StaticNode.Type.CHARACTER, 10, 237),
                new StaticNode("dm_mod", "mapper/control", StaticNode.Type.CHARACTER, 10, 236),
                new StaticNode("nvme", "nvme-fabrics", StaticNode.Type.BLOCK, 1, 2)), nodes);
        assertThrows(UnsupportedOperationException.class, () -> nodes.add(nodes.get(0)));
    }

    @Test
    void numbersAreReadAsCUnsignedInt() throws Exception {
        // kmod's sscanf %u: a sign is taken, the value wraps to 32 bits, beyond 64 bits it is ULONG_MAX
        List<StaticNode> nodes = StaticNodes.read(write("a b c+1:-1\na b c4294967296:99999999999999999999\n"
                + "a b c 7: 8 trailing words\n"));
        assertEquals(List.of(new StaticNode("a", "b", StaticNode.Type.CHARACTER, 1, 4294967295L),
                new StaticNode("a", "b", StaticNode.Type.CHARACTER, 0, 4294967295L),
                new StaticNode("a", "b", StaticNode.Type.CHARACTER, 7, 8)), nodes);
    }

    @Test
    void malformedLineIsNamedByFileAndLine() throws Exception {
        Path file = write("# comment\nfuse fuse c10:229\nfuse fuse x10:229\n");
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> StaticNodes.read(file));
        assertEquals(file, e.file());
        assertEquals(3, e.offset());
        assertTrue(e.getMessage().startsWith(file + ":3: invalid devname entry 'fuse fuse x10:229'"), e.getMessage());
    }

    @Test
    void blankLinesAndIndentedCommentsAreMalformedAsInKmod() throws Exception {
        assertEquals(2, assertThrows(IndexFormatException.class,
                () -> StaticNodes.read(write("fuse fuse c10:229\n\n"))).offset());
        assertEquals(1, assertThrows(IndexFormatException.class,
                () -> StaticNodes.read(write("  # indented\n"))).offset());
        assertEquals(1, assertThrows(IndexFormatException.class,
                () -> StaticNodes.read(write("fuse fuse c10 :229\n"))).offset());
    }

    @Test
    void aLineKmodWouldReadInPiecesIsRejected() throws Exception {
        String longName = "m".repeat(StaticNodes.MAX_LINE_BYTES);
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> StaticNodes.read(write("# x\n" + longName + " d c1:2\n")));
        assertEquals(2, e.offset());
    }

    @Test
    void absentFileHasNoNodesAndAnUnreadableOneIsAnError() throws Exception {
        assertEquals(List.of(), StaticNodes.read(dir.resolve("absent")));
        Files.createDirectory(dir.resolve("a-directory"));
        KmodException e = assertThrows(KmodException.class, () -> StaticNodes.read(dir.resolve("a-directory")));
        assertTrue(e.getMessage().startsWith(dir.resolve("a-directory") + ": cannot read"), e.getMessage());
    }

    @Test
    void recordsCheckTheirParts() {
        assertThrows(IllegalArgumentException.class, () -> new StaticNode("", "d", StaticNode.Type.BLOCK, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new StaticNode("m", "d", StaticNode.Type.BLOCK, -1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new StaticNode("m", "d", StaticNode.Type.BLOCK, 1, StaticNode.MAX_NUMBER + 1));
        assertThrows(NullPointerException.class, () -> new StaticNode("m", "d", null, 1, 1));
        assertEquals('b', StaticNode.Type.BLOCK.letter());
    }

    @Test
    void contextReadsItsModuleDirectory() throws Exception {
        Path modules = dir.resolve("root/lib/modules/9.9.9-jkmod-test");
        Files.createDirectories(modules);
        Files.writeString(modules.resolve("modules.devname"), "fuse fuse c10:229\n");
        KmodContext ctx = KmodContext.builder().root(dir.resolve("root")).release("9.9.9-jkmod-test")
                .configPaths(List.of(Path.of("/dev/null"))).build();
        assertEquals(List.of(new StaticNode("fuse", "fuse", StaticNode.Type.CHARACTER, 10, 229)), ctx.staticNodes());
        Files.writeString(modules.resolve("modules.devname"), "fuse\n");
        IndexFormatException e = assertThrows(IndexFormatException.class, ctx::staticNodes);
        assertEquals(modules.resolve("modules.devname"), e.file());
    }
}
