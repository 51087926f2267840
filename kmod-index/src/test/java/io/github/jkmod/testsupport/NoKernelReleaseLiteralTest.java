package io.github.jkmod.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Debian's archive keeps only the newest kernel package, so the fetched tree's release changes
 * whenever Debian publishes a kernel: no source file of the project may name a Debian kernel release
 * (code, scripts, build files). Tests take it from {@code DIR/release} ({@link FetchedTree}); the
 * vendored vectors keep their own release in {@code TestVectors}, the one file allowed to name it.
 */
class NoKernelReleaseLiteralTest {
    /** A Debian kernel release: 6.1.0-NN-amd64, 6.12.NNN+debNN-amd64, 6.1.0-NN-cloud-arm64 ... (N a digit). */
    static final Pattern DEBIAN_RELEASE = Pattern.compile(
            "\\b\\d+\\.\\d+(?:\\.\\d+)?(?:-\\d+|\\+deb\\d+)(?:-[a-z]+)*-(?:amd64|arm64|armmp|armhf|i386|686(?:-pae)?|ppc64el|s390x|riscv64)\\b");
    private static final Set<String> SOURCE_SUFFIXES = Set.of(".java", ".sh", ".c", ".py", ".xml", ".properties");
    private static final Set<String> ALLOWED = Set.of("kmod-index/src/test/java/io/github/jkmod/index/TestVectors.java");

    @Test
    void thePatternRecognisesDebianReleases() {
        // built from parts, so that this file does not name one itself
        for (String release : List.of("6.1.0-" + "57-amd64", "6.12.117+" + "deb13-amd64", "6.1.0-" + "28-cloud-arm64",
                "5.10.0-" + "32-686-pae")) {
            assertTrue(DEBIAN_RELEASE.matcher("-S " + release + " ").find(), release);
        }
        for (String other : List.of("6.1.0-jkmod-example", "6.1.0", "kmod 34.2", "1.2.3-4-jkmod")) {
            assertFalse(DEBIAN_RELEASE.matcher(other).find(), other);
        }
    }

    @Test
    void noSourceFileNamesADebianKernelRelease() throws IOException {
        Path project = projectRoot();
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(project)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String rel = project.relativize(file).toString();
                if (!isSource(rel) || ALLOWED.contains(rel)) {
                    continue;
                }
                scanned++;
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                Matcher m = DEBIAN_RELEASE.matcher(text);
                while (m.find()) {
                    found.add(rel + ": " + m.group());
                }
            }
        }
        assertTrue(scanned > 200, "only " + scanned + " source files found under " + project);
        assertEquals(List.of(), found, "take the release from the fetched tree's DIR/release instead");
    }

    private static boolean isSource(String rel) {
        if (rel.startsWith(".git/") || rel.contains("/target/") || rel.contains("/vectors/")) {
            return false;
        }
        if (rel.startsWith(".ci/")) {
            return true;
        }
        return SOURCE_SUFFIXES.stream().anyMatch(rel::endsWith);
    }

    /** The directory of the parent pom (tests run in a module's directory). */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "no project root above " + Path.of("").toAbsolutePath());
        return dir;
    }
}
