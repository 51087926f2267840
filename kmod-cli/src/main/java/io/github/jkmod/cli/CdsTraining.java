package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCallException;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.index.IndexWriter;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training run the build records jmodprobe's class-data-sharing archive from (see
 * {@code src/build/assemble.sh}): it writes a small module tree with binary indexes and a
 * configuration under a scratch directory, then runs the usual command lines through
 * {@link Jmodprobe#run} in this one JVM, output discarded, so that the archive holds every class
 * they load. Nothing here makes a system call that changes anything: loads are dry runs or go to a
 * kernel that refuses them, the one real call cannot succeed ({@link #jna}), and the running kernel
 * is otherwise only read (its {@code /sys/module} and {@code /proc/modules}).
 *
 * <p>Usage: {@code java -cp jmodprobe io.github.jkmod.cli.CdsTraining [--prepare] SCRATCH_DIR}.
 * With {@code --prepare} it only writes the tree and configuration; without, it writes them when
 * they are not there yet, then trains. The launcher prepares in a JVM of its own, so that the
 * classes that only write the tree (the index writer above all) stay out of the archive: an AOT
 * cache loads every class it holds at start.
 */
final class CdsTraining {
    private static final String RELEASE = "0.0.0-jkmod-training";

    private CdsTraining() {
    }

    /** Runs the training in the scratch directory (created if needed); exits 0, or 1 on failure. */
    public static void main(String[] args) throws IOException, KmodException {
        boolean prepareOnly = args.length == 2 && args[0].equals("--prepare");
        if (args.length != 1 && !prepareOnly) {
            System.err.println("usage: CdsTraining [--prepare] SCRATCH_DIR");
            System.exit(2);
        }
        Path scratch = Path.of(args[args.length - 1]).toAbsolutePath();
        Path root = scratch.resolve("root");
        Path conf = scratch.resolve("modprobe.d");
        if (prepareOnly || !Files.isDirectory(conf)) {
            prepare(root, conf);
        }
        if (!prepareOnly) {
            train(scratch, root, conf);
        }
    }

    /** The tree of {@link #writeTree} and a configuration that uses every kind of line. */
    private static void prepare(Path root, Path conf) throws IOException, KmodException {
        writeTree(root.resolve("lib/modules/" + RELEASE));
        // A loaded-module list for lsmod and kmod list (the other tools of the executable).
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/modules"), "m_top 16384 0 - Live 0x0000000000000000\n"
                + "m_mid 8192 1 m_top, Live 0x0000000000000000\n", StandardCharsets.ISO_8859_1);
        Files.createDirectories(root.resolve("sys/module/m_top/holders"));
        Files.createDirectories(root.resolve("sys/module/m_mid/holders/m_top"));
        Files.writeString(root.resolve("sys/module/m_top/refcnt"), "0\n");
        Files.writeString(root.resolve("sys/module/m_mid/refcnt"), "1\n");
        Files.writeString(root.resolve("sys/module/m_mid/coresize"), "8192\n");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("training.conf"), String.join("\n",
                "# jmodprobe class-data-sharing training configuration",
                "alias training-alias m_top",
                "options m_top answer=42",
                "options m_mid verbose=1 \\",
                "  level=2",
                "softdep m_top pre: m_soft post: m_leaf",
                "blacklist m_black",
                "install m_install /bin/true",
                "remove m_install /bin/true",
                "unknown-command here",
                ""), StandardCharsets.ISO_8859_1);
    }

    private static void train(Path scratch, Path root, Path conf) throws IOException {
        String d = root.toString();
        String c = conf.toString();
        String[][] commands = {
            {"-C", c, "-d", d, "-S", RELEASE, "--show-depends", "m_top"},
            {"-C", "/dev/null", "-d", d, "-S", RELEASE, "--show-depends", "training-alias"},
            {"-C", c, "-d", d, "-S", RELEASE, "-n", "-v", "training-alias", "extra=1"},
            {"-C", c, "-d", d, "-S", RELEASE, "-n", "-a", "-b", "m_leaf", "m_black", "net-pf-99"},
            {"-C", c, "-d", d, "-S", RELEASE, "-n", "-i", "m_install"},
            {"-C", c, "-d", d, "-S", RELEASE, "-R", "pci:v00001234d00005678sv0sd0bc02sc00i00"},
            {"-C", c, "-d", d, "-S", RELEASE, "-q", "no-such-module"},
            {"-C", c, "-d", d, "-S", RELEASE, "-n", "-r", "m_top"},
            {"-C", c, "-d", d, "-S", RELEASE, "-c"},
            {"-d", d, "-S", RELEASE, "--show-depends", "m_builtin"},
            {"-V"},
            {"--help"},
            {"--no-such-option"},
        };
        // Jmodprobe.main's own path (command line and environment from /proc, stdio buffering,
        // the system's syslog sink), its output to /dev/null.
        try (OutputStream nul = new FileOutputStream("/dev/null")) {
            Jmodprobe.start(commands[0], nul, nul, Jmodprobe.stdoutIsTerminal());
            Jmodprobe.start(new String[] {"-V"}, nul, nul, false);
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, false, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(sink, true, StandardCharsets.ISO_8859_1);
        for (String[] command : commands) {
            Jmodprobe.run("jmodprobe", command, out, err, Map.of(), CoreRunner.system(),
                    SyslogSink.DISCARD);
            sink.reset();
        }
        // Loads for real, with a kernel that refuses every call: the loading code, never the
        // system calls.
        CoreRunner refused = new CoreRunner(new RefusingKernel(), CommandRunner.SHELL,
                Path.of("").toAbsolutePath(), Path.of("/"));
        for (String[] command : new String[][] {
            {"-C", c, "-d", d, "-S", RELEASE, "-v", "training-alias"},
            {"-C", c, "-d", d, "-S", RELEASE, "-r", "m_top"},
        }) {
            Jmodprobe.run("jmodprobe", command, out, err, Map.of(), refused, SyslogSink.DISCARD);
            sink.reset();
        }
        io.github.jkmod.cli.common.ToolRun tools = new io.github.jkmod.cli.common.ToolRun(out, err, Map.of(),
                root, SyslogSink.DISCARD);
        for (String[] command : new String[][] {{"lsmod"}, {"lsmod", "-V"}, {"kmod", "list"}, {"kmod", "-h"},
            {"depmod", "-n", "-C", c, "-b", d, RELEASE}}) {
            io.github.jkmod.cli.multicall.Jkmod.run(command[0], List.of(command).subList(1, command.length), tools);
            sink.reset();
        }
        if (!Boolean.getBoolean("jkmod.training.nojna")) {
            jna(scratch);
        }
    }

    /**
     * Loads JNA and libc as the first module load does, and makes calls through them that cannot
     * change anything: a load of a file that does not exist (it fails at {@code open}, before any
     * module system call) and {@code delete_module} of a name no module can have (the kernel
     * answers EPERM without the capability, else ENOENT). Skipped quietly where JNA cannot load.
     */
    private static void jna(Path scratch) {
        // Through KernelCalls.system(), as jmodprobe goes: its holder class is archived too.
        KernelCalls kernel = KernelCalls.system();
        try {
            kernel.finitModule("jkmod_cds_training", scratch.resolve("no-such-module.ko"), "", 0);
        } catch (KmodException | LinkageError e) {
            // Expected (no such file); or JNA is unavailable here: its classes stay out.
        }
        try {
            kernel.deleteModule("jkmod cds training: no such module", 0);
        } catch (KmodException | LinkageError e) {
            // Expected.
        }
        try {
            // Loaded only after a call that succeeds (the real open of a module file).
            Class.forName("com.sun.jna.Function$PostCallRead", false, CdsTraining.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // JNA unavailable.
        }
    }

    /** Fails every call with ENOSYS, as a kernel without module support would. */
    private static final class RefusingKernel implements KernelCalls {
        @Override
        public void finitModule(String module, Path file, String params, int flags)
                throws KmodException {
            throw new KernelCallException("finit_module", module, Errno.ENOSYS);
        }

        @Override
        public void initModule(String module, byte[] image, String params) throws KmodException {
            throw new KernelCallException("init_module", module, Errno.ENOSYS);
        }

        @Override
        public void deleteModule(String module, int flags) throws KmodException {
            throw new KernelCallException("delete_module", module, Errno.ENOSYS);
        }
    }

    /** A tree of five modules: m_top needs m_mid needs m_leaf; m_soft and m_black stand alone. */
    private static void writeTree(Path dir) throws IOException, KmodException {
        Files.createDirectories(dir.resolve("kernel/training"));
        IndexWriter dep = new IndexWriter();
        String[][] deps = {
            {"m_top", "kernel/training/m_top.ko: kernel/training/m_mid.ko kernel/training/m_leaf.ko"},
            {"m_mid", "kernel/training/m_mid.ko: kernel/training/m_leaf.ko"},
            {"m_leaf", "kernel/training/m_leaf.ko:"},
            {"m_soft", "kernel/training/m_soft.ko:"},
            {"m_black", "kernel/training/m_black.ko:"},
            {"m_install", "kernel/training/m_install.ko:"},
        };
        int order = 0;
        for (String[] d : deps) {
            dep.add(d[0], d[1], order++);
            Files.write(dir.resolve("kernel/training/" + d[0] + ".ko"), new byte[0]);
        }
        dep.write(dir.resolve("modules.dep.bin"), IndexWriter.Layout.PRE_ORDER);
        IndexWriter alias = new IndexWriter();
        alias.add("pci:v00001234d00005678sv*sd*bc02sc*i*", "m_leaf", 0);
        alias.add("net_pf_99", "m_black", 1);
        alias.write(dir.resolve("modules.alias.bin"), IndexWriter.Layout.PRE_ORDER);
        IndexWriter symbols = new IndexWriter();
        symbols.add("symbol:m_leaf_export", "m_leaf", 0);
        symbols.write(dir.resolve("modules.symbols.bin"), IndexWriter.Layout.PRE_ORDER);
        IndexWriter builtin = new IndexWriter();
        builtin.add("m_builtin", "", 0);
        builtin.write(dir.resolve("modules.builtin.bin"), IndexWriter.Layout.PRE_ORDER);
        IndexWriter builtinAlias = new IndexWriter();
        builtinAlias.add("fs-m_builtin", "m_builtin", 0);
        builtinAlias.write(dir.resolve("modules.builtin.alias.bin"), IndexWriter.Layout.PRE_ORDER);
        Files.writeString(dir.resolve("modules.softdep"), "softdep m_mid pre: m_soft\n",
                StandardCharsets.ISO_8859_1);
    }
}
