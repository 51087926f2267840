package io.github.jkmod.cli.upstream;

import static io.github.jkmod.cli.upstream.UpstreamRuns.compare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.upstream.UpstreamRuns.Oracle;
import io.github.jkmod.core.testsupport.RealModprobe.Outcome;
import io.github.jkmod.core.upstream.UpstreamTree;
import io.github.jkmod.core.upstream.UpstreamTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of kmod's own test suite ({@code testsuite/test-modprobe.c}, and the modprobe side of
 * {@code test-weakdep.c}, {@code test-blacklist.c}, {@code test-dependencies.c},
 * {@code test-multi-softdep.c}, {@code test-initstate.c}, {@code test-init.c},
 * {@code test-new-module.c}), each as a command line run by the real kmod 30 and kmod 34.2 and by
 * jmodprobe with the matching profile, on a tree of this test's own
 * ({@link UpstreamTree}: hand-written text files, indexes by jkmod's writer, see there why). Every
 * run must give the same stdout, stderr and exit status; where kmod's case states an expected
 * result that does not depend on the release, it is asserted too (paths under the temporary root
 * instead of {@code /}).
 *
 * <p>kmod's suite runs modprobe in a fake root ({@code LD_PRELOAD} traps for {@code uname},
 * {@code open}, {@code init_module}, ...). Here the real tools get the root with {@code -d} and the
 * configuration with {@code -C}; the kernel command line cases bind-mount a file over
 * {@code /proc/cmdline} in a private mount namespace. What needs a kernel (loads, removals) is
 * expressed with {@code -n}/{@code --show-depends} here and checked against jkmod's fake kernel
 * in {@link UpstreamFakeKernelCasesTest}. {@code docs/upstream-testsuite-cases.md} lists every case.
 */
class UpstreamModprobeCasesTest {
    private static final String R = "4.4.4";

    @TempDir
    Path tmp;

    private UpstreamTree tree(String release) {
        return UpstreamTree.at(tmp.resolve("root"), release);
    }

    /** {@code -C ROOT/etc/modprobe.d -d ROOT -S RELEASE} then {@code args}. */
    private static List<String> on(UpstreamTree t, String... args) {
        List<String> all = new ArrayList<>(List.of("-C", t.configDirectory().toString(),
                "-d", t.root().toString(), "-S", t.release()));
        all.addAll(List.of(args));
        return all;
    }

    private Outcome run(Oracle oracle, UpstreamTree t, String... args) {
        return compare(oracle, tmp, null, on(t, args));
    }

    private static String insmod(UpstreamTree t, String rel, String options) {
        return "insmod " + t.moduleDirectory().resolve(rel) + " " + options + "\n";
    }

    /** The tree of the --show-depends cases: mod-loop-a needs mod-loop-b; mod-simple alone. */
    private UpstreamTree showDependsTree() {
        return tree(R).depmodLike("kernel/mod-simple.ko:", "kernel/mod-loop-b.ko:",
                "kernel/mod-loop-a.ko: kernel/mod-loop-b.ko").write();
    }

    /** modprobe_show_depends: the dependency first, then the module. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeShowDepends(Oracle oracle) {
        UpstreamTree t = showDependsTree();
        Outcome o = run(oracle, t, "--show-depends", "mod-loop-a");
        assertEquals(insmod(t, "kernel/mod-loop-b.ko", "") + insmod(t, "kernel/mod-loop-a.ko", ""), o.stdout());
        assertEquals(0, o.status());
    }

    /** modprobe_show_depends2 (and _no_load: no kernel call, see NO_KERNEL): one line. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeShowDepends2(Oracle oracle) {
        UpstreamTree t = showDependsTree();
        Outcome o = run(oracle, t, "--show-depends", "mod-simple");
        assertEquals(insmod(t, "kernel/mod-simple.ko", ""), o.stdout());
    }

    /**
     * modprobe_show_alias_to_none: a configuration alias that names no module, a 0-byte
     * modules.builtin.bin: no output, no crash, exit 0.
     */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeShowAliasToNone(Oracle oracle) {
        UpstreamTree t = tree(R).depmodLike("kernel/mod-simple.ko:")
                .conf("bogus.conf", "alias mod-simple no-such-target").write();
        Outcome o = run(oracle, t, "--show-depends", "--ignore-install", "mod-simple");
        assertEquals("", o.stdout());
        assertEquals(0, o.status());
    }

