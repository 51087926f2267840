package io.github.jkmod.core.modinfo.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.modinfo.ModuleFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The findings of {@link ModuleFileFuzzTest}, each now rejected with an exact message. Each input
 * also stays in the target's regression corpus ({@code finding-*}).
 */
class ModuleFileFindingsTest {

    static byte[] input(String name) throws IOException {
        try (InputStream in = ModuleFileFindingsTest.class.getResourceAsStream(
                "ModuleFileFuzzTestInputs/moduleFile/" + name)) {
            return in.readAllBytes();
        }
    }

    /**
     * A section name table of type SHT_NOBITS (offset 128 MiB, size 384 MiB in a 6 KB file) was
     * read as if its bytes were in the file: ArrayIndexOutOfBoundsException. It holds no bytes, so
     * the first name offset lies outside it.
     */
    @Test
    void nobitsSectionNameTableHoldsNoNames() throws IOException {
        byte[] data = input("finding-nobits-section-name-table.ko");
        ModuleFormatException e = assertThrows(ModuleFormatException.class,
                () -> ModuleFile.of(Path.of("nobits.ko"), data));
        assertEquals("nobits.ko: offset 3848: section 0 name offset 1024 outside the section name table (0 bytes)",
                e.getMessage());
    }
}
