package io.github.jkmod.core.config;

import io.github.jkmod.index.Fnmatch;

import static io.github.jkmod.core.config.TestFiles.loadText;
import static io.github.jkmod.core.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lookups modprobe makes on the configuration; expectations observed with
 * {@code modprobe --show-depends} (kmod 30) on the real tree's {@code dummy} module.
 */
class ModprobeConfigTest {
    @TempDir
    Path dir;

    @Test
    void optionsAreJoinedByOneSpaceKeepingTheirOwnBlanksThenTheCommandLine() {
        write(dir.resolve("conf/a.conf"), "options dummy a=1\noptions dummy   b=2  \nalias my-alias dummy\n"
                + "options my-alias e=5\noptions dummy\t\tt=1\t\n");
        Path cmdline = write(dir.resolve("cmdline"), "dummy.c=3 dummy.d=\"x y\" my-alias.f=6");
        ModprobeConfig c = ConfigLoader.load(dir, List.of(dir.resolve("conf")), null, cmdline);
        // modprobe -D dummy: "insmod .../dummy.ko a=1   b=2    t=1  c=3 d="x y" "
        assertEquals("a=1   b=2    t=1  c=3 d=\"x y\"", c.optionsFor("dummy"));
        // modprobe -D my-alias: "insmod .../dummy.ko a=1   b=2   e=5  t=1  c=3 d="x y" f=6 "
        assertEquals("a=1   b=2   e=5  t=1  c=3 d=\"x y\" f=6", c.optionsFor("dummy", "my-alias"));
        assertEquals("", c.optionsFor("other"));
    }

    @Test
    void optionsMatchByNameNotByPattern() {
        ModprobeConfig c = loadText(dir, "options dumm* x=1\noptions dummy y=2\noptions d[a-z]mmy z=3\n");
        assertEquals("y=2", c.optionsFor("dummy"));
        assertEquals("x=1", c.optionsFor("dumm*"));
    }

    @Test
    void namesAreNormalisedBeforeLookup() {
        ModprobeConfig c = loadText(dir, "options snd_hda x=1\nblacklist snd-pcsp\ninstall a-b cmd\n");
        assertEquals("x=1", c.optionsFor("snd-hda"));
        assertTrue(c.isBlacklisted("snd_pcsp"));
        assertTrue(c.isBlacklisted("snd-pcsp"));
        assertEquals(Optional.of("cmd"), c.installCommand("a-b"));
    }

    @Test
    void blacklistIsByNameNotByPattern() {
        ModprobeConfig c = loadText(dir, "blacklist dumm*\n");
        assertFalse(c.isBlacklisted("dummy"));
        assertTrue(c.isBlacklisted("dumm*"));
    }

    @Test
    void installAndRemoveArePatternsAndTheFirstMatchWins() {
        ModprobeConfig c = loadText(dir, "install dumm? echo first\t x  \ninstall dummy echo second\n"
                + "remove dumm[y] echo rm1\nremove dummy echo rm2\n");
        assertEquals(Optional.of("echo first\t x  "), c.installCommand("dummy"));
        assertEquals(Optional.of("echo rm1"), c.removeCommand("dummy"));
        assertEquals(Optional.empty(), c.installCommand("dummy2"));
        assertEquals(Optional.empty(), c.removeCommand("other"));
    }

    @Test
    void softdepIsAPatternAndTheFirstMatchWinsEvenWhenEmpty() {
        ModprobeConfig c = loadText(dir, "softdep du* pre: veth post: ifb\nsoftdep dummy pre: ifb\n"
                + "softdep cifs gcm\nsoftdep cifs pre: ccm\n");
        assertEquals(Optional.of(new SoftdepEntry("du*", List.of("veth"), List.of("ifb"))), c.softdep("dummy"));
        assertEquals(Optional.of(new SoftdepEntry("cifs", List.of(), List.of())), c.softdep("cifs"));
        assertEquals(Optional.empty(), c.softdep("ext4"));
    }

    @Test
    void aliasesMatchingIsFnmatchInConfigOrder() {
        ModprobeConfig c = loadText(dir, "alias pci:v00008086d* e1000e\nalias pci:* generic\nalias net-pf-* x\n");
        assertEquals(List.of(new ConfigAlias("pci:v00008086d*", "e1000e"), new ConfigAlias("pci:*", "generic")),
                c.aliasesMatching("pci:v00008086d000010D3sv"));
        assertEquals(List.of(new ConfigAlias("net_pf_*", "x")), c.aliasesMatching("net-pf-10"));
        assertEquals(List.of(), c.aliasesMatching("usb:v1"));
    }

    @Test
    void dumpPrintsTheGroupsInKmodsOrder() {
        ModprobeConfig c = loadText(dir, "softdep s pre: a\noptions o x\nalias a b\nremove r y\ninstall i z\n"
                + "blacklist b\noptions o2 w\n");
        assertEquals("blacklist b\ninstall i z\nremove r y\nalias a b\noptions o x\noptions o2 w\nsoftdep s pre: a\n",
                c.dump());
    }

    @Test
    void listsAreImmutable() {
        ModprobeConfig c = loadText(dir, "alias a b\n");
        assertThrows(UnsupportedOperationException.class, () -> c.aliases().add(new ConfigAlias("x", "y")));
        assertThrows(UnsupportedOperationException.class, () -> c.warnings().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> c.softdeps().add(new SoftdepEntry("m", List.of(), List.of())));
    }

    @Test
    void emptyConfigurationHasNothing() {
        ModprobeConfig c = ModprobeConfig.empty();
        assertEquals("", c.dump());
        assertEquals("", c.optionsFor("x"));
        assertFalse(c.isBlacklisted("x"));
        assertEquals(Optional.empty(), c.softdep("x"));
        assertEquals(List.of(), c.files());
    }

    @Test
    void recordsRejectNulls() {
        assertThrows(NullPointerException.class, () -> new ConfigAlias(null, "m"));
        assertThrows(NullPointerException.class, () -> new OptionsEntry("m", null));
        assertThrows(NullPointerException.class, () -> new SoftdepEntry("m", null, List.of()));
    }
}
