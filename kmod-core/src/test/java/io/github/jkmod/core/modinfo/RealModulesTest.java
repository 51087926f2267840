package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import io.github.jkmod.testsupport.Oracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every module of the real Debian tree, compared with the real {@code modinfo} and
 * {@code modprobe --show-exports / --show-modversions} byte for byte. Skipped without the tree or
 * the tools.
 */
class RealModulesTest {

    @Test
    void modinfoOfEveryModuleEqualsTheRealOne() throws KmodException {
        List<Path> all = RealTree.allModules();
        List<String> command = new ArrayList<>(List.of(RealTree.modinfo()));
        all.forEach(p -> command.add(p.toString()));
        RealTree.Result real = RealTree.run(command);
        assertEquals(0, real.exit(), real.err());

        StringBuilder ours = new StringBuilder();
        List<String> errors = new ArrayList<>();
        for (Path p : all) {
            ours.append(ModinfoPrinter.allFields().withProfile(io.github.jkmod.core.testsupport.ConformanceProfile.profile()).formatFile(p.toString(), ModuleFile.read(p).info(), errors::add));
        }
        assertSameText(real.out(), ours.toString());
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(all.size() > 4000, "modules compared: " + all.size());
    }

    @Test
    void showExportsOfEveryModuleEqualsTheRealOne() throws KmodException {
        List<Path> all = RealTree.allModules();
        String real = RealTree.modprobeEach("--show-exports", all);
        StringBuilder ours = new StringBuilder();
        int withExports = 0;
        for (Path p : all) {
            ModuleFile m = ModuleFile.read(p);
            ours.append("== ").append(p).append('\n');
            if (m.hasExportTable()) {
                withExports++;
                m.exports().forEach(v -> ours.append(v.format()).append('\n'));
            }
            ours.append(m.hasExportTable() ? "rc=0\n" : "rc=1\n");
        }
        assertSameText(real, ours.toString());
        assertEquals(Oracle.current() == Oracle.KMOD30 ? 930 : 999, withExports, "modules with exports in the tree");
    }

    @Test
    void showModversionsOfEveryModuleEqualsTheRealOne() throws KmodException {
        List<Path> all = RealTree.allModules();
        String real = RealTree.modprobeEach("--show-modversions", all);
        StringBuilder ours = new StringBuilder();
        int entries = 0;
        for (Path p : all) {
            ModuleFile m = ModuleFile.read(p);
            ours.append("== ").append(p).append('\n');
            for (ModVersion v : m.versions()) {
                ours.append(v.format()).append('\n');
                entries++;
            }
            ours.append(m.hasVersions() ? "rc=0\n" : "rc=1\n");
        }
        assertSameText(real, ours.toString());
        assertEquals(Oracle.current() == Oracle.KMOD30 ? 188913 : 201930, entries, "modversions in the tree");
    }

    /** Equal texts, or a failure that shows the first differing line and its surroundings. */
    static void assertSameText(String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < Math.min(e.length, a.length) && e[i].equals(a[i])) {
            i++;
        }
        int from = Math.max(0, i - 5);
        StringBuilder msg = new StringBuilder("first difference at line " + (i + 1) + "\nexpected:\n");
        for (int j = from; j < Math.min(e.length, i + 3); j++) {
            msg.append(j == i ? "> " : "  ").append(e[j]).append('\n');
        }
        msg.append("actual:\n");
        for (int j = from; j < Math.min(a.length, i + 3); j++) {
            msg.append(j == i ? "> " : "  ").append(a[j]).append('\n');
        }
        assertEquals(expected.length() < 2000 ? expected : "(long)", actual.length() < 2000 ? actual : "(long)",
                msg.toString());
        throw new AssertionError(msg.toString());
    }
}
