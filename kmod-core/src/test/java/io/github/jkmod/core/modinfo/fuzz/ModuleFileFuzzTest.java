package io.github.jkmod.core.modinfo.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.jkmod.KmodException;
import io.github.jkmod.core.elf.ElfSection;
import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.modinfo.ModinfoField;
import io.github.jkmod.core.modinfo.ModinfoPrinter;
import io.github.jkmod.core.modinfo.ModuleFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes {@link ModuleFile}: the input is a module file, plain ELF or compressed (gzip, xz, zstd:
 * chosen by its first bytes). Reading it, then every accessor ({@code modinfo}, {@code __versions},
 * exports, signature, the force edits, the modinfo text), either answers or throws
 * {@link ModuleFormatException}; anything else is a finding. The decompressed image is bounded by
 * {@link #MAX_IMAGE_SIZE}, which the reader must respect. Seeds: small real Debian modules (signed,
 * with {@code __versions} and exports), compressed copies, and the synthetic ones of the unit tests.
 */
class ModuleFileFuzzTest {
    /** The image limit given to {@link ModuleFile#read(Path, long)}: 4 MiB keeps bombs cheap. */
    static final long MAX_IMAGE_SIZE = 4L << 20;

    private static final FileSystem FS = Jimfs.newFileSystem(Configuration.unix());
    private static final Path FILE = FS.getPath("/lib/modules/fuzz/kernel/fuzz.ko");

    @FuzzTest
    void moduleFile(byte[] input) throws KmodException {
        write(input);
        ModuleFile module;
        try {
            module = ModuleFile.read(FILE, MAX_IMAGE_SIZE);
        } catch (ModuleFormatException rejected) {
            return;
        }
        if (module.imageSize() > MAX_IMAGE_SIZE) {
            throw new AssertionError("image of " + module.imageSize() + " bytes exceeds the limit");
        }
        exercise(module);
    }

    /** Calls every accessor of {@code module}, each failing on its own as the real tools do. */
    static void exercise(ModuleFile module) {
        module.hasModinfo();
        module.hasVersions();
        module.withoutModversions();
        module.elf().symbolTable();
        for (ElfSection s : module.elf().sections()) {
            s.allocated();
        }
        List<Part> parts = List.of(ModuleFile::modinfo, m -> m.modinfo("depends"), ModuleFile::versions,
                ModuleFile::exports, ModuleFile::hasExportTable, ModuleFile::signature,
                ModuleFile::withoutVermagic, ModuleFile::info);
        for (Part part : parts) {
            try {
                part.read(module);
            } catch (ModuleFormatException rejected) {
                // allowed: only this part is broken
            }
        }
        try {
            List<ModinfoField> info = module.info();
            ModinfoPrinter.allFields().formatFile(module.file().toString(), info, error -> { });
            ModinfoPrinter.onlyField("signer").formatFile(module.file().toString(), info, error -> { });
        } catch (ModuleFormatException rejected) {
            // allowed
        }
        try {
            Optional<ElfSection> symtab = module.elf().symbolTable();
            if (symtab.isPresent()) {
                module.elf().symbols(symtab.get());
            }
        } catch (ModuleFormatException rejected) {
            // allowed
        }
    }

    private static void write(byte[] content) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Part {
        Object read(ModuleFile module) throws ModuleFormatException;
    }
}
