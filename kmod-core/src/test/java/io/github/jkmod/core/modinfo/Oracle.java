package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.testsupport.ConformanceProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-checks a module file against the real kmod tools. Without them the calling test is skipped
 * (after the fixed expectations it asserted before the call), or fails under {@code .ci/run}.
 */
final class Oracle {
    private Oracle() {
    }

    /** Real {@code modinfo [options] FILE} stdout equals ours, and the errors it reports equal ours. */
    static void assertModinfo(Path file, ModinfoPrinter printer, List<String> options) throws KmodException {
        List<String> command = new ArrayList<>(List.of(RealTree.modinfo()));
        command.addAll(options);
        command.add(file.toString());
        RealTree.Result real = RealTree.run(command);
        List<String> errors = new ArrayList<>();
        String ours = printer.withProfile(ConformanceProfile.profile()).formatFile(file.toString(), ModuleFile.read(file).info(), errors::add);
        assertEquals(real.out(), ours, "modinfo " + options);
        StringBuilder err = new StringBuilder();
        errors.forEach(e -> err.append("modinfo: ERROR: ").append(e).append('\n'));
        assertEquals(real.err(), err.toString(), "modinfo " + options + " errors");
    }

    /** Real {@code modinfo}, {@code -0}, {@code -F parm} and {@code -0 -F parm} outputs equal ours. */
    static void assertModinfo(Path file) throws KmodException {
        assertModinfo(file, ModinfoPrinter.allFields(), List.of());
        assertModinfo(file, ModinfoPrinter.allFields().nulSeparated(), List.of("-0"));
        assertModinfo(file, ModinfoPrinter.onlyField("parm"), List.of("-F", "parm"));
        assertModinfo(file, ModinfoPrinter.onlyField("parm").nulSeparated(), List.of("-0", "-F", "parm"));
    }

    /** Real {@code modprobe --show-exports} and {@code --show-modversions} outputs and exit codes equal ours. */
    static void assertSymbols(Path file) throws KmodException {
        String modprobe = RealTree.modprobe();
        ModuleFile m = ModuleFile.read(file);
        RealTree.Result exports = RealTree.run(List.of(modprobe, "--show-exports", file.toString()));
        assertEquals(exports.exit() == 0, m.hasExportTable(), exports.err());
        assertEquals(exports.out(), lines(m.exports()));
        RealTree.Result versions = RealTree.run(List.of(modprobe, "--show-modversions", file.toString()));
        assertEquals(versions.exit() == 0, m.hasVersions(), versions.err());
        assertEquals(versions.out(), lines(m.versions()));
    }

    static String lines(List<ModVersion> versions) {
        StringBuilder sb = new StringBuilder();
        versions.forEach(v -> sb.append(v.format()).append('\n'));
        return sb.toString();
    }
}
