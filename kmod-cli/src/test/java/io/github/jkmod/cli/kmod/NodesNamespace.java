package io.github.jkmod.cli.kmod;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a real {@code kmod} so that it finds a test's {@code modules.devname}: kmod reads only
 * {@code /lib/modules/$(uname -r)} of the running kernel, and this machine has no
 * {@code /lib/modules} ({@code /lib} is {@code usr/lib}). In a mount namespace of its own
 * ({@code unshare -m}) an overlay over {@code /usr/lib} (its upper layer on a tmpfs of the
 * namespace) gets an empty {@code modules} directory, on which the test's {@code lib/modules} is
 * bound; the host, the chroot and every other process see nothing of it, and it ends with the
 * process.
 */
final class NodesNamespace {
    private NodesNamespace() {
    }

    /** Skips (fails under CI) without root, unshare(1) and overlayfs. */
    static void require() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean overlay;
        try {
            overlay = Files.readString(Path.of("/proc/filesystems"), StandardCharsets.US_ASCII).contains("\toverlay\n");
        } catch (IOException e) {
            overlay = false;
        }
        Prerequisites.require(root && overlay && Prerequisites.findTool("/usr/bin/unshare", "/bin/unshare").isPresent(),
                "root, unshare(1) (util-linux) and overlayfs: the real kmod is shown a test's modules.devname "
                        + "as /lib/modules/RELEASE in a mount namespace");
    }

    /** The running kernel's release: what kmod's {@code uname} gives. */
    static String runningRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code tool args} with {@code modules} as {@code /lib/modules}.
     *
     * @param modules the directory to show as {@code /lib/modules}
     * @param scratch an empty directory for the namespace's tmpfs (left empty)
     * @param tool the real program
     * @param args its arguments
     * @return what it printed and its exit status
     */
    static RealModprobe.Outcome run(Path modules, Path scratch, Path tool, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                "s=$1; m=$2; shift 2; mount -t tmpfs jkmod-nodes \"$s\" || exit 99; "
                        + "mkdir \"$s/u\" \"$s/w\" || exit 98; "
                        + "mount -t overlay overlay -o \"lowerdir=/usr/lib,upperdir=$s/u,workdir=$s/w\" /usr/lib "
                        + "|| exit 97; mkdir -p /usr/lib/modules && mount --bind \"$m\" /usr/lib/modules || exit 96; "
                        + "exec \"$@\"",
                "sh", scratch.toString(), modules.toString(), tool.toString()));
        cmd.addAll(args);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LC_ALL", "C");
        RealModprobe.Outcome o = RealModprobe.capture(cmd, env, StandardCharsets.ISO_8859_1, Duration.ofSeconds(60));
        assertTrue(o.status() < 96, "the namespace could not be set up: " + o);
        return o;
    }
}
