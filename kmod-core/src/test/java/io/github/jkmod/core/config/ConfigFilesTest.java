package io.github.jkmod.core.config;

import static io.github.jkmod.core.config.TestFiles.messages;
import static io.github.jkmod.core.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are read, in which order, and which hide which (observed on kmod 30). */
class ConfigFilesTest {
    @TempDir
    Path root;

    private static List<String> options(ModprobeConfig c) {
        return c.options().stream().map(OptionsEntry::options).toList();
    }

    private static List<String> names(ModprobeConfig c) {
        return c.files().stream().map(ConfigFile::displayName).toList();
    }

    @Test
    void defaultDirectoriesAreSortedTogetherAndTheHigherOneWins() {
        write(root.resolve("etc/modprobe.d/a.conf"), "options x etc-a\n");
        write(root.resolve("run/modprobe.d/a.conf"), "options x run-a\n");
        write(root.resolve("run/modprobe.d/b.conf"), "options x run-b\n");
        write(root.resolve("usr/local/lib/modprobe.d/b.conf"), "options x usrlocal-b\n");
        write(root.resolve("usr/local/lib/modprobe.d/c.conf"), "options x usrlocal-c\n");
        write(root.resolve("lib/modprobe.d/c.conf"), "options x lib-c\n");
        write(root.resolve("lib/modprobe.d/0.conf"), "options x lib-0\n");
        ModprobeConfig c = ConfigLoader.builder().configRoot(root).build();
        assertEquals(List.of("lib-0", "etc-a", "run-b", "usrlocal-c"), options(c));
        assertEquals(List.of("/lib/modprobe.d/0.conf", "/etc/modprobe.d/a.conf", "/run/modprobe.d/b.conf",
                "/usr/local/lib/modprobe.d/c.conf"), names(c));
        assertEquals(root.resolve("etc/modprobe.d/a.conf"), c.files().get(1).path());
    }

    @Test
    void kmod30DoesNotReadUsrLib() {
        write(root.resolve("usr/lib/modprobe.d/u.conf"), "options x usrlib-u\n");
        write(root.resolve("lib/modprobe.d/u.conf"), "options x lib-u\n");
        assertEquals(List.of("lib-u"), options(ConfigLoader.builder().configRoot(root).build()));
        assertEquals(List.of("usrlib-u"), options(ConfigLoader.builder().configRoot(root)
                .directories(ConfigLoader.KMOD34_DIRECTORIES).build()));
    }

    @Test
    void onlyConfAndAliasFilesNotStartingWithADot() {
        Path d = root.resolve("d");
        for (String name : List.of("a.conf", "b.alias", ".h.conf", ".conf", ".alias", "x.CONF", "y.txt",
                "c.conf.bak", "conf")) {
            write(d.resolve(name), "options x " + name + "\n");
        }
        assertEquals(List.of("a.conf", "b.alias"), options(ConfigLoader.builder().configPath(d).build()));
    }

    @Test
    void sortingIsByteOrder() {
        Path d = root.resolve("d");
        for (String name : List.of("a.conf", "B.conf", "_x.conf", "10.conf", "9.conf", "modules.softdep.conf",
                "modules.conf")) {
            write(d.resolve(name), "options x " + name + "\n");
        }
        assertEquals(List.of("10.conf", "9.conf", "B.conf", "_x.conf", "a.conf", "modules.conf",
                "modules.softdep.conf"), options(ConfigLoader.builder().configPath(d).build()));
    }

    @Test
    void explicitPathsReplaceTheDefaultsAndTheFirstOneWins() {
        write(root.resolve("etc/modprobe.d/a.conf"), "options x etc\n");
        Path a = root.resolve("A");
        Path b = root.resolve("B");
        write(a.resolve("a.conf"), "options x A-a\n");
        write(a.resolve("c.conf"), "options x A-c\n");
        write(b.resolve("a.conf"), "options x B-a\n");
        write(b.resolve("b.conf"), "options x B-b\n");
        assertEquals(List.of("A-a", "B-b", "A-c"),
                options(ConfigLoader.load(root, List.of(a, b), null, null)));
        assertEquals(List.of("B-a", "B-b", "A-c"),
                options(ConfigLoader.load(root, List.of(b, a), null, null)));
    }

    @Test
    void anExplicitFileCountsUnderItsOwnNameWhateverItsExtension() {
        Path a = root.resolve("A");
        write(a.resolve("a.conf"), "options x A-a\n");
        write(a.resolve("c.conf"), "options x A-c\n");
        Path zz = write(root.resolve("F/zz"), "options x F-zz\n");
        Path fb = write(root.resolve("F/c.conf"), "options x F-c\n");
        assertEquals(List.of("A-a", "F-c", "F-zz"),
                options(ConfigLoader.load(root, List.of(zz, fb, a), null, null)));
    }

    @Test
    void missingPathsAndDevNullGiveNothing() {
        ModprobeConfig c = ConfigLoader.load(root, List.of(root.resolve("nope"), Path.of("/dev/null")), null, null);
        assertEquals(List.of(), c.options());
        assertEquals(List.of(), c.warnings());
        assertEquals("", c.dump());
    }

