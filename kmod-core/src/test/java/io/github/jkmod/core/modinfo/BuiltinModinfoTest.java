package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.core.elf.ModuleFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fields of one builtin module from {@code modules.builtin.modinfo}. */
class BuiltinModinfoTest {
    private static final Path FILE = Path.of("modules.builtin.modinfo");

    private static byte[] data(String... records) {
        return (String.join("\0", records) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fieldsOfOneModuleInFileOrder() throws Exception {
        byte[] data = data("zswap.description=Compressed cache", "zswap_x.license=MIT", "zswap.license=GPL",
                "other.license=GPL", "zswap.parmtype=enabled:bool", "zswap.file=mm/zswap");
        assertEquals(List.of(new ModinfoField("description", "Compressed cache"), new ModinfoField("license", "GPL"),
                new ModinfoField("parmtype", "enabled:bool"), new ModinfoField("file", "mm/zswap")),
                BuiltinModinfo.fields(FILE, data, "zswap"));
        assertEquals(List.of(new ModinfoField("license", "MIT")), BuiltinModinfo.fields(FILE, data, "zswap_x"));
        assertEquals(List.of(), BuiltinModinfo.fields(FILE, data, "zsw"));
        assertEquals(List.of(), BuiltinModinfo.fields(FILE, new byte[0], "zswap"));
    }

    @Test
    void aLastRecordWithoutNulIsRead() throws Exception {
        assertEquals(List.of(new ModinfoField("a", "b=c")),
                BuiltinModinfo.fields(FILE, "m.a=b=c".getBytes(StandardCharsets.UTF_8), "m"));
    }

    @Test
    void aRecordWithoutEqualsFails() {
        ModuleFormatException e = assertThrows(ModuleFormatException.class,
                () -> BuiltinModinfo.fields(FILE, data("m.a=b", "m.broken"), "m"));
        assertEquals("modules.builtin.modinfo: offset 6: record without '=' for module m", e.getMessage());
    }

    @Test
    void blockReadsTheFirstRunOfTheModulesStringsAsKmod34() throws Exception {
        byte[] data = data("a.x=1", "m.license=GPL", "m.novalue", "m.=empty", "z.y=2", "m.late=1");
        assertEquals(List.of(new ModinfoField("license", "GPL"), new ModinfoField("novalue", ""),
                new ModinfoField("", "empty")), BuiltinModinfo.block(FILE, data, "m"));
        assertEquals(List.of(), BuiltinModinfo.block(FILE, data, "q"));
        assertEquals(List.of(new ModinfoField("y", "2")), BuiltinModinfo.block(FILE, data, "z"));
        assertEquals(List.of(new ModinfoField("a", "b")),
                BuiltinModinfo.block(FILE, "m.a=b".getBytes(StandardCharsets.UTF_8), "m"));
    }

    @Test
    void blockRefusesAStringWithoutDotMetBeforeTheBlockEnds() throws Exception {
        ModuleFormatException e = assertThrows(ModuleFormatException.class,
                () -> BuiltinModinfo.block(FILE, data("a.x=1", "garbage", "m.a=b"), "m"));
        assertEquals("modules.builtin.modinfo: offset 6: unexpected string without modname prefix", e.getMessage());
        assertThrows(ModuleFormatException.class, () -> BuiltinModinfo.block(FILE, data("m.a=b", ""), "m"),
                "an empty string has no dot either");
        assertEquals(List.of(new ModinfoField("a", "b")), BuiltinModinfo.block(FILE, data("m.a=b", "n.c=d", "garbage"), "m"),
                "after the block, nothing more is read");
    }
}
