package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexes of a {@link ModuleDirectory}: lookups through the in-memory fallback built from the
 * real text files equal lookups through the real kmod 34 {@code .bin} files.
 */
class ModuleDirectoryIndexTest {
    private static ModuleDirectory fromText;
    private static ModuleDirectory fromBin;

    @BeforeAll
    static void unpack(@TempDir Path tmp) throws IOException {
        Path text = Files.createDirectories(tmp.resolve("text"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (IndexKind kind : IndexKind.values()) {
            Files.copy(TestVectors.file("text", kind.textName()), text.resolve(kind.textName()));
            Files.copy(TestVectors.file("kmod34", kind.binaryName()), bin.resolve(kind.binaryName()));
        }
        Files.copy(TestVectors.file("text", "modules.order"), text.resolve("modules.order"));
        fromText = ModuleDirectory.of(text);
        fromBin = ModuleDirectory.of(bin);
    }

    @Test
    void fallbackIndexesNameTheirTextFile() throws Exception {
        for (IndexKind kind : IndexKind.values()) {
            assertEquals(fromText.path().resolve(kind.textName()), fromText.index(kind).orElseThrow().file());
            assertEquals(fromBin.path().resolve(kind.binaryName()), fromBin.index(kind).orElseThrow().file());
        }
    }

    @Test
    void depLookupsAgree() throws Exception {
        List<DepEntry> deps = TextIndexFiles.readDep(TestVectors.file("text", "modules.dep"));
        int checked = 0;
        for (int i = 0; i < deps.size(); i += 37) {
            String name = deps.get(i).module();
            Optional<String> line = fromBin.dep().orElseThrow().lookup(name);
            assertEquals(Optional.of(deps.get(i).line()), line);
            assertEquals(line, fromText.dep().orElseThrow().lookup(name));
            checked++;
        }
        assertEquals(Optional.empty(), fromText.dep().orElseThrow().lookup("no_such_module"));
        assertTrue(checked > 100);
    }

    @Test
    void aliasSearchesAgree() throws Exception {
        List<AliasEntry> aliases = TextIndexFiles.readAliases(TestVectors.file("text", "modules.alias"));
        int nonEmpty = 0;
        for (int i = 0; i < aliases.size(); i += 97) {
            String query = Aliases.normalize(literal(aliases.get(i).pattern()));
            List<IndexValue> expected = fromBin.alias().orElseThrow().search(query);
            assertEquals(expected, fromText.alias().orElseThrow().search(query), query);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 200, "only " + nonEmpty + " queries matched");
    }

    @Test
    void symbolAndBuiltinSearchesAgree() throws Exception {
        for (AliasEntry symbol : sample(TextIndexFiles.readSymbols(TestVectors.file("text", "modules.symbols")), 53)) {
            List<IndexValue> expected = fromBin.symbols().orElseThrow().search(symbol.pattern());
            assertTrue(expected.stream().anyMatch(v -> v.value().equals(symbol.module())), symbol.toString());
            assertEquals(expected, fromText.symbols().orElseThrow().search(symbol.pattern()));
        }
        for (String path : TextIndexFiles.readBuiltin(TestVectors.file("text", "modules.builtin"))) {
            String name = ModuleNames.fromPath(path);
            assertEquals(Optional.of(""), fromBin.builtin().orElseThrow().lookup(name));
            assertEquals(Optional.of(""), fromText.builtin().orElseThrow().lookup(name));
        }
        for (ModinfoRecord r : TextIndexFiles.readBuiltinModinfo(TestVectors.file("text", "modules.builtin.modinfo"))) {
            if (r.key().equals("alias")) {
                String query = Aliases.normalize(literal(r.value()));
                List<IndexValue> expected = fromBin.builtinAlias().orElseThrow().search(query);
                assertFalse(expected.isEmpty(), query);
                assertEquals(expected, fromText.builtinAlias().orElseThrow().search(query));
            }
        }
    }

    @Test
    void indexesAreOpenedOnceAndShared() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ModuleIndex>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> fromText.symbols().orElseThrow()));
            }
            ModuleIndex first = futures.get(0).get();
            for (Future<ModuleIndex> f : futures) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void binWinsOverTextAndTextServesWhenBinIsMissing(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy("depmod-small", Fixtures.DEPMOD_SMALL, tmp.resolve("lib/modules/9.9.9"));
        Files.delete(dir.resolve("modules.symbols.bin"));
        ModuleDirectory md = ModuleDirectory.open(tmp, "9.9.9");
        assertEquals(dir.resolve("modules.alias.bin"), md.alias().orElseThrow().file());
        assertEquals(dir.resolve("modules.symbols"), md.symbols().orElseThrow().file());
        assertEquals(List.of(new IndexValue(2, "crc16")), md.symbols().orElseThrow().search("symbol:crc16"));
        assertEquals(List.of(new IndexValue(0, "m1"), new IndexValue(0, "m2"), new IndexValue(0, "m1")),
                md.builtinAlias().orElseThrow().search("k"));
        assertSame(md.alias().orElseThrow(), md.alias().orElseThrow());
    }

    @Test
    void aBadHeaderIsNoIndexAndADamagedBodyAnErrorNeitherAFallback(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy("depmod-small", Fixtures.DEPMOD_SMALL, tmp);
        Path bin = dir.resolve("modules.dep.bin");
        // a wrong magic: no index at all (as kmod), reported once, and never the text twin instead
        Files.write(bin, new byte[] {1, 2, 3, 4, 0, 2, 0, 1, 0, 0, 0, 12});
        assertTrue(ModuleDirectory.of(dir).dep().isEmpty());
        assertEquals(List.of("magic check fail: 1020304 instead of b007f457"),
                ModuleDirectory.of(dir).startupProblems().stream().map(IndexHeaderCheck::kmodMessage).toList());
        // a good header whose root lies past the end: jkmod's clear error on the first lookup
        Files.write(bin, new byte[] {(byte) 0xb0, 0x07, (byte) 0xf4, 0x57, 0, 2, 0, 1, 0x20, 0, 0x10, 0});
        IndexFormatException e = assertThrows(IndexFormatException.class,
                () -> ModuleDirectory.of(dir).dep().orElseThrow().lookup("fuse"));
        assertEquals(bin, e.file());
    }

    /** A literal string that the fnmatch pattern matches: '*' dropped, '?' as 'x', a bracket as its first member (no negated brackets in the data). */
    static String literal(String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                continue;
            } else if (c == '?') {
                out.append('x');
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 2);
                out.append(pattern.charAt(i + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static <T> List<T> sample(List<T> all, int step) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            out.add(all.get(i));
        }
        return out;
    }
}
