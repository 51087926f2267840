package io.github.jkmod.core.config;

import static io.github.jkmod.core.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.github.jkmod.testsupport.Prerequisites.require;

import io.github.jkmod.core.testsupport.ConformanceProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link ModprobeConfig#dump(Appendable)} and the warnings with the real
 * {@code modprobe -c} of the chosen oracle ({@code jkmod.oracle}) on configurations built here, with the real tree's
 * {@code modules.softdep}. Skipped when modprobe or the real tree is absent.
 */
class RealModprobeConformanceTest {
    @TempDir
    Path tmp;

    private static Path treeRoot;
    private static String release;

    @BeforeAll
    static void needModprobeAndTree() {
        RealModprobe.require();
        require(ShowConfigOracle.realTreeRoot().isPresent(), "the real module tree is absent");
        treeRoot = ShowConfigOracle.realTreeRoot().orElseThrow();
        release = ShowConfigOracle.realTreeRelease();
    }

    static final String EVERY_COMMAND = String.join("\n",
            "# every command, with weird spacing",
            "alias  pci:v*d*sv-x*  my-mod",
            "alias foo[a-b]-x-[-_]* bar-baz",
            "alias a1 b1 c1",
            "alias\ttab-alias\ttab-mod",
            "alias usb:v*p*d*dc*dsc*dp*ic03isc01ip02in* usb-kbd",
            "blacklist  some-mod",
            "blacklist b1 extra",
            "blacklist a-[b-]-c",
            "options  snd-hda   index=-2   model=\"a  b\"  ",
            "options\ttab-mod\tx=1\ty=2\t",
            "options o-1 a=1 \\",
            "   b=2",
            "options o-2 x # not comment",
            "options m2  ",
            "options m3\t\t",
            "options my-mod opt=\u00e9",
            "install  m-1   /bin/echo  hello\tworld  ",
            "install dumm? echo hi",
            "remove m-2 /bin/true",
            "remove r1\t\tx",
            "softdep  s-1  pre: a-1 b_2   post:  c-3  ",
            "softdep s2 x y pre: z",
            "softdep s3 post: p1 pre: p2 post: p3",
            "softdep m2 pre: a b post: c d pre: e",
            "softdep m13 pre: a\tb\u000bc",
            "softdep cifs gcm",
            "softdep m7  ",
            "   # indented comment",
            "# comment \\",
            "options swallowed by the comment",
            "options onlyname",
            "options m1 ",
            "install onlyname",
            "install i2 ",
            "remove onlyname",
            "softdep onlyname",
            "softdep m6 ",
            "blacklist",
            "alias",
            "alias x",
            "weakdep foo bar",
            "include foo",
            "config bar",
            "unknown thing",
            "OPTIONS x y",
            "options a] x",
            "alias foo[ bar",
            "options x\\",
            "y z",
            "options e f\\\r",
            "g",
            "alias cr cr-mod\r",
            "options nul a\0b",
            "options esc a\\b\\ c\\\\",
            "options long " + "y".repeat(5000),
            "options last no-newline-at-end\\");

    static final String CMDLINE = "a.b=1 c.d e-f.g-h=i-j \"k.l=m n\" o.p=\"q r\" s.t=u\"v w\"x y.z.w=1 .b=1 "
            + "modprobe.blacklist=x,y-z,,w a[.b=1 m4.b=1=2 \"m5.p=1 2\" tab.p=\"x\ty\" my-mod.opt=1 "
            + "snd-hda.late=1 a-]-b.c=1 modprobe.blacklist= k.\"l=m n\" -- m11.p=1\n";

