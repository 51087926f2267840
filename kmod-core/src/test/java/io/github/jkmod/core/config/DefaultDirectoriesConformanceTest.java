package io.github.jkmod.core.config;

import static io.github.jkmod.core.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.github.jkmod.testsupport.Prerequisites.require;

import io.github.jkmod.core.testsupport.ConformanceProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default directories, compared with the real {@code modprobe -c}: inside a private mount
 * namespace, test directories are bind-mounted over {@code /etc/modprobe.d},
 * {@code /run/modprobe.d}, {@code /usr/local/lib/modprobe.d} and {@code /lib/modprobe.d} (a
 * missing one gets an empty tmpfs over its parent first, visible in that namespace only), while
 * the loader reads the same directories under a test root. Skipped without modprobe, the real
 * tree, or the right to make mount namespaces.
 */
class DefaultDirectoriesConformanceTest {
    @TempDir
    Path root;

    private static final String SETUP = String.join("\n",
            "for d in etc/modprobe.d run/modprobe.d usr/local/lib/modprobe.d lib/modprobe.d; do",
            "  t=/$d",
            "  if [ ! -d \"$t\" ]; then",
            "    p=$(dirname \"$t\")",
            "    [ -d \"$p\" ] || exit 77",
            "    mount -t tmpfs jkmod-test \"$p\" || exit 77",
            "    mkdir -p \"$t\" || exit 77",
            "  fi",
            "  mount --bind \"$JKMOD_ROOT/$d\" \"$t\" || exit 77",
            "done");

    @Test
    void defaultDirectoriesInPrecedenceOrder() throws Exception {
        RealModprobe.require();
        require(ShowConfigOracle.realTreeRoot().isPresent(), "the real module tree is absent");
        require(ShowConfigOracle.canReplaceCmdline(), "cannot make mount namespaces");
        write(root.resolve("etc/modprobe.d/a.conf"), "options x from-etc-a\n");
        write(root.resolve("etc/modprobe.d/z.conf"), "options x from-etc-z\nbad\n");
        write(root.resolve("run/modprobe.d/a.conf"), "options x from-run-a\n");
        write(root.resolve("run/modprobe.d/b.conf"), "options x from-run-b\n");
        write(root.resolve("usr/local/lib/modprobe.d/b.conf"), "options x from-usrlocal-b\n");
        write(root.resolve("usr/local/lib/modprobe.d/c.conf"), "options x from-usrlocal-c\n");
        write(root.resolve("lib/modprobe.d/c.conf"), "options x from-lib-c\n");
        write(root.resolve("lib/modprobe.d/d.conf"), "options x from-lib-d\ninclude x\n");
        write(root.resolve("lib/modprobe.d/0.conf"), "blacklist from-lib-0\n");
        write(root.resolve("lib/modprobe.d/modules.conf"), "softdep x pre: y\n");
        Files.createDirectories(root.resolve("run/modprobe.d/dir.conf"));
        // On a merged-/usr host /usr/lib/modprobe.d is /lib/modprobe.d, which kmod 34 reads first: the
        // test root mirrors it, so that the loader sees what the real modprobe sees.
        if (Files.isDirectory(Path.of("/usr/lib/modprobe.d"))
                && Files.isSameFile(Path.of("/usr/lib/modprobe.d"), Path.of("/lib/modprobe.d"))) {
            Files.createDirectories(root.resolve("usr/lib"));
            Files.createSymbolicLink(root.resolve("usr/lib/modprobe.d"), root.resolve("lib/modprobe.d"));
        }
        Path cmdline = write(root.resolve("cmdline"), "x.late=1\n");

        Path tree = ShowConfigOracle.realTreeRoot().orElseThrow();
        String release = ShowConfigOracle.realTreeRelease();
        ShowConfigOracle.Result real = ShowConfigOracle.showConfigAfter(
                "JKMOD_ROOT='" + root + "'\n" + SETUP,
                List.of("-d", tree.toString(), "-S", release), cmdline);
        require(real.exitCode() != 77, "cannot mount the test directories");
        assertEquals(0, real.exitCode(), () -> "modprobe failed: " + real.stderr());

        ModprobeConfig ours = ConformanceProfile.apply(ConfigLoader.builder()).configRoot(root)
                .moduleDir(Path.of(tree + "/lib/modules/" + release)).cmdlineFile(cmdline).build();
        assertEquals(real.config(), ours.dump());
        assertEquals(real.stderr(), ours.warnings().stream().map(w -> w.stderrLine(ConformanceProfile.profile())).toList());
        assertEquals(List.of("x from-etc-a", "x from-run-b", "x from-usrlocal-c", "x from-lib-d",
                "x from-etc-z", "x late=1"),
                ours.options().stream().map(o -> o.module() + " " + o.options()).toList());
    }
}