    /** modprobe_show_exports: the exports of a module given as a file. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeShowExports(Oracle oracle) throws IOException {
        UpstreamTree t = showDependsTree();
        Path file = UpstreamTree.module(t.root().resolve("mod-loop-a.ko"));
        Outcome o = run(oracle, t, "--show-exports", file.toString());
        assertTrue(o.stdout().matches("0x[0-9a-f]+\tprintA\n"), o.stdout());
    }

    /** modprobe_show_exports_module: a module name instead of a file. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeShowExportsModule(Oracle oracle) {
        run(oracle, showDependsTree(), "--show-exports", "mod-loop-b");
    }

    private UpstreamTree builtinTree() {
        return tree(R).dep().text("modules.builtin", "kernel/net/unix/unix.ko")
                .text("modules.alias", "# Aliases extracted from modules themselves.")
                .text("modules.symbols", "# Aliases for symbols, used by symbol_request().")
                .text("modules.softdep", "# Soft dependencies extracted from modules themselves.",
                        "# Copy, with a .conf extension, to /etc/modprobe.d to use it with modprobe.")
                .write();
    }

    /** modprobe_builtin: loading a builtin module does nothing and succeeds. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeBuiltin(Oracle oracle) {
        Outcome o = run(oracle, builtinTree(), "unix");
        assertEquals(0, o.status());
        assertEquals("", o.stdout() + o.stderr());
    }

    /** modprobe_builtin_lookup_only: -R prints the builtin's name. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeBuiltinLookupOnly(Oracle oracle) {
        assertEquals("unix\n", run(oracle, builtinTree(), "-R", "unix").stdout());
    }

    private UpstreamTree loopTree() {
        return tree(R).depmodLike("kernel/mod-loop-b.ko:", "kernel/mod-loop-a.ko: kernel/mod-loop-b.ko");
    }

    /**
     * modprobe_softdep_loop: b's post softdep a needs b: the loop is cut. In a dry run nothing is
     * loaded, so b comes again as a's dependency: b, b, a (both real tools).
     */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeSoftdepLoop(Oracle oracle) {
        UpstreamTree t = loopTree().conf("loop.conf", "softdep mod-loop-b post: mod-loop-a").write();
        String b = insmod(t, "kernel/mod-loop-b.ko", "");
        String expected = b + b + insmod(t, "kernel/mod-loop-a.ko", "");
        assertEquals(expected, run(oracle, t, "-n", "-v", "mod-loop-b").stdout());
        assertEquals(expected, run(oracle, t, "--show-depends", "mod-loop-b").stdout());
    }