    @Test
    void aDirectoryInsideADirectoryIsWarnedAboutAndHidesNothing() throws Exception {
        Path a = root.resolve("A");
        Path b = root.resolve("B");
        Files.createDirectories(a.resolve("sub.conf"));
        write(b.resolve("sub.conf"), "options x B-sub\n");
        ModprobeConfig c = ConfigLoader.builder().configPath(a.toString()).configPath(b.toString()).build();
        assertEquals(List.of("B-sub"), options(c));
        assertEquals(List.of("Directories inside directories are not supported: " + a + "/sub.conf"), messages(c));
        assertEquals(ConfigWarning.Kind.DIRECTORY_IN_DIRECTORY, c.warnings().get(0).kind());
        assertEquals("libkmod: ERROR ../libkmod/libkmod-config.c:772 conf_files_filter_out: "
                + "Directories inside directories are not supported: " + a + "/sub.conf", c.warnings().get(0).stderrLine());
    }

    @Test
    void aLinkToADirectoryIsADirectoryAndALinkToAFileIsAFile() throws Exception {
        Path a = root.resolve("A");
        Files.createDirectories(root.resolve("real"));
        write(root.resolve("target"), "options x via-link\n");
        Files.createDirectories(a);
        Files.createSymbolicLink(a.resolve("d.conf"), root.resolve("real"));
        Files.createSymbolicLink(a.resolve("f.conf"), root.resolve("target"));
        ModprobeConfig c = ConfigLoader.builder().configPath(a).build();
        assertEquals(List.of("via-link"), options(c));
        assertEquals(List.of("Directories inside directories are not supported: " + a + "/d.conf"), messages(c));
    }

    @Test
    void aBrokenLinkAloneHidesTheSameNameElsewhere() throws Exception {
        Path a = root.resolve("A");
        Files.createDirectories(a);
        Files.createSymbolicLink(a.resolve("x.conf"), a.resolve("nowhere"));
        write(root.resolve("B/x.conf"), "options x B-x\n");
        ModprobeConfig c = ConfigLoader.builder().configPath(a).configPath(root.resolve("B")).build();
        assertEquals(List.of(), options(c));
        assertEquals(List.of(), c.warnings());
        assertEquals(List.of(a + "/x.conf"), names(c));
    }

    @Test
    void explicitPathsAreNamedAsSpelled() {
        Path a = root.resolve("A");
        write(a.resolve("x.conf"), "bad\n");
        ModprobeConfig c = ConfigLoader.builder().configPath(a + "//").build();
        assertEquals(List.of(a + "///x.conf line 1: ignoring bad line starting with 'bad'"), messages(c));
    }

    @Test
    void modulesSoftdepJoinsTheSortedListUnderItsName() {
        Path moddir = root.resolve("lib/modules/9.9");
        write(moddir.resolve("modules.softdep"), "# comment\nsoftdep x pre: from-moddir\n");
        Path a = root.resolve("A");
        write(a.resolve("modules.conf"), "softdep x pre: modules.conf\n");
        write(a.resolve("modules.softdep.conf"), "softdep x pre: modules.softdep.conf\n");
        write(a.resolve("z.conf"), "softdep x pre: z\n");
        ModprobeConfig c = ConfigLoader.load(root, List.of(a), moddir, null);
        assertEquals("softdep x pre: modules.conf\nsoftdep x pre: from-moddir\n"
                + "softdep x pre: modules.softdep.conf\nsoftdep x pre: z\n", c.dump());
        assertEquals(moddir + "/modules.softdep", c.files().get(1).displayName());
        assertEquals(List.of("modules.conf"), c.softdep("x").orElseThrow().pre());
    }

    @Test
    void anExplicitFileNamedModulesSoftdepIsNeverReadWhileAModuleDirectoryIsSet() {
        Path f = write(root.resolve("F/modules.softdep"), "softdep x pre: explicit\n");
        Path noSuchModdir = root.resolve("lib/modules/none");
        assertEquals("", ConfigLoader.load(root, List.of(f), noSuchModdir, null).dump());
        assertEquals("softdep x pre: explicit\n", ConfigLoader.load(root, List.of(f), null, null).dump());
    }

    @Test
    void modulesSoftdepIsReadWithTheDefaultDirectoriesToo() {
        Path moddir = root.resolve("lib/modules/9.9");
        write(moddir.resolve("modules.softdep"), "softdep x pre: y\n");
        write(root.resolve("etc/modprobe.d/zz.conf"), "blacklist q\n");
        assertEquals("blacklist q\nsoftdep x pre: y\n",
                ConfigLoader.builder().configRoot(root).moduleDir(moddir).build().dump());
    }

    @Test
    void directoriesMustBeRelative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.builder().directories(List.of("etc/modprobe.d", "/lib/modprobe.d")));
        assertEquals("configuration directory must be relative: '/lib/modprobe.d'", e.getMessage());
    }
}
