package io.github.jkmod.cli.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.CoreRunner;
import io.github.jkmod.cli.Jmodprobe;
import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Oracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile module names, on the command line and in the configuration (alias, softdep, options,
 * install, remove, blacklist), in every mode, against the fake kernel: no file outside the module
 * directory reaches the kernel, no command runs but those the configuration names, no failure but
 * modprobe's own messages; and, in dry runs, the same output as the real modprobe.
 */
class NameHardeningTest {
    private static final String MODULES = "demo_crc demo_core demo_net demofs demo_misc";
    /** Names of the configuration below that are paths, shell words or worse. */
    private static final String CONFIG = """
            alias evil ../../etc/passwd
            alias evil2 /abs/x
            alias evil3 a/b
            alias evil4 ..
            alias evil5 $(touch${IFS}/tmp/jkmod-pwned)
            softdep demo_net pre: ../b /x/y post: `id` demofs
            options ../y foo=1
            options demo_core x=$(id)
            install ../z /bin/true install-z
            remove ../z /bin/true remove-z
            blacklist ../q
            """;
    private static final Set<String> CONFIGURED_COMMANDS = Set.of("/bin/true install-z",
            "/bin/true remove-z");
    private static final List<List<String>> MODES = List.of(List.of(), List.of("-r"), List.of("-n", "-v"),
            List.of("-D"), List.of("-R"), List.of("-r", "--remove-holders"), List.of("-i"),
            List.of("--first-time"), List.of("-b"), List.of("-r", "-v"), List.of("-vv"));

    @TempDir
    Path tmp;

    static List<String> hostileNames() {
        List<String> names = new ArrayList<>(List.of("../../etc/passwd", "/abs", "/abs/demo_net.ko", "a/b",
                "..", ".", "../", "./demo_net", "demo_net/..", "../demo_net", "$(touch /tmp/jkmod-pwned)",
                "`touch /tmp/jkmod-pwned`", "demo_net; touch /tmp/jkmod-pwned", "demo net", "demo_net\n",
                "a\nb", "\t", "\u0001\u0002\u001b[31m", "\u007f", "x".repeat(5000), "../".repeat(300) + "etc",
                "evil", "evil2", "evil3", "evil4", "evil5", "../z", "../y", "../q", "../b", "*", "demo_*",
                "?", "[", "demo_net*", "|", "&&", "'", "\"", "\\", "demo\\_net", "-", "--x",
                "kernel/lib/demo_crc.ko", "lib/modules/" + ExampleSystem.RELEASE + "/kernel/lib/demo_crc.ko"));
        // Random names over a hostile alphabet, reproducibly.
        Random random = new Random(20261126);
        String alphabet = "../$()`;| \n\t\u0001*?[]\\'\"&<>demo_netcrf";
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(24);
            for (int j = 0; j < n; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(b.toString());
        }
        return names;
    }

