package io.github.jkmod.core.config;

import static io.github.jkmod.core.config.TestFiles.messages;
import static io.github.jkmod.core.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kernel command line parser. Expectations were observed on kmod 30 by bind-mounting test
 * files over {@code /proc/cmdline} in a private mount namespace (see ShowConfigOracle).
 */
class KernelCmdlineTest {
    @TempDir
    Path dir;

    private ModprobeConfig load(String cmdline) {
        Path file = write(dir.resolve("cmdline"), cmdline);
        return ConfigLoader.builder().configPath(Path.of("/dev/null")).cmdlineFile(file).build();
    }

    /** The dump of the configuration made from a command line, lines joined by '|'. */
    private String dump(String cmdline) {
        return String.join("|", load(cmdline).dump().lines().toList());
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '%', quoteCharacter = '\'', value = {
        "a.b=1 % options a b=1",
        "c.d % options c d",
        "e-f.g-h=i-j % options e_f g-h=i-j",
        "a.b=1=2 % options a b=1=2",
        "m5.b= % options m5 b=",
        "a. % 'options a '",
        ". % 'options  '",
        ".b=1 % options  b=1",
        "a.=1 % options a =1",
        "y.z.w=1 % ''",
        "a=b.c=d % ''",
        "nodot=1 % ''",
        "modprobe.foo=2 % options modprobe foo=2",
        "modprobe.blacklist % options modprobe blacklist",
        "modprobe.blacklistx=1 % options modprobe blacklistx=1",
        "modprobe.blacklist.x=1 % ''",
        "modprobe-x.b=1 % options modprobe_x b=1",
        "a[x-y]-z.b=1 % options a[x-y]_z b=1",
        "-- m11.p=1 % options m11 p=1",
    })
    void plainWords(String cmdline, String expected) {
        assertEquals(expected, dump(cmdline));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '%', quoteCharacter = '\'', value = {
        "o.p=\"q r\" % options o p=\"q r\"",
        "s.t=u\"v w\"x % options s t=u\"v w\"x",
        "\"k.l=m n\" % options k l=\"m n\"",
        "\"k.l=m\" n.o=p % options k l=\"m\"|options n o=p",
        "\"k.l=m n\"x o.p=q % options k l=\"m n\"x|options o p=q",
        "\"k.l=\" % options k l=\"\"",
        "\"a.b=1\"2.c=3 x.y=1 % options a b=\"1\"2.c=3|options x y=1",
        "k.\"l=m n\" % ''",
        "\"k.l\" % ''",
        "\"k.l\"=m n.o=p % options n o=p",
        "\"\"k.l=1 % ''",
        "\"k l.m=1\" x.y=2 % options x y=2",
        "\"k.l m=1\" x.y=2 % options x y=2",
        "a\"b c.d=1 e.f=2 % ''",
        "a.b\"=c d.e=f\" x.y=1 % options x y=1",
        "m.p=\"a b % ''",
        "k.l=\"a b\" c.d=1\" % options k l=\"a b\"",
        "m13.p=\"a\\\"b\" c % ''",
    })
    void quotes(String cmdline, String expected) {
        assertEquals(expected, dump(cmdline));
    }

    @Test
    void everyWhitespaceSeparatesAndTabsInValuesBecomeSpaces() {
        assertEquals("options m p=1|options n q=2|options o r=3|options s t=4|options u v=5",
                dump("m.p=1\rn.q=2\u000bo.r=3\fs.t=4\tu.v=5\n"));
        assertEquals("options a b=\"x y\"", dump("a.b=\"x\ty\""));
    }

    @Test
    void blacklistPiecesAreKeptAsWrittenEmptyOnesToo() {
        ModprobeConfig c = load("modprobe.blacklist=x,y-z,,w, modprobe.blacklist= modprobe.blacklist=\"a b\",c");
        assertEquals(List.of("x", "y-z", "", "w", "", "", "\"a b\"", "c"), c.blacklist());
        assertEquals(false, c.isBlacklisted("y-z"));
        assertEquals(true, c.isBlacklisted("w"));
    }

    @Test
    void aQuotedBlacklistKeepsItsMovedQuote() {
        assertEquals(List.of("\"a", "b\""), load("\"modprobe.blacklist=a,b\"").blacklist());
    }

    @Test
    void badModuleNamesAreWarnedAboutWithThePartlyNormalisedName() {
        ModprobeConfig c = load("a[.b=1 c.d=2 a-]-b.c=1 a-[.b=1");
        assertEquals(List.of(new OptionsEntry("c", "d=2")), c.options());
        assertEquals(List.of("Ignoring bad option on kernel command line while parsing module name: 'a['",
                "Ignoring bad option on kernel command line while parsing module name: 'a_]-b'",
                "Ignoring bad option on kernel command line while parsing module name: 'a_['"), messages(c));
        ConfigWarning w = c.warnings().get(0);
        assertEquals(dir.resolve("cmdline"), w.file());
        assertEquals(0, w.line());
        assertEquals("libkmod: ERROR ../libkmod/libkmod-config.c:489 kcmdline_parse_result: "
                + "Ignoring bad option on kernel command line while parsing module name: 'a['", w.stderrLine());
    }

    @Test
    void onlyTheFirst4095BytesCount() {
        String cmdline = "a.b=" + "x".repeat(4080) + " c.d=1 e.f=2";
        assertEquals(List.of("b=" + "x".repeat(4080), "d=1", "f="),
                load(cmdline).options().stream().map(OptionsEntry::options).toList());
    }

    @Test
    void aNulEndsTheCommandLine() {
        assertEquals("options a b=1", dump("a.b=1\0c.d=2"));
    }

    @Test
    void commandLineEntriesComeAfterTheFiles() {
        write(dir.resolve("conf/a.conf"), "blacklist z1\noptions a-b d=2\nblacklist z2\n");
        Path file = write(dir.resolve("cmdline"), "a-b.c=1 modprobe.blacklist=q\n");
        ModprobeConfig c = ConfigLoader.load(dir, List.of(dir.resolve("conf")), null, file);
        assertEquals("blacklist z1\nblacklist z2\nblacklist q\noptions a_b d=2\noptions a_b c=1\n", c.dump());
    }

    @Test
    void aMissingCommandLineFileIsNoCommandLine() {
        ModprobeConfig c = ConfigLoader.load(dir, List.of(Path.of("/dev/null")), null, dir.resolve("nope"));
        assertEquals("", c.dump());
        assertEquals(List.of(), c.warnings());
    }
}
