package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.elf.ElfBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules made by {@link ElfBuilder} in all four ELF flavours: fixed expectations, and the real
 * tools' answers when they are installed.
 */
class SyntheticModulesTest {
    @TempDir
    Path tmp;

    private static ElfBuilder typical(ElfBuilder b) {
        return b.alias("pci:v00001234d*sv*sd*bc*sc*i*").depends("dep_a", "dep_b").modinfo("license", "GPL")
                .modinfo("description", "An example module").modinfo("vermagic", "6.1.0-jkmod-synthetic SMP mod_unload ")
                .parm("debug", "Debug level (0-3)", "int").parm("names", "Names to use", "array of charp")
                .modinfo("name", "example").version(0x12345678L, "module_layout").version(0xdeadbeefL, "printk")
                .export(0xcafebabeL, "example_register").export(0x1L, "example_unregister");
    }

    @ParameterizedTest(name = "64-bit {0}, big-endian {1}")
    @CsvSource({"true,false", "true,true", "false,false", "false,true"})
    void everyFlavourReadsAlike(boolean is64, boolean bigEndian) throws Exception {
        ElfBuilder b = typical(is64 ? ElfBuilder.elf64(bigEndian) : ElfBuilder.elf32(bigEndian));
        Path file = b.write(tmp.resolve("example.ko"));
        ModuleFile m = ModuleFile.read(file);
        assertEquals(is64, m.elf().is64());
        assertEquals(bigEndian, m.elf().bigEndian());
        assertEquals(Compression.NONE, m.compression());
        assertEquals(List.of(new ModVersion(0x12345678L, "module_layout"), new ModVersion(0xdeadbeefL, "printk")),
                m.versions());
        assertEquals(List.of(new ModVersion(0xcafebabeL, "example_register"), new ModVersion(1, "example_unregister")),
                m.exports());
        assertEquals(List.of("dep_a,dep_b"), m.modinfo("depends"));
        assertEquals(String.join("\n",
                "filename:       " + file,
                "alias:          pci:v00001234d*sv*sd*bc*sc*i*",
                "depends:        dep_a,dep_b",
                "license:        GPL",
                "description:    An example module",
                "vermagic:       6.1.0-jkmod-synthetic SMP mod_unload ",
                "name:           example",
                "parm:           names:Names to use (array of charp)",
                "parm:           debug:Debug level (0-3) (int)", ""),
                ModinfoPrinter.allFields().formatFile(file.toString(), m.info(), e -> { }));
        assertEquals("0x12345678\tmodule_layout\n0xdeadbeef\tprintk\n", Oracle.lines(m.versions()));
        Oracle.assertModinfo(file);
        Oracle.assertSymbols(file);
    }

    @Test
    void exportsComeFromCrcSymbolsThenKsymtabStrings() throws Exception {
        Path abs = ElfBuilder.elf64(false).export(7, "k").exportAbsoluteCrc(0x123456789aL, "a_sym")
                .write(tmp.resolve("abs.ko"));
        assertEquals(List.of(new ModVersion(7, "k"), new ModVersion(0x123456789aL, "a_sym")),
                ModuleFile.read(abs).exports());
        assertEquals("0x00000007\tk\n0x123456789a\ta_sym\n", Oracle.lines(ModuleFile.read(abs).exports()));
        Oracle.assertSymbols(abs);

        Path noCrc = ElfBuilder.elf64(false).exportWithoutCrc("a_sym").exportWithoutCrc("b_sym")
                .write(tmp.resolve("nocrc.ko"));
        assertEquals(List.of(new ModVersion(0, "a_sym"), new ModVersion(0, "b_sym")), ModuleFile.read(noCrc).exports());
        Oracle.assertSymbols(noCrc);

        Path noSymtab = ElfBuilder.elf32(true).export(5, "a_sym").withoutSymtab().write(tmp.resolve("nosymtab.ko"));
        assertEquals(List.of(new ModVersion(0, "a_sym")), ModuleFile.read(noSymtab).exports());
        Oracle.assertSymbols(noSymtab);

        Path emptyStrings = ElfBuilder.elf64(false).section("__ksymtab_strings", 1, 0, new byte[0])
                .write(tmp.resolve("emptyks.ko"));
        assertTrue(ModuleFile.read(emptyStrings).hasExportTable());
        assertEquals(List.of(), ModuleFile.read(emptyStrings).exports());
        Oracle.assertSymbols(emptyStrings);

        Path none = ElfBuilder.elf64(false).modinfo("name", "none").write(tmp.resolve("none.ko"));
        ModuleFile m = ModuleFile.read(none);
        assertFalse(m.hasExportTable());
        assertFalse(m.hasVersions());
        assertEquals(List.of(), m.exports());
        assertEquals(List.of(), m.versions());
        Oracle.assertSymbols(none);
    }

    @Test
    void moduleWithoutModinfoSection() throws Exception {
        Path file = ElfBuilder.elf64(false).version(1, "x").write(tmp.resolve("bare.ko"));
        ModuleFile m = ModuleFile.read(file);
        assertFalse(m.hasModinfo());
        assertEquals(List.of(), m.modinfo());
        assertTrue(ModuleFile.read(ElfBuilder.elf64(false).modinfo("a", "b").write(tmp.resolve("x.ko"))).hasModinfo());
    }
}
