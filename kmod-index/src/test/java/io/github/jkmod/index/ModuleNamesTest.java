package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModuleNamesTest {
    @ParameterizedTest
    @CsvSource({
        "kernel/arch/x86/crypto/libblake2s-x86_64.ko, libblake2s_x86_64",
        "kernel/fs/fuse/fuse.ko.xz, fuse",
        "/opt/extra/my-mod.ko.zst, my_mod",
        "kernel/drivers/tty/serial/8250/8250-dw.ko, 8250_dw",
        "noext, noext",
        "dir.d/name-x, name_x",
    })
    void fromPath(String path, String name) {
        assertEquals(name, ModuleNames.fromPath(path));
    }

    @Test
    void normalizeOnlyReplacesDashes() {
        assertEquals("snd_hda_intel.x", ModuleNames.normalize("snd-hda-intel.x"));
    }
}
