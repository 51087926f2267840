package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.modinfo.ModVersion;
import io.github.jkmod.core.modinfo.ModuleFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code modprobe --show-modversions FILE} and {@code --show-exports FILE}. */
final class DumpSymbolsAction {
    private DumpSymbolsAction() {
    }

    static int run(Invocation inv, boolean exports) throws KmodException {
        String name = inv.options().operands().get(0);
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            inv.logMain("Module " + name + " not found.");
            return 1;
        }
        ModuleFile module = ModuleFile.read(file);
        boolean present = exports ? module.hasExportTable() : module.hasVersions();
        if (!present) {
            inv.logMain("could not get " + (exports ? "symbols" : "modversions") + " of " + name
                    + ": No such file or directory");
            return 1;
        }
        List<ModVersion> list = exports ? module.exports() : module.versions();
        for (ModVersion v : list) {
            inv.out().println(v.format());
        }
        return 0;
    }
}
