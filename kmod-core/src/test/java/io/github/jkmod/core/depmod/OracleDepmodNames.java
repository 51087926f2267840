package io.github.jkmod.core.depmod;

import java.nio.file.Path;

/** Module names of files, as depmod gives them. */
final class OracleDepmodNames {
    private OracleDepmodNames() {
    }

    static String name(Path file) {
        return ModuleScanner.moduleName(file.toString());
    }
}
