package io.github.jkmod.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (the real module tree, a real kmod tool, QEMU, ...). Outside CI a
 * missing prerequisite skips the test with a message naming it; under {@code .ci/run}
 * (environment variable {@code CI=true}) it fails the test, so that no oracle test is skipped there
 * without a word. Skips that are expected on the CI machine itself (e.g. tests that need a kernel with
 * module support) use plain assumptions and are listed, with the reason, in {@code .ci/allowed-skips}.
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    /** Whether this JVM runs under {@code .ci/run}: the environment variable {@code CI} is {@code true}. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Goes on when {@code present}; otherwise skips the test (outside CI) or fails it (under CI),
     * naming {@code what} is missing.
     *
     * @param present whether the prerequisite is there
     * @param what what is missing, e.g. {@code "the real modprobe (/usr/sbin/modprobe)"}
     */
    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if (underCi()) {
            Assertions.fail("missing under .ci/run (CI=true): " + what);
        }
        Assumptions.abort("missing: " + what);
    }

    /**
     * The first of {@code candidates} (absolute paths, or names looked up on {@code PATH}) that is an
     * executable file; a missing tool is a missing prerequisite.
     *
     * @param candidates absolute paths or bare names
     * @return the executable found
     */
    public static Path tool(String... candidates) {
        Optional<Path> found = findTool(candidates);
        require(found.isPresent(), "tool " + String.join(" or ", candidates));
        return found.orElseThrow();
    }

    /**
     * The first of {@code candidates} that is an executable file, or empty.
     *
     * @param candidates absolute paths, or names looked up on {@code PATH}
     * @return the executable found, if any
     */
    public static Optional<Path> findTool(String... candidates) {
        for (String c : candidates) {
            if (c.startsWith("/") && Files.isExecutable(Path.of(c))) {
                return Optional.of(Path.of(c));
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/sbin:/usr/bin:/bin").split(":")) {
            for (String c : candidates) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir).resolve(Path.of(c).getFileName().toString());
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The real {@code modprobe} of the chosen {@link Oracle} ({@link Oracle#modprobe()}). */
    public static Path modprobe() {
        return Oracle.current().modprobe();
    }

    /** The real {@code modinfo} of the chosen {@link Oracle} ({@link Oracle#modinfo()}). */
    public static Path modinfo() {
        return Oracle.current().modinfo();
    }
}
