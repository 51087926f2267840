package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.testsupport.Prerequisites;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged executable {@code target/jmodprobe} (launcher script + shaded jar), run as a
 * separate process with the kernel's minimal environment: it must print exactly what the
 * in-process {@link Jmodprobe#run} prints. Skipped when the executable has not been built.
 */
class JmodprobeExecutableIT {
    private static Path executable;

    @BeforeAll
    static void locate() {
        executable = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath();
        Prerequisites.require(Files.isExecutable(executable), "not built: " + executable);
    }

    /** What the kernel gives request_module()'s modprobe; JAVA_HOME only if java is not on PATH. */
    private static Map<String, String> minimalEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", "/");
        env.put("PATH", "/sbin:/bin:/usr/sbin:/usr/bin");
        // the behaviour profile of the chosen oracle, as InProcess.run gives it
        env.put(Oracle.PROFILE_VARIABLE, Oracle.current().profile());
        boolean javaOnPath = Stream.of("/sbin", "/bin", "/usr/sbin", "/usr/bin")
                .anyMatch(d -> Files.isExecutable(Path.of(d, "java")));
        if (!javaOnPath) {
            env.put("JAVA_HOME", System.getProperty("java.home"));
        }
        return env;
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(List.of("-h")), Arguments.of(List.of("--help")),
                Arguments.of(List.of("-V")), Arguments.of(List.of("--foo")),
                Arguments.of(List.of("-vk")), Arguments.of(List.of()),
                Arguments.of(List.of("-w", "abc")), Arguments.of(List.of("--s")),
                Arguments.of(List.of("-q", "--", "jkmod_no_such_module")),
                Arguments.of(List.of("-n", "jkmod_no_such_module", "a=b c")),
                Arguments.of(List.of("--initstate-logic=kmod17", "x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sameAsInProcess(List<String> args) {
        Map<String, String> env = minimalEnvironment();
        RealModprobe.Outcome packaged = RealModprobe.run(executable.toString(), args, env);
        RealModprobe.Outcome inProcess = InProcess.run(executable.toString(), args, env);
        assertEquals(inProcess, packaged);
    }

    @Test
    void javaToolOptionsDoNotLeakIntoOutput() {
        Map<String, String> env = minimalEnvironment();
        env.put("JAVA_TOOL_OPTIONS", "-Dx=y");
        env.put("JDK_JAVA_OPTIONS", "-Dx=y");
        RealModprobe.Outcome packaged = RealModprobe.run(executable.toString(), List.of("-k"), env);
        assertEquals(executable + ": invalid option -- 'k'\n", packaged.stderr());
        assertEquals(1, packaged.status());
    }

    /** Copied anywhere under the name modprobe, it answers like modprobe, byte for byte. */
    @Test
    void copiedAsModprobeNamesItselfModprobe(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("sbin/modprobe");
        Files.createDirectories(copy.getParent());
        Files.copy(executable, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Map<String, String> env = minimalEnvironment();
        RealModprobe.Outcome help = RealModprobe.run(copy.toString(), List.of("-h"), env);
        assertEquals(0, help.status());
        assertTrue(help.stdout().startsWith("Usage:\n\tmodprobe [options] [-i] [-b] modulename\n"));
        Optional<Path> real = RealModprobe.locate();
        if (real.isPresent()) {
            for (List<String> args : List.of(List.of("-h"), List.of("-k"), List.of("--re"),
                    List.of("-v"), List.of("--wait=x"))) {
                RealModprobe.Outcome theirs = RealModprobe.run(real.get().toString(), args, env);
                RealModprobe.Outcome ours = RealModprobe.run(copy.toString(), args, env);
                assertEquals(theirs.stdout(), ours.stdout(), args.toString());
                assertEquals(theirs.stderr().replace(real.get().toString(), copy.toString()),
                        ours.stderr(), args.toString());
                assertEquals(theirs.status(), ours.status(), args.toString());
            }
        }
    }

    @Test
    void runsThroughShWithARelativeName(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("jmodprobe");
        Files.copy(executable, copy);
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "jmodprobe", "-V").directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(minimalEnvironment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertEquals(0, p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertEquals(VersionText.render(io.github.jkmod.core.testsupport.ConformanceProfile.profile()), out);
    }
}