    @Test
    void hostileNamesNeverEscapeNorRunAnything() throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(tmp.resolve("etc/passwd"), "bait\n");
        Files.writeString(tmp.resolve("abs.ko"), "\u007fELF bait");
        ExampleSystem system = new ExampleSystem(root, CONFIG);
        system.tree.module("demo_crc").live();
        int runs = 0;
        for (String name : hostileNames()) {
            for (List<String> mode : MODES) {
                List<String> args = new ArrayList<>(mode);
                args.add("--");
                args.add(name);
                ExampleSystem.Outcome o = system.run(args.toArray(String[]::new));
                runs++;
                String what = args + ": " + o;
                assertTrue(o.status() == 0 || o.status() == 1, what);
                assertFalse(o.err().contains("internal error"), what);
            }
        }
        // all at once
        List<String> all = new ArrayList<>(List.of("-a", "--"));
        all.addAll(hostileNames());
        assertFalse(system.run(all.toArray(String[]::new)).err().contains("internal error"));
        all.set(0, "-ra");
        assertFalse(system.run(all.toArray(String[]::new)).err().contains("internal error"));
        // and the one real module whose softdeps are hostile
        assertEquals(new ExampleSystem.Outcome(0, "", ""), system.run("demo_net"));
        assertEquals(new ExampleSystem.Outcome(0, "", ""), system.run("-r", "demo_net"));
        assertFalse(system.kernel.calls().isEmpty());
        Path dir = system.moduleDir.toAbsolutePath().normalize();
        Set<String> valid = Set.of(MODULES.split(" "));
        for (FakeKernel.Invocation call : system.kernel.calls()) {
            assertTrue(valid.contains(call.module()), call.toString());
            call.file().ifPresent(f -> assertTrue(f.toAbsolutePath().normalize().startsWith(dir), call.toString()));
        }
        assertTrue(CONFIGURED_COMMANDS.containsAll(system.commands), system.commands.toString());
        assertTrue(system.commands.contains("/bin/true install-z"), "the configured command does run");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(Set.of(root, tmp.resolve("etc"), tmp.resolve("abs.ko")), Set.copyOf(s.toList()));
        }
        try (Stream<Path> s = Files.list(root.resolve("sys/module"))) {
            for (Path p : s.toList()) {
                assertTrue(valid.contains(p.getFileName().toString()), p.toString());
            }
        }
        assertFalse(Files.exists(Path.of("/tmp/jkmod-pwned")));
        System.out.println("[hardening names] " + runs + " runs, " + hostileNames().size() + " names, "
                + system.kernel.calls().size() + " kernel calls, all inside the module directory");
    }

    @Test
    void aConfigurationAliasToAPathIsAModuleThatIsNotThere() throws IOException {
        ExampleSystem system = new ExampleSystem(tmp.resolve("root"), CONFIG);
        ExampleSystem.Outcome o = system.run("evil");
        assertEquals(new ExampleSystem.Outcome(1, "",
                "modprobe: ERROR: could not find module by name='../../etc/passwd'\n"
                        + "modprobe: ERROR: could not insert '../../etc/passwd': Unknown symbol in module, or"
                        + " unknown parameter (see dmesg)\n"), o);
        assertEquals(new ExampleSystem.Outcome(0, "", ""), system.run("-r", "evil3"));
        assertEquals(List.of(), system.kernel.calls());
    }

    /** Dry runs against the real modprobe, on the example tree with the hostile configuration. */
    @Test
    void sameAsTheRealModprobeInDryRuns() throws Exception {
        Path modprobe = RealModprobe.require();
        Path conf = tmp.resolve("hostile.conf");
        Files.writeString(conf, CONFIG);
        Path example = Path.of("src/example/root").toAbsolutePath();
        List<String> differing = new ArrayList<>();
        int compared = 0;
        List<String> names = new ArrayList<>(hostileNames().subList(0, 47));
        names.addAll(List.of("demo_net", "demo_core", "demo-nic"));
        for (String name : names) {
            for (List<String> mode : List.of(List.of("-n", "-v"), List.of("-D"), List.of("-R"),
                    List.of("-n", "-v", "-r"), List.of("--show-depends", "-r"), List.of("-n", "-v", "-i"))) {
                if (mode.contains("-r") && (name.equals("..") || name.equals(".") || name.equals("evil4")
                        || name.equals("../z") || name.equals("demo_net/.."))) {
                    continue; // known difference, see the report: modprobe reads sys/module/NAME as a path
                }
                if (mode.contains("-R") && name.equals("../z")) {
                    continue; // known difference: libkmod cuts a command's module name at its first '.'
                }
                List<String> args = new ArrayList<>(List.of("-C", conf.toString(), "-d", example.toString(),
                        "-S", ExampleSystem.RELEASE));
                args.addAll(mode);
                args.add("--");
                args.add(name);
                ExampleSystem.Outcome real = real(modprobe, args);
                ExampleSystem.Outcome ours = ours(modprobe, args);
                compared++;
                if (!real.equals(ours)) {
                    differing.add(args + "\n  modprobe:  " + real + "\n  jmodprobe: " + ours);
                }
            }
        }
        assertTrue(differing.isEmpty(), differing.size() + " differ:\n" + String.join("\n", differing));
        System.out.println("[hardening names] " + compared + " dry runs the same as the real modprobe");
    }

    /** The environment of both runs: PATH and the behaviour profile of the chosen oracle. */
    private static Map<String, String> environment() {
        return Oracle.current().withProfile(Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
    }

    private static ExampleSystem.Outcome real(Path modprobe, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(modprobe.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(environment());
        Path out = Files.createTempFile("modprobe", ".out");
        Path err = Files.createTempFile("modprobe", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            int status = pb.start().waitFor();
            return new ExampleSystem.Outcome(status, Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static ExampleSystem.Outcome ours(Path modprobe, List<String> args) {
        List<String> commands = new ArrayList<>();
        CoreRunner runner = new CoreRunner(new io.github.jkmod.core.kernel.KernelCalls() {
            @Override
            public void finitModule(String module, Path file, String params, int flags) {
                throw new AssertionError("a dry run inserts nothing");
            }

            @Override
            public void initModule(String module, byte[] image, String params) {
                throw new AssertionError("a dry run inserts nothing");
            }

            @Override
            public void deleteModule(String module, int flags) {
                throw new AssertionError("a dry run removes nothing");
            }
        }, (command, env) -> {
            commands.add(command);
            return 0;
        }, Path.of("").toAbsolutePath(), Path.of("/"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Jmodprobe.run(modprobe.toString(), args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1),
                environment(), runner, SyslogSink.DISCARD);
        assertEquals(List.of(), commands, "a dry run runs no command");
        return new ExampleSystem.Outcome(status, out.toString(StandardCharsets.ISO_8859_1),
                err.toString(StandardCharsets.ISO_8859_1));
    }
}