    private void check(List<String> configPaths, Path moduleRoot, String rel, String cmdline) throws IOException {
        Path cmdlineFile = write(tmp.resolve("cmdline"), cmdline);
        List<String> args = new ArrayList<>();
        for (String p : configPaths) {
            args.add("-C");
            args.add(p);
        }
        args.addAll(List.of("-d", moduleRoot.toString(), "-S", rel));
        ShowConfigOracle.Result real = ShowConfigOracle.showConfig(args, cmdlineFile);
        assertEquals(0, real.exitCode(), "modprobe -c failed: " + real.stderr());

        ConfigLoader.Builder b = ConformanceProfile.apply(ConfigLoader.builder())
                .moduleDir(Path.of(moduleRoot + "/lib/modules/" + rel))
                .cmdlineFile(real.cmdline());
        configPaths.forEach(b::configPath);
        ModprobeConfig ours = b.build();
        String debug = System.getProperty("jkmod.debugdir");
        if (debug != null) {
            Files.writeString(Path.of(debug, "real.txt"), real.config() + String.join("\n", real.stderr()),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            Files.writeString(Path.of(debug, "ours.txt"), ours.dump() + String.join("\n",
                    ours.warnings().stream().map(w -> w.stderrLine(ConformanceProfile.profile())).toList()),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        assertEquals(real.config(), ours.dump());
        assertEquals(real.stderr(), ours.warnings().stream().map(w -> w.stderrLine(ConformanceProfile.profile())).toList());
    }

    @Test
    void everyCommandWithTheRealSoftdeps() throws IOException {
        Path a = tmp.resolve("a");
        write(a.resolve("10-every.conf"), EVERY_COMMAND);
        check(List.of(a.toString()), treeRoot, release, CMDLINE);
    }

    @Test
    void filesOfSeveralPathsAreSortedAndShadowed() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        write(a.resolve("10-every.conf"), EVERY_COMMAND);
        write(a.resolve("modules.conf"), "softdep zz pre: from-a-modules.conf\n");
        write(a.resolve("modules.softdep.conf"), "softdep zz pre: from-a-modules.softdep.conf\n");
        write(a.resolve("B.conf"), "options zz from-a-B\n");
        write(a.resolve("_x.conf"), "options zz from-a-underscore\n");
        write(b.resolve("10-every.conf"), "options zz shadowed\n");
        write(b.resolve("20-other.conf"), "options zz from-b-20\r\nbad line\r\n");
        write(b.resolve(".hidden.conf"), "options zz hidden\n");
        write(b.resolve(".conf"), "options zz dot-conf\n");
        write(b.resolve("notconf.txt"), "options zz txt\n");
        write(b.resolve("x.CONF"), "options zz upper\n");
        write(b.resolve("old.alias"), "alias zz-alias zz\n");
        write(b.resolve(".alias"), "alias zz-hidden zz\n");
        write(b.resolve("sub.conf/inner.conf"), "options zz inner\n");
        write(b.resolve("sub2.conf/inner.conf"), "options zz inner2\n");
        write(a.resolve("sub.conf"), "options zz a-file-not-hidden-by-b-dir\n");
        Files.createSymbolicLink(b.resolve("broken.conf"), b.resolve("nowhere"));
        write(c.resolve("broken.conf"), "options zz hidden-by-broken-link\n");
        Files.createSymbolicLink(b.resolve("link.conf"), a.resolve("B.conf"));
        Path explicitFile = write(c.resolve("zz-explicit"), "options zz explicit-file\n");
        Path reservedName = write(c.resolve("modules.softdep"), "options zz never-read\n");
        check(List.of(explicitFile.toString(), b.toString(), a.toString(), c.toString(),
                reservedName.toString(), tmp.resolve("does-not-exist").toString(), "/dev/null"),
                treeRoot, release, "");
    }

    @Test
    void pathsAreNamedAsSpelled() throws IOException {
        Path a = tmp.resolve("a");
        write(a.resolve("x.conf"), "bad\ninclude x\n");
        write(a.resolve("d.conf/y.conf"), "");
        check(List.of(a + "/", a + "//", a + "/../a"), treeRoot, release, "");
    }

    @Test
    void onlyTheModuleDirectorysSoftdepsAndTheCommandLine() throws IOException {
        check(List.of("/dev/null"), treeRoot, release, CMDLINE);
    }

    @Test
    void thisMachinesOwnCommandLine() throws IOException {
        Path proc = Path.of("/proc/cmdline");
        require(Files.isReadable(proc), "a readable " + proc);
        String own = new String(Files.readAllBytes(proc), java.nio.charset.StandardCharsets.ISO_8859_1);
        check(List.of("/dev/null"), treeRoot, release, own);
    }

    @Test
    void aModuleDirectoryWithBadLinesAndNoSoftdepFile() throws IOException {
        Path root = tmp.resolve("root");
        write(root.resolve("lib/modules/9.9/modules.softdep"), "bad line\nsoftdep x pre: y\noptions m from-softdep-file\n");
        write(tmp.resolve("a/z.conf"), "softdep w pre: v\n");
        check(List.of(tmp.resolve("a").toString()), root, "9.9", "");
        check(List.of(tmp.resolve("a").toString()), root, "no-such-release", "");
    }

    @Test
    void longCommandLineIsCutAt4095Bytes() throws IOException {
        require(ShowConfigOracle.canReplaceCmdline(), "cannot show modprobe a test command line");
        check(List.of("/dev/null"), tmp, "none", "a.b=" + "x".repeat(4080) + " c.d=1 e.f=2 g.h=3");
        check(List.of("/dev/null"), tmp, "none", "a.b=1 c.d=2\0e.f=3");
    }
}
