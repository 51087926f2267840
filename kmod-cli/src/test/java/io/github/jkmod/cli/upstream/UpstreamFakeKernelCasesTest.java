package io.github.jkmod.cli.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.core.kernel.testing.FakeKernel.Call;
import io.github.jkmod.core.testsupport.RealModprobe.Outcome;
import io.github.jkmod.core.upstream.UpstreamTree;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases of kmod's test suite that need a kernel (kmod runs them with an {@code LD_PRELOAD}
 * fake of {@code init_module}, {@code finit_module} and {@code delete_module}): jmodprobe against
 * jkmod's {@link FakeKernel}, on the case's tree as the system root ({@code /lib/modules},
 * {@code /etc/modprobe.d}, {@code /sys/module}, {@code /proc}), asserting the outcome kmod's case
 * expects: which modules end up loaded, and the exit status. A kernel without
 * {@code finit_module} (kmod's "oldkernel", release 3.3.3, where its fake answers {@code ENOSYS})
 * is the fake kernel answering {@code ENOSYS} to every {@code finit_module}. The real tools cannot
 * be run here (no kernel with module support, and no way to trap their system calls): their
 * command-line side of the same cases is compared in {@link UpstreamModprobeCasesTest}. Runs use
 * jmodprobe's default profile (kmod 34.2) unless said otherwise.
 */
class UpstreamFakeKernelCasesTest {
    /** The install command of kmod's install-cmd-loop case, in this test's words. */
    static final String INSTALL_LOOP =
            "install mod-loop-b $MODPROBE --ignore-install mod-loop-b && { $MODPROBE --quiet mod-loop-a ; }";

    @TempDir
    Path tmp;
    private Path root;
    private FakeKernel kernel;
    private final List<String> nested = new ArrayList<>();

    private UpstreamTree tree(String release) {
        root = tmp.resolve("root");
        return UpstreamTree.at(root, release);
    }

    /** Makes the fake kernel on the tree, running release {@code release}, nothing loaded. */
    private void boot(UpstreamTree t) {
        FakeKernelTree k = FakeKernelTree.at(t.root());
        k.cmdline("");
        k.file("proc/sys/kernel/osrelease", t.release() + "\n");
        k.procModulesLines();
        kernel = FakeKernel.on(k);
    }

    /** jmodprobe {@code args} in {@code cwd} on the fake kernel; env {@code JKMOD_PROFILE=profile}. */
    private Outcome modprobe(String profile, Path cwd, String... args) {
        return UpstreamRuns.jmod("/sbin/modprobe", Map.of("JKMOD_PROFILE", profile), kernel, shell(profile),
                cwd, root, List.of(args));
    }

    private Outcome modprobe(String... args) {
        return modprobe("kmod34", tmp, args);
    }

    /**
     * The shell of install commands, for the one command of install-cmd-loop: {@code &&}-joined
     * {@code $MODPROBE ARGS} parts (braces and {@code ;} as separators), each a nested jmodprobe run
     * in this JVM on the same fake kernel; a part that fails stops the command, as in sh.
     */
    private CommandRunner shell(String profile) {
        return (command, environment) -> {
            int status = 0;
            for (String part : command.split("&&")) {
                String[] words = part.replace("{", " ").replace("}", " ").replace(";", " ").trim().split("\\s+");
                if (!words[0].equals("$MODPROBE")) {
                    throw new KmodException("the test's shell runs only $MODPROBE commands, not: " + command);
                }
                nested.add(String.join(" ", Arrays.copyOfRange(words, 1, words.length)));
                status = modprobe(profile, tmp, Arrays.copyOfRange(words, 1, words.length)).status();
                if (status != 0) {
                    return status;
                }
            }
            return status;
        };
    }

    private UpstreamTree simpleTree(String release) {
        return tree(release).depmodLike("kernel/mod-simple.ko:").write();
    }

    private void assertOk(Outcome o) {
        assertEquals(0, o.status(), UpstreamRuns.show(o));
        assertEquals("", o.stderr());
    }

    /** modprobe_show_depends_no_load: --show-depends makes no kernel call. */
    @Test
    void modprobeShowDependsNoLoad() {
        boot(tree("4.4.4").depmodLike("kernel/mod-simple.ko:").write());
        Outcome o = modprobe("--show-depends", "mod-simple");
        assertOk(o);
        assertEquals(List.of(), kernel.calls());
        assertEquals(Phase.ABSENT, kernel.phase("mod_simple"));
    }

    /**
     * modprobe_show_depends ("for loaded modules"): --show-depends ignores what is loaded, so a live
     * dependency is still listed.
     */
    @Test
    void modprobeShowDependsOfLoadedModules() {
        UpstreamTree t = tree("4.4.4").depmodLike("kernel/mod-loop-b.ko:", "kernel/mod-loop-a.ko: kernel/mod-loop-b.ko")
                .write();
        boot(t);
        kernel.tree().module("mod_loop_b").live();
        Outcome o = modprobe("--show-depends", "mod-loop-a");
        assertOk(o);
        assertEquals("insmod " + t.moduleDirectory().resolve("kernel/mod-loop-b.ko") + " \ninsmod "
                + t.moduleDirectory().resolve("kernel/mod-loop-a.ko") + " \n", o.stdout());
        assertEquals(List.of(), kernel.calls());
    }

    /** modprobe_builtin: loading a builtin succeeds without a kernel call. */
    @Test
    void modprobeBuiltin() {
        UpstreamTree t = tree("4.4.4").dep().text("modules.builtin", "kernel/net/unix/unix.ko").write();
        boot(t);
        assertOk(modprobe("unix"));
        assertEquals(List.of(), kernel.calls());
    }

    /** modprobe_softdep_loop: b, then its post softdep a (which needs b, already loaded). */
    @Test
    void modprobeSoftdepLoop() {
        boot(tree("4.4.4").depmodLike("kernel/mod-loop-b.ko:", "kernel/mod-loop-a.ko: kernel/mod-loop-b.ko")
                .conf("loop.conf", "softdep mod-loop-b post: mod-loop-a").write());
        assertOk(modprobe("mod-loop-b"));
        assertEquals(Phase.LIVE, kernel.phase("mod_loop_b"));
        assertEquals(Phase.LIVE, kernel.phase("mod_loop_a"));
        assertEquals(List.of("mod_loop_b", "mod_loop_a"), loaded());
    }

    /** modprobe_weakdep_loop: only b is loaded; its weak dependencies are not. */
    @ParameterizedTest
    @ValueSource(strings = {"kmod34", "kmod30"})
    void modprobeWeakdepLoop(String profile) {
        boot(tree("4.4.4").depmodLike("kernel/mod-loop-b.ko:", "kernel/mod-loop-a.ko:", "kernel/mod-simple.ko:")
                .text("modules.weakdep", "# Weak dependencies extracted from modules themselves.")
                .conf("weak.conf", "weakdep mod-loop-b mod-loop-a mod-simple").write());
        Outcome o = modprobe(profile, tmp, "mod-loop-b");
        assertEquals(0, o.status(), UpstreamRuns.show(o));
        assertEquals(List.of("mod_loop_b"), loaded());
        assertEquals(Phase.ABSENT, kernel.phase("mod_loop_a"));
        assertEquals(Phase.ABSENT, kernel.phase("mod_simple"));
    }

    /**
     * modprobe_install_cmd_loop: a needs b; b's install command loads b itself, then a (which
     * then finds b loaded); the outer run then finds a loaded: both live, exit 0.
     */
    @Test
    void modprobeInstallCmdLoop() {
        boot(tree("4.4.4").depmodLike("kernel/mod-loop-b.ko:", "kernel/mod-loop-a.ko: kernel/mod-loop-b.ko")
                .conf("loop.conf", INSTALL_LOOP).write());
        assertOk(modprobe("mod-loop-a"));
        assertEquals(List.of("--ignore-install mod-loop-b", "--quiet mod-loop-a"), nested);
        assertEquals(Phase.LIVE, kernel.phase("mod_loop_b"));
        assertEquals(Phase.LIVE, kernel.phase("mod_loop_a"));
    }

    /**
     * modprobe_force*, modprobe_oldkernel*: the module is loaded. With finit_module: one call with
     * the flags of the options (MODULE_INIT_IGNORE_MODVERSIONS 1, _VERMAGIC 2). Without
     * (ENOSYS): then init_module with the image.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "4.4.4, '', 0", "4.4.4, --force, 3", "4.4.4, --force-modversion, 1", "4.4.4, --force-vermagic, 2",
        "3.3.3, '', 0", "3.3.3, --force, 3", "3.3.3, --force-modversion, 1", "3.3.3, --force-vermagic, 2",
    })
    void modprobeForceAndOldkernel(String release, String option, int flags) {
        boot(simpleTree(release));
        boolean old = release.equals("3.3.3");
        if (old) {
            kernel.failAlways(Call.FINIT_MODULE, Errno.ENOSYS);
        }
        Outcome o = option.isEmpty() ? modprobe("mod-simple") : modprobe(option, "mod-simple");
        assertOk(o);
        assertEquals(Phase.LIVE, kernel.phase("mod_simple"));
        List<FakeKernel.Invocation> calls = kernel.calls();
        assertEquals(Call.FINIT_MODULE, calls.get(0).call());
        assertEquals(flags, calls.get(0).flags());
        assertEquals(old ? 2 : 1, calls.size(), calls.toString());
        if (old) {
            assertEquals(Call.INIT_MODULE, calls.get(1).call());
        }
    }

    /** Boots the tree whose modules.dep names mod-simple outside the module directory; returns that file. */
    private Path bootExternal() {
        Path external = tmp.resolve("root/lib/modules/external/mod-simple.ko");
        boot(tree("4.4.4").depmodLike(external + ":").write());
        return external;
    }

    /** modprobe_external: the module's absolute path in modules.dep is loaded. */
    @Test
    void modprobeExternal() {
        Path external = bootExternal();
        assertOk(modprobe("mod-simple"));
        assertEquals(Optional.of(external), kernel.calls().get(0).file());
        assertEquals(Phase.LIVE, kernel.phase("mod_simple"));
    }

    /** modprobe_module_from_abspath: kmod 34 loads the file given; kmod 30 does not know it. */
    @Test
    void modprobeModuleFromAbspath() throws IOException {
        bootExternal();
        Path file = UpstreamTree.module(root.resolve("home/foo/mod-simple.ko"));
        Outcome old = modprobe("kmod30", tmp, file.toString());
        assertEquals(1, old.status());
        assertEquals(List.of(), kernel.calls());
        assertOk(modprobe(file.toString()));
        assertEquals(Optional.of(file), kernel.calls().get(0).file());
        assertEquals(Phase.LIVE, kernel.phase("mod_simple"));
    }

    /** modprobe_module_from_relpath: {@code ./mod-simple.ko} in the working directory. */
    @Test
    void modprobeModuleFromRelpath() throws IOException {
        bootExternal();
        Path dir = root.resolve("home/foo");
        UpstreamTree.module(dir.resolve("mod-simple.ko"));
        assertOk(modprobe("kmod34", dir, "./mod-simple.ko"));
        assertEquals(Optional.of(dir.resolve("./mod-simple.ko")), kernel.calls().get(0).file());
        assertEquals(Phase.LIVE, kernel.phase("mod_simple"));
    }

    /**
     * test-init test_insert and test-remove test_remove (the module given as a file, then removed:
     * its /sys/module directory is gone); test-init test_remove: removing a module that is not
     * loaded fails (ENOENT: modprobe says "not found").
     */
    @Test
    void insertThenRemove() throws IOException {
        boot(simpleTree("4.4.4"));
        Path file = UpstreamTree.module(root.resolve("mod-simple.ko"));
        assertOk(modprobe(file.toString()));
        assertEquals(Phase.LIVE, kernel.phase("mod_simple"));
        assertOk(modprobe("-r", "mod-simple"));
        assertFalse(Files.isDirectory(root.resolve("sys/module/mod_simple")));
        Outcome bla = modprobe("-r", "bla");
        assertEquals(1, bla.status());
        assertTrue(bla.stderr().contains("Module bla not found"), bla.stderr());
    }

    /** The modules loaded, in call order. */
    private List<String> loaded() {
        List<String> out = new ArrayList<>();
        for (FakeKernel.Invocation i : kernel.calls()) {
            if (i.call() != Call.DELETE_MODULE) {
                out.add(i.module());
            }
        }
        return out;
    }
}
