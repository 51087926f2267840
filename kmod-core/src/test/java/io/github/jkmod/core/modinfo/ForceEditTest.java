package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.core.elf.ElfSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The copies edited for {@code --force-modversion} and {@code --force-vermagic}. */
class ForceEditTest {

    private static List<Integer> differences(byte[] a, byte[] b) {
        assertEquals(a.length, b.length);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                out.add(i);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "64-bit {0}, big-endian {1}")
    @CsvSource({"true,false", "true,true", "false,false", "false,true"})
    void everyFlavour(boolean is64, boolean bigEndian) throws Exception {
        ElfBuilder b = (is64 ? ElfBuilder.elf64(bigEndian) : ElfBuilder.elf32(bigEndian)).modinfo("name", "m")
                .modinfo("vermagic", "6.1.0 SMP mod_unload ").modinfo("license", "GPL").version(5, "module_layout");
        ModuleFile m = ModuleFile.of(Path.of("m.ko"), b.build());
        byte[] image = m.image();

        byte[] noVersions = m.withoutModversions();
        ElfSection versions = m.elf().section("__versions").orElseThrow();
        int flagsAt = (int) versions.headerOffset() + 8 + (bigEndian ? (is64 ? 7 : 3) : 0);
        assertEquals(List.of(flagsAt), differences(image, noVersions));
        ModuleFile edited = ModuleFile.of(Path.of("m.ko"), noVersions);
        assertFalse(edited.elf().section("__versions").orElseThrow().allocated());
        assertTrue(versions.allocated());
        assertEquals(versions.flags() & ~ElfSection.SHF_ALLOC, edited.elf().section("__versions").orElseThrow().flags());
        assertEquals(m.versions(), edited.versions());

        byte[] noVermagic = m.withoutVermagic();
        assertEquals("vermagic=6.1.0 SMP mod_unload ".length(), differences(image, noVermagic).size());
        ModuleFile blanked = ModuleFile.of(Path.of("m.ko"), noVermagic);
        assertEquals(List.of(new ModinfoField("name", "m"), new ModinfoField("license", "GPL")), blanked.modinfo());
        assertArrayEquals(image, m.image(), "the module itself is unchanged");
    }

    @Test
    void nothingToEdit() throws Exception {
        ModuleFile m = ModuleFile.of(Path.of("m.ko"), ElfBuilder.elf64(false).modinfo("name", "m").build());
        assertArrayEquals(m.image(), m.withoutModversions());
        assertArrayEquals(m.image(), m.withoutVermagic());
    }

    @Test
    void realModule() throws Exception {
        Path dir = RealTree.moduleDir();
        Path ext4 = dir.resolve("kernel/fs/ext4/ext4.ko");
        ModuleFile m = ModuleFile.read(ext4);
        // The tree's release (its directory name), not a literal one: the tree is updated in place.
        assertEquals(List.of(dir.getFileName() + " SMP preempt mod_unload modversions "), m.modinfo("vermagic"));
        ModuleFile blanked = ModuleFile.of(ext4, m.withoutVermagic());
        assertEquals(List.of(), blanked.modinfo("vermagic"));
        assertEquals(m.modinfo().size() - 1, blanked.modinfo().size());
        assertEquals(m.signature(), blanked.signature());
        ModuleFile unversioned = ModuleFile.of(ext4, m.withoutModversions());
        assertFalse(unversioned.elf().section("__versions").orElseThrow().allocated());
        assertEquals(1, differences(m.image(), m.withoutModversions()).size());
    }
}