    /** modprobe_weakdep_loop: weak dependencies are never loaded, a loop among them is harmless. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeWeakdepLoop(Oracle oracle) {
        UpstreamTree t = tree(R).depmodLike("kernel/mod-loop-b.ko:", "kernel/mod-loop-a.ko:",
                "kernel/mod-simple.ko:")
                .text("modules.weakdep", "# Weak dependencies extracted from modules themselves.")
                .emptyIndex("modules.builtin.alias.bin")
                .conf("weak.conf", "weakdep mod-loop-b mod-loop-a mod-simple").write();
        String expected = insmod(t, "kernel/mod-loop-b.ko", "");
        assertEquals(expected, run(oracle, t, "-n", "-v", "mod-loop-b").stdout());
        assertEquals(expected, run(oracle, t, "--show-depends", "mod-loop-b").stdout());
        run(oracle, t, "-c");
    }

    /** modprobe_install_cmd_loop: the install command of a dependency is shown, not run. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeInstallCmdLoop(Oracle oracle) {
        UpstreamTree t = loopTree().conf("loop.conf", UpstreamFakeKernelCasesTest.INSTALL_LOOP).write();
        Outcome o = run(oracle, t, "-n", "-v", "mod-loop-a");
        assertTrue(o.stdout().startsWith("install $MODPROBE --ignore-install mod-loop-b"), o.stdout());
        run(oracle, t, "--show-depends", "mod-loop-a");
    }

    /** modprobe_param_kcmdline_show_deps: options from the kernel command line, in order. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeParamKcmdlineShowDeps(Oracle oracle) throws IOException {
        UpstreamTree t = tree(R).depmodLike("kernel/mod-simple.ko:").write();
        Path cmdline = cmdline("ro console=ttyS0 mod_simple.verbose root=/dev/vda1 mod_simple.level=3 splash");
        Outcome o = compare(oracle, tmp, cmdline, on(t, "--show-depends", "mod-simple"));
        assertEquals(insmod(t, "kernel/mod-simple.ko", "verbose level=3 "), o.stdout());
    }

    /**
     * modprobe_param_kcmdline2 to 9: {@code -c} prints what the kernel command line gives (own
     * command lines with the same traits: a parameter without value, unrelated words, a value with
     * a dot, quoted values and words, dots elsewhere in a word, quoted dyndbg strings, several
     * {@code modprobe.blacklist=}).
     */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("kcmdlines")
    void modprobeParamKcmdline(Oracle oracle, String upstream, String line, String expected) throws IOException {
        UpstreamTree t = tree(R).write();
        Outcome o = compare(oracle, tmp, cmdline(line), on(t, "-c"));
        assertTrue(o.stdout().startsWith(expected + "\n# End of configuration files."), o.stdout());
    }

    static Stream<Arguments> kcmdlines() {
        String[][] cases = {
            {"kcmdline2", "mousedev.quiet mousedev.rate=2 ro rw",
                "options mousedev quiet\noptions mousedev rate=2\n"},
            {"kcmdline3", "BOOT_IMAGE=/boot/vmlinuz-9.9 initrd=\\initrd.img mousedev.quiet root=UUID=1-2 "
                + "mousedev.rate=2 rootfstype=xfs ro",
                "options mousedev quiet\noptions mousedev rate=2\n"},
            {"kcmdline4", "demomod.size=2.5M", "options demomod size=2.5M\n"},
            {"kcmdline5", "mousedev.quiet mousedev.rate=2 mousedev.label=\"two words\" mousedev.\"bad key\" "
                + "\" leading\" \"trailing \" plainword ro",
                "options mousedev quiet\noptions mousedev rate=2\noptions mousedev label=\"two words\"\n"},
            {"kcmdline6", "mousedev.a=2 pcihint[00:1f.3]=VEN0001:00 mousedev.b=1 mousedev.c=text",
                "options mousedev a=2\noptions mousedev b=1\noptions mousedev c=text\n"},
            {"kcmdline7", "mousedev.quiet lp.dyndbg=\"file drivers/char/lp.c +p\" ro",
                "options mousedev quiet\noptions lp dyndbg=\"file drivers/char/lp.c +p\"\n"},
            {"kcmdline8", "mousedev.quiet \"lp.dyndbg=file drivers/char/lp.c +p\" ro",
                "options mousedev quiet\noptions lp dyndbg=\"file drivers/char/lp.c +p\"\n"},
            {"kcmdline9", "modprobe.blacklist=aa,bb modprobe.blacklist=cc ro modprobe.blacklist=dd rw "
                + "modprobe.blacklist=ee",
                "blacklist aa\nblacklist bb\nblacklist cc\nblacklist dd\nblacklist ee\n"},
        };
        List<Arguments> out = new ArrayList<>();
        for (Oracle o : Oracle.values()) {
            for (String[] c : cases) {
                out.add(Arguments.of(o, c[0], c[1], c[2]));
            }
        }
        return out.stream();
    }

    private Path cmdline(String line) throws IOException {
        Path file = tmp.resolve("cmdline");
        Files.writeString(file, line + "\n");
        return file;
    }

