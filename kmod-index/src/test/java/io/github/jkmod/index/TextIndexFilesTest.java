package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextIndexFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheRealModulesDep() throws Exception {
        List<DepEntry> deps = TextIndexFiles.readDep(TestVectors.file("text", "modules.dep"));
        assertEquals(4023, deps.size());
        DepEntry first = deps.get(0);
        assertEquals(new DepEntry("kernel/arch/x86/events/amd/power.ko", List.of()), first);
        assertEquals("power", first.module());
        assertEquals("kernel/arch/x86/events/amd/power.ko:", first.line());
    }

    @Test
    void depLineKeepsDependencyOrder() throws Exception {
        Path f = write("modules.dep", "kernel/a/x-y.ko.xz:  kernel/b.ko\tkernel/c.ko \n\n# comment\n/abs/z.ko:\n");
        List<DepEntry> deps = TextIndexFiles.readDep(f);
        assertEquals(List.of(new DepEntry("kernel/a/x-y.ko.xz", List.of("kernel/b.ko", "kernel/c.ko")),
                new DepEntry("/abs/z.ko", List.of())), deps);
        assertEquals("x_y", deps.get(0).module());
        assertEquals("kernel/a/x-y.ko.xz: kernel/b.ko kernel/c.ko", deps.get(0).line());
    }

    @Test
    void readsTheRealAliasAndSymbolFiles() throws Exception {
        List<AliasEntry> aliases = TextIndexFiles.readAliases(TestVectors.file("text", "modules.alias"));
        assertEquals(26222, aliases.size());
        assertEquals(new AliasEntry("cpu:type:x86,ven0000fam0006mod0086:feature:*", "intel_uncore"), aliases.get(0));
        List<AliasEntry> symbols = TextIndexFiles.readSymbols(TestVectors.file("text", "modules.symbols"));
        assertEquals(14180, symbols.size());
        assertEquals(new AliasEntry("symbol:unregister_snap_client", "psnap"), symbols.get(symbols.size() - 1));
    }

    @Test
    void readsTheRealBuiltinOrderDevnameAndModinfo() throws Exception {
        List<String> builtin = TextIndexFiles.readBuiltin(TestVectors.file("text", "modules.builtin"));
        assertEquals(186, builtin.size());
        assertEquals("kernel/arch/x86/events/amd/amd-uncore.ko", builtin.get(0));
        List<String> order = TextIndexFiles.readOrder(TestVectors.file("text", "modules.order"));
        assertEquals(4023, order.size());
        assertEquals("kernel/fs/fuse/fuse.ko", order.get(146));
        List<DevnameEntry> devname = TextIndexFiles.readDevname(TestVectors.file("text", "modules.devname"));
        assertEquals(18, devname.size());
        assertEquals(new DevnameEntry("fuse", "fuse", 'c', 10, 229), devname.get(1));
        assertEquals(new DevnameEntry("snd_timer", "snd/timer", 'c', 116, 33), devname.get(15));
        List<ModinfoRecord> modinfo = TextIndexFiles.readBuiltinModinfo(TestVectors.file("text", "modules.builtin.modinfo"));
        assertEquals(1061, modinfo.size());
        assertEquals(new ModinfoRecord("amd_uncore", "license", "GPL v2", 0), modinfo.get(0));
        assertEquals(new ModinfoRecord("amd_uncore", "file", "arch/x86/events/amd/amd-uncore", 26), modinfo.get(1));
        assertEquals(62, modinfo.stream().filter(r -> r.key().equals("alias")).count());
    }

    @Test
    void modinfoValuesAreUtf8AndMayHoldDotsAndEquals() throws Exception {
        Path f = dir.resolve("modules.builtin.modinfo");
        Files.write(f, "a.author=J\u00f6rg\0\0b.parm=x:y=z.w\0c.alias=last".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new ModinfoRecord("a", "author", "J\u00f6rg", 0),
                new ModinfoRecord("b", "parm", "x:y=z.w", 16), new ModinfoRecord("c", "alias", "last", 31)),
                TextIndexFiles.readBuiltinModinfo(f));
    }

    @Test
    void depLineWithoutColon() throws Exception {
        Path f = write("modules.dep", "kernel/a.ko:\nkernel/b.ko kernel/a.ko\n");
        assertError(f + ":2: missing ':' after the module path", () -> TextIndexFiles.readDep(f));
    }

    @Test
    void depLineWithEmptyPath() throws Exception {
        Path f = write("modules.dep", " : kernel/a.ko\n");
        assertError(f + ":1: empty module path before ':'", () -> TextIndexFiles.readDep(f));
    }

    @Test
    void depLineWithBlankInPath() throws Exception {
        Path f = write("modules.dep", "kernel/a b.ko:\n");
        assertError(f + ":1: blank inside module path 'kernel/a b.ko'", () -> TextIndexFiles.readDep(f));
    }

    @Test
    void aliasLineWithWrongKeyword() throws Exception {
        Path f = write("modules.alias", "# c\nalias a b\nalais x y\n");
        assertError(f + ":3: expected 'alias', found 'alais'", () -> TextIndexFiles.readAliases(f));
    }

    @Test
    void aliasLineWithWrongFieldCount() throws Exception {
        Path f = write("modules.alias", "alias usb:v*p* \n");
        assertError(f + ":1: expected 'alias PATTERN MODULE', found 2 fields", () -> TextIndexFiles.readAliases(f));
    }

    @Test
    void symbolLineWithoutSymbolPrefix() throws Exception {
        Path f = write("modules.symbols", "alias symbol:a m\nalias b m\n");
        assertError(f + ":2: expected 'symbol:NAME', found 'b'", () -> TextIndexFiles.readSymbols(f));
    }

    @Test
    void nonAsciiLine() throws Exception {
        Path f = dir.resolve("modules.order");
        Files.write(f, "kernel/a.ko\nkernel/\u00e9.ko\n".getBytes(StandardCharsets.UTF_8));
        assertError(f + ":2: byte 0xc3 at column 8 is not 7-bit ASCII text", () -> TextIndexFiles.readOrder(f));
    }

    @Test
    void orderLineWithBlank() throws Exception {
        Path f = write("modules.order", "kernel/a.ko kernel/b.ko\n");
        assertError(f + ":1: blank inside module path 'kernel/a.ko kernel/b.ko'", () -> TextIndexFiles.readOrder(f));
    }

    @Test
    void devnameLineWithWrongFieldCount() throws Exception {
        Path f = write("modules.devname", "fuse fuse\n");
        assertError(f + ":1: expected 'MODULE DEVNAME TYPEMAJOR:MINOR', found 2 fields", () -> TextIndexFiles.readDevname(f));
    }

    @Test
    void devnameLineWithBadDevice() throws Exception {
        Path f = write("modules.devname", "fuse fuse c10:229\nloop loop x10:237\n");
        assertError(f + ":2: bad device 'x10:237': expected c or b, the major, ':' and the minor",
                () -> TextIndexFiles.readDevname(f));
    }

    @Test
    void modinfoRecordWithoutEquals() throws Exception {
        Path f = dir.resolve("modules.builtin.modinfo");
        Files.write(f, "a.license=GPL\0b.alias\0".getBytes(StandardCharsets.US_ASCII));
        assertError(f + ": offset 14: record 'b.alias' has no '='", () -> TextIndexFiles.readBuiltinModinfo(f));
    }

    @Test
    void modinfoRecordWithoutModuleName() throws Exception {
        Path f = dir.resolve("modules.builtin.modinfo");
        Files.write(f, "license=GPL\0".getBytes(StandardCharsets.US_ASCII));
        assertError(f + ": offset 0: record 'license=GPL' does not start with 'module.key='",
                () -> TextIndexFiles.readBuiltinModinfo(f));
    }

    @Test
    void missingFileIsAKmodExceptionNamingIt() {
        Path f = dir.resolve("modules.dep");
        KmodException e = assertThrows(KmodException.class, () -> TextIndexFiles.readDep(f));
        assertEquals(f + ": cannot read: java.nio.file.NoSuchFileException: " + f, e.getMessage());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }

    private static void assertError(String message, org.junit.jupiter.api.function.Executable call) {
        IndexFormatException e = assertThrows(IndexFormatException.class, call);
        assertEquals(message, e.getMessage());
        assertTrue(e.offset() >= 0);
    }
}
