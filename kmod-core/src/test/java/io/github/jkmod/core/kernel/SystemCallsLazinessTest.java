package io.github.jkmod.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.github.jkmod.testsupport.Prerequisites.require;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KernelCalls#system()} in a fresh JVM: no JNA class is loaded until a call is made (start-up
 * time), and a call works in the kernel's helper environment ({@code HOME=/}, short {@code PATH},
 * no terminal, an unusable home) with JNA's native part unpacked where jkmod chose.
 */
class SystemCallsLazinessTest {

    /** Output of a child JVM. */
    private record Child(int exit, List<String> out, String err) {
    }

    private static Child runChild(List<String> jvmOptions, Map<String, String> env, String mode) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SystemCallsProbe.class.getName());
        command.add(mode);
        ProcessBuilder pb = new ProcessBuilder(command);
        if (env != null) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Child(p.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList(),
                new String(err, StandardCharsets.UTF_8));
    }

    private static boolean loadsJna(Child c) {
        return c.out().stream().anyMatch(l -> l.contains("com.sun.jna."));
    }

    private static List<String> probeLines(Child c) {
        return c.out().stream().filter(l -> !l.startsWith("[")).toList();
    }

    @Test
    void theInterfaceAloneLoadsNoJnaClass() throws Exception {
        Child c = runChild(List.of("-verbose:class"), null, "type-only");
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().stream().anyMatch(l -> l.contains("io.github.jkmod.core.kernel.KernelCalls ")),
                "verbose:class output is seen");
        assertFalse(loadsJna(c), "no com.sun.jna class loaded");
        assertFalse(c.out().stream().anyMatch(l -> l.contains("io.github.jkmod.core.internal.jna.")));
        assertEquals(List.of("calls=KernelCalls.system()"), probeLines(c));
    }

    @Test
    void aCallLoadsJna() throws Exception {
        require(Files.isDirectory(Path.of("/proc/self")), "needs Linux");
        Child c = runChild(List.of("-verbose:class"), null, "call");
        assertEquals(0, c.exit(), c.err());
        assertTrue(loadsJna(c), "JNA loaded for the call");
        String errno = probeLines(c).get(1);
        if (!Files.exists(Path.of("/proc/modules"))) {
            assertEquals("errno=ENOSYS", errno);
        } else {
            assertTrue(errno.startsWith("errno=E"), errno);
        }
    }

    @Test
    void worksAsTheKernelsHelper(@TempDir Path dir) throws Exception {
        require(Files.isDirectory(Path.of("/proc/self")), "needs Linux");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path notADirectory = Files.writeString(dir.resolve("home-is-a-file"), "");
        Child c = runChild(List.of("-Djava.io.tmpdir=" + tmp, "-Duser.home=" + notADirectory,
                        "-Djna.debug_load=true", "-Djnidispatch.preserve=true"),
                Map.of("HOME", "/", "PATH", "/sbin:/bin:/usr/sbin:/usr/bin", "TERM", "linux"), "call");
        assertEquals(0, c.exit(), c.err());
        List<String> lines = probeLines(c);
        assertTrue(lines.get(1).startsWith("errno=E"), lines.toString());
        assertEquals("jna.tmpdir=" + tmp, lines.get(2));
        assertTrue(c.err().contains("Extracting library to " + tmp), c.err());
        try (var files = Files.list(tmp)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("jna")), "libjnidispatch unpacked in " + tmp);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
