package io.github.jkmod.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies the small hand-made module directories of {@code src/test/resources/fixtures} into a test's directory. */
final class Fixtures {
    /** The files of {@code fixtures/depmod-small} (see its README). */
    static final List<String> DEPMOD_SMALL = List.of("modules.alias", "modules.alias.bin", "modules.builtin",
            "modules.builtin.alias.bin", "modules.builtin.bin", "modules.builtin.modinfo", "modules.dep",
            "modules.dep.bin", "modules.devname", "modules.order", "modules.softdep", "modules.symbols",
            "modules.symbols.bin");

    private Fixtures() {
    }

    /** Copies {@code fixtures/name/file} for each of {@code files} into {@code dir}; returns {@code dir}. */
    static Path copy(String name, List<String> files, Path dir) {
        try {
            Files.createDirectories(dir);
            for (String file : files) {
                try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name + "/" + file)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no fixture " + name + "/" + file);
                    }
                    Files.copy(in, dir.resolve(file));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offset of the first byte where {@code a} and {@code b} differ, or -1 when they are equal. */
    static long firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }
}
