package io.github.jkmod.cli.hardening;

import io.github.jkmod.cli.CoreRunner;
import io.github.jkmod.cli.Jmodprobe;
import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.kernel.testing.FakeKernelClient;
import io.github.jkmod.sysfs.testing.FakeModule.Phase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * One process of {@link MultiProcessHardeningTest}: runs whole {@code jmodprobe} invocations
 * ({@code X} or {@code -r X}, random example modules) one after the other against the fake kernel
 * that the test serves on a socket, and prints a line per run: module, kind, exit status, the phase
 * read from {@code sys/module} right after, and the {@link System#nanoTime()} span.
 *
 * <p>Arguments: socket, root, seed, number of runs, initstate logic ({@code kmod18} or {@code kmod20}).
 */
public final class FakeKernelWorker {
    private FakeKernelWorker() {
    }

    /** Runs the invocations; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Path socket = Path.of(args[0]);
        Path root = Path.of(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        int runs = Integer.parseInt(args[3]);
        String logic = args[4];
        FakeKernelClient kernel = FakeKernelClient.connect(socket);
        CommandRunner noCommands = (command, environment) -> 0;
        PrintStream report = System.out;
        report.println("clock\t" + System.nanoTime());
        for (int i = 0; i < runs; i++) {
            String module = KernelModel.MODULES.get(random.nextInt(KernelModel.MODULES.size()));
            boolean remove = random.nextInt(3) == 0;
            String[] arguments = remove
                    ? new String[] {"--initstate-logic", logic, "-r", module}
                    : new String[] {"--initstate-logic", logic, module};
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long from = System.nanoTime();
            int status = Jmodprobe.run("/sbin/modprobe", arguments,
                    new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                    new PrintStream(err, true, StandardCharsets.ISO_8859_1), Map.of(),
                    new CoreRunner(kernel, noCommands, root, root), SyslogSink.DISCARD);
            Phase phase = phaseOnDisk(root.resolve("sys/module").resolve(module));
            long to = System.nanoTime();
            report.println(String.join("\t", "run", module, remove ? "remove" : "insert", Integer.toString(status),
                    phase.name(), Long.toString(from), Long.toString(to),
                    err.toString(StandardCharsets.ISO_8859_1).replace("\n", "\\n").replace("\t", "\\t")));
        }
        report.println("clock\t" + System.nanoTime());
        report.flush();
    }

    /** The phase as a reader of sysfs sees it (this test has no builtin modules). */
    private static Phase phaseOnDisk(Path directory) throws IOException {
        try {
            return switch (Files.readString(directory.resolve("initstate"), StandardCharsets.US_ASCII).strip()) {
                case "coming" -> Phase.COMING;
                case "live" -> Phase.LIVE;
                case "going" -> Phase.GOING;
                default -> throw new IOException("bad initstate in " + directory);
            };
        } catch (java.nio.file.NoSuchFileException e) {
            return Files.isDirectory(directory) ? Phase.WINDOW : Phase.ABSENT;
        }
    }
}