    /**
     * modprobe_force, _force_modversion, _force_vermagic and the oldkernel variants (release 3.3.3):
     * the load is planned as without force (the kernel part is in the fake-kernel test).
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("forces")
    void modprobeForce(Oracle oracle, String release, String option) {
        UpstreamTree t = tree(release).depmodLike("kernel/mod-simple.ko:").write();
        Outcome o = run(oracle, t, "-n", "-v", option, "mod-simple");
        assertEquals(insmod(t, "kernel/mod-simple.ko", ""), o.stdout());
        assertEquals(0, o.status());
    }

    static Stream<Arguments> forces() {
        List<Arguments> out = new ArrayList<>();
        for (Oracle o : Oracle.values()) {
            for (String release : List.of("4.4.4", "3.3.3")) {
                for (String option : List.of("--force", "--force-modversion", "--force-vermagic")) {
                    out.add(Arguments.of(o, release, option));
                }
            }
        }
        return out.stream();
    }

    /** modprobe_oldkernel: nothing differs before the kernel call. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeOldkernel(Oracle oracle) {
        UpstreamTree t = tree("3.3.3").depmodLike("kernel/mod-simple.ko:").write();
        assertEquals(insmod(t, "kernel/mod-simple.ko", ""), run(oracle, t, "-n", "-v", "mod-simple").stdout());
    }

    /** A tree whose modules.dep names mod-simple by an absolute path outside the module directory. */
    private UpstreamTree externalTree() {
        Path external = tmp.resolve("root/lib/modules/external/mod-simple.ko");
        return tree(R).depmodLike(external + ":").write();
    }

    /** modprobe_external: an absolute path in modules.dep is used as it is. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeExternal(Oracle oracle) {
        UpstreamTree t = externalTree();
        String expected = "insmod " + tmp.resolve("root/lib/modules/external/mod-simple.ko") + " \n";
        assertEquals(expected, run(oracle, t, "--show-depends", "mod-simple").stdout());
        assertEquals(expected, run(oracle, t, "-n", "-v", "mod-simple").stdout());
    }

    /** modprobe_module_from_abspath: kmod 34 loads the file; kmod 30 looks for a module of that name. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeModuleFromAbspath(Oracle oracle) throws IOException {
        UpstreamTree t = externalTree();
        Path file = UpstreamTree.module(t.root().resolve("home/foo/mod-simple.ko"));
        Outcome o = run(oracle, t, "--show-depends", file.toString());
        if (oracle == Oracle.KMOD34) {
            assertEquals("insmod " + file + " \n", o.stdout());
        } else {
            assertEquals(1, o.status());
        }
        run(oracle, t, "-n", "-v", file.toString());
    }

    /** modprobe_module_from_relpath: {@code ./m.ko} in the working directory. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void modprobeModuleFromRelpath(Oracle oracle) throws IOException {
        UpstreamTree t = externalTree();
        Path dir = t.root().resolve("home/foo");
        UpstreamTree.module(dir.resolve("mod-simple.ko"));
        Outcome o = compare(oracle, dir, null, on(t, "--show-depends", "./mod-simple.ko"));
        if (oracle == Oracle.KMOD34) {
            assertEquals("insmod " + dir + "/./mod-simple.ko \n", o.stdout());
        } else {
            assertEquals(1, o.status());
        }
    }

    /** test-weakdep modprobe_config: -c prints weakdep lines of modprobe.d and modules.weakdep. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void weakdepModprobeConfig(Oracle oracle) {
        UpstreamTree t = UpstreamTrees.weakdep(tree(R)).write();
        run(oracle, t, "-c");
        run(oracle, t, "--show-depends", "mod-loop-b");
        run(oracle, t, "--show-depends", "mod-weakdep");
    }

    /** test-blacklist blacklist_1: -b skips blacklisted modules (by their own name). */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void blacklist1(Oracle oracle) {
        UpstreamTree t = UpstreamTrees.blacklist(tree(R)).write();
        assertEquals("", run(oracle, t, "-b", "-n", "-v", "beeper").stdout());
        assertEquals("", run(oracle, t, "-b", "-n", "-v", "diskette").stdout());
        assertEquals(insmod(t, "kernel/beeper2.ko", ""), run(oracle, t, "-b", "-n", "-v", "beeper2").stdout());
        assertEquals(insmod(t, "kernel/fsmod.ko", ""), run(oracle, t, "-b", "-n", "-v", "fsmod").stdout());
        run(oracle, t, "-c");
    }

