package io.github.jkmod.cli.hardening;

import io.github.jkmod.cli.CoreRunner;
import io.github.jkmod.cli.Jmodprobe;
import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;

/** The example tree under a temporary root, a fake kernel on it, and jmodprobe run in this JVM. */
final class ExampleSystem {
    static final String RELEASE = "6.1.0-jkmod-example";

    /** What one jmodprobe run showed. */
    record Outcome(int status, String out, String err) {
    }

    final Path root;
    final Path moduleDir;
    final FakeKernelTree tree;
    final FakeKernel kernel;
    /** Every command the runner was asked to run (none is run). */
    final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final KernelCalls calls;

    ExampleSystem(Path root, String config) throws IOException {
        this(root, config, null);
    }

    /** With {@code calls} in front of the fake kernel (null: the fake kernel itself). */
    ExampleSystem(Path root, String config, java.util.function.Function<FakeKernel, KernelCalls> calls)
            throws IOException {
        this.root = root;
        Files.createDirectories(root);
        PathUtils.copyDirectory(Path.of("src/example/root/lib"), root.resolve("lib"));
        moduleDir = root.resolve("lib/modules/" + RELEASE);
        tree = FakeKernelTree.at(root);
        tree.cmdline("");
        tree.file("proc/sys/kernel/osrelease", RELEASE + "\n");
        Files.createDirectories(root.resolve("etc/modprobe.d"));
        Files.writeString(root.resolve("etc/modprobe.d/test.conf"), config);
        kernel = FakeKernel.on(tree);
        this.calls = calls == null ? kernel : calls.apply(kernel);
    }

    Outcome run(String... args) {
        return run(Map.of(), args);
    }

    Outcome run(Map<String, String> env, String... args) {
        CommandRunner recorder = (command, environment) -> {
            commands.add(command);
            return 0;
        };
        CoreRunner runner = new CoreRunner(calls, recorder, root, root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Jmodprobe.run("/sbin/modprobe", args,
                new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1), env, runner, SyslogSink.DISCARD);
        return new Outcome(status, out.toString(StandardCharsets.ISO_8859_1),
                err.toString(StandardCharsets.ISO_8859_1));
    }
}