    /** test-dependencies: mod-foo's three dependencies, then mod-foo. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void testDependencies(Oracle oracle) {
        UpstreamTree t = UpstreamTrees.dependencies(tree("4.0.20-kmod")).write();
        Outcome o = run(oracle, t, "--show-depends", "mod-foo");
        assertEquals(4, o.stdout().lines().count(), o.stdout());
        assertTrue(o.stdout().endsWith(insmod(t, "kernel/fs/mod-foo.ko", "")), o.stdout());
    }

    /** test-multi-softdep: softdep lines for one module in two files. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void multiSoftdep(Oracle oracle) {
        UpstreamTree t = UpstreamTrees.multiSoftdep(tree(R)).write();
        run(oracle, t, "--show-depends", "mod-softdep-a");
        run(oracle, t, "--show-depends", "mod-softdep-b");
        run(oracle, t, "-c");
    }

    /** test-initstate: a module of modules.builtin is builtin, by name and by lookup. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void initstateBuiltin(Oracle oracle) {
        UpstreamTree t = UpstreamTrees.initstate(tree(R)).write();
        assertEquals("fake_builtin\n", run(oracle, t, "-R", "fake-builtin").stdout());
        Outcome first = run(oracle, t, "-n", "-v", "--first-time", "fake-builtin");
        assertEquals(1, first.status());
        Outcome remove = run(oracle, t, "-r", "-n", "-v", "fake-builtin");
        assertTrue(remove.stderr().contains("is builtin"), remove.stderr());
    }

    /**
     * test-init test_load_resource1/2: a tree without modules.builtin.modinfo (no builtin alias
     * index), and one with an empty modules.builtin.alias.bin: every index opens without a word.
     */
    @ParameterizedTest(name = "{0} empty builtin alias index: {1}")
    @MethodSource("loadResources")
    void testLoadResources(Oracle oracle, boolean emptyBuiltinAlias) throws Exception {
        UpstreamTree t = UpstreamTrees.initstate(tree("5.6.0")).write();
        if (emptyBuiltinAlias) {
            new io.github.jkmod.index.IndexWriter().write(t.moduleDirectory().resolve("modules.builtin.alias.bin"),
                    io.github.jkmod.index.IndexWriter.Layout.PRE_ORDER);
        }
        Outcome o = run(oracle, t, "--show-depends", "fake_builtin");
        assertEquals("builtin fake_builtin\n", o.stdout());
        assertEquals("", o.stderr());
        run(oracle, t, "-R", "no-such-alias");
    }

    static Stream<Arguments> loadResources() {
        return Stream.of(Oracle.values()).flatMap(o -> Stream.of(Arguments.of(o, false), Arguments.of(o, true)));
    }

    /** test-new-module from_alias: a configuration alias that is a pattern matches the name given. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void newModuleFromAlias(Oracle oracle) {
        UpstreamTree t = tree(R).depmodLike("kernel/fs/fsx.ko:").conf("a.conf", "alias fsx.* fsx").write();
        assertEquals("fsx\n", run(oracle, t, "-R", "fsx.*").stdout());
        run(oracle, t, "--show-depends", "fsx.*");
    }

    /** test-new-module from_name: names are normalized (- to _), whatever their case or length. */
    @ParameterizedTest
    @EnumSource(Oracle.class)
    void newModuleFromName(Oracle oracle) {
        UpstreamTree t = tree(R).depmodLike("kernel/snd-hda-intel.ko:", "kernel/snd_timer.ko:",
                "kernel/iTCO_wdt.ko:").write();
        assertEquals("snd_hda_intel\n", run(oracle, t, "-R", "snd-hda-intel").stdout());
        assertEquals("snd_timer\n", run(oracle, t, "-R", "snd-timer").stdout());
        assertEquals("iTCO_wdt\n", run(oracle, t, "-R", "iTCO_wdt").stdout());
        run(oracle, t, "-R", "balbalbalbbalbalbalbalbalbalbal");
    }
}
