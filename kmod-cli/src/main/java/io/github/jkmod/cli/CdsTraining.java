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
 * fake kernel that takes or refuses them without a system call ({@link TrainingKernel}), the one
 * real call cannot succeed ({@link #jna}), and the running kernel is otherwise only read (its
 * {@code /sys/module} and {@code /proc/modules}). With {@code --prepare} and the launcher's
 * {@code -Djkmod.jnidispatch}, the preparing JVM also keeps JNA's library in the cache directory.
 *
 * <p>Usage: {@code java -cp jmodprobe io.github.jkmod.cli.CdsTraining [--prepare | --tool GROUP]
 * SCRATCH_DIR}. With {@code --prepare} it only writes the tree and configuration; without, it
 * writes them when they are not there yet, then trains. The launcher prepares in a JVM of its own,
 * so that the classes that only write the tree (the index writer above all) stay out of the
 * archive: an AOT cache loads every class it holds at start. For the same reason the launcher
 * keeps one AOT cache per group of tools ({@link Group}), each trained on its own commands only:
 * {@code modprobe}'s cache then holds no class of lsmod, depmod or the graph (about 1,000 classes
 * instead of 1,660, some 4 ms less of every start on JDK 25).
 */
final class CdsTraining {
    private static final String RELEASE = "0.0.0-jkmod-training";

    private CdsTraining() {
    }

    /** Runs the training in the scratch directory (created if needed); exits 0, or 1 on failure. */
    public static void main(String[] args) throws IOException, KmodException {
        boolean prepareOnly = args.length == 2 && args[0].equals("--prepare");
        Group group = args.length == 3 && args[0].equals("--tool") ? Group.of(args[1]) : Group.ALL;
        if (args.length != 1 && !prepareOnly && (args.length != 3 || group == null)) {
            System.err.println("usage: CdsTraining [--prepare | --tool modprobe|query|lsmod|kmod|depmod|all] SCRATCH_DIR");
            System.exit(2);
        }
        Path scratch = Path.of(args[args.length - 1]).toAbsolutePath();
        Path root = scratch.resolve("root");
        Path conf = scratch.resolve("modprobe.d");
        if (prepareOnly || !Files.isDirectory(conf)) {
            prepare(root, conf);
        }
        if (prepareOnly && System.getProperty("jkmod.jnidispatch") != null
                && !Boolean.getBoolean("jkmod.training.nojna")) {
            // JNA's library kept where the launcher points every run (see the launcher)
            jna(scratch);
        }
        if (!prepareOnly) {
            train(scratch, root, conf, group);
        }
    }

    /**
     * The groups of tools the launcher keeps an AOT cache for (its {@code tg}): the tools the
     * kernel or scripts start most often, each alone, and all the others together.
     */
    enum Group {
        /**
         * modprobe, by any name that is not another tool's (jmodprobe included), when it may ask
         * something of the kernel: loads and removals, through JNA.
         */
        MODPROBE,
        /** modprobe's queries, which never call the kernel: -D, -n, -c, -R, -V, -h. */
        QUERY,
        /** lsmod. */
        LSMOD,
        /** kmod (list, static-nodes, help). */
        KMOD,
        /** depmod. */
        DEPMOD,
        /** Every tool: the packaged archive, and the cache of modinfo, insmod, rmmod, graph, devices. */
        ALL;

        /** The group of this name ({@code modprobe}, ...), or null. */
        static Group of(String name) {
            for (Group g : values()) {
                if (g.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
                    return g;
                }
            }
            return null;
        }

        boolean trains(Group tool) {
            return this == ALL || this == tool || (this == QUERY && tool == MODPROBE);
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
                ""), StandardCharsets.ISO_8859_1);
        // A line modprobe warns about, apart: a warning starts the JDK's logging (some 200
        // classes), which modprobe's own cache should not hold for systems whose files are clean.
        Files.writeString(conf.resolveSibling("bad.conf"), "unknown-command here\n", StandardCharsets.ISO_8859_1);
    }

    private static void train(Path scratch, Path root, Path conf, Group group) throws IOException {
        String d = root.toString();
        String c = conf.toString();
        // What the kernel and scripts run most: modprobe's own cache holds these only (an AOT cache
        // loads all its classes at every start); the others are in the cache of every tool.
        List<String[]> commands = new java.util.ArrayList<>(List.of(new String[][] {
            {"-C", c, "-d", d, "-S", RELEASE, "--show-depends", "m_top"},
            {"-C", "/dev/null", "-d", d, "-S", RELEASE, "--show-depends", "training-alias"},
            {"-C", c, "-d", d, "-S", RELEASE, "-n", "-v", "training-alias", "extra=1"},
            {"-C", c, "-d", d, "-S", RELEASE, "-q", "--", "no-such-module"},
            {"-d", d, "-S", RELEASE, "--show-depends", "m_builtin"},
            {"-V"},
        }));
        if (group == Group.ALL) {
            commands.addAll(List.of(new String[][] {
                {"-C", c, "-d", d, "-S", RELEASE, "-n", "-a", "-b", "m_leaf", "m_black", "net-pf-99"},
                {"-C", c, "-d", d, "-S", RELEASE, "-n", "-i", "m_install"},
                {"-C", c, "-d", d, "-S", RELEASE, "-R", "pci:v00001234d00005678sv0sd0bc02sc00i00"},
                {"-C", c, "-d", d, "-S", RELEASE, "-n", "-r", "m_top"},
                {"-C", c, "-d", d, "-S", RELEASE, "-c"},
                {"-C", conf.resolveSibling("bad.conf").toString(), "-d", d, "-S", RELEASE, "--show-depends", "m_top"},
                {"--help"},
                {"--no-such-option"},
            }));
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, false, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(sink, true, StandardCharsets.ISO_8859_1);
        if (group.trains(Group.MODPROBE)) {
            modprobe(scratch, c, d, commands, group, sink, out, err);
        }
        if (group != Group.MODPROBE && group != Group.QUERY) {
            // Jkmod.main's path for the other tools: raw arguments and environment, the streams
            // on the real descriptors' kind of file, the system's syslog sink.
            try (OutputStream nul = new FileOutputStream("/dev/null")) {
                PrintStream buffered = new PrintStream(new java.io.BufferedOutputStream(nul, 8192), false,
                        StandardCharsets.ISO_8859_1);
                SyslogSink syslog = ToolAccess.systemSyslog("lsmod");
                io.github.jkmod.cli.common.ToolRun run = new io.github.jkmod.cli.common.ToolRun(buffered, buffered,
                        ToolAccess.rawEnvironment(System.getenv()), root, syslog);
                io.github.jkmod.cli.multicall.Jkmod.run("lsmod", List.of(ToolAccess.rawArguments(new String[0])), run);
                buffered.flush();
                ToolAccess.close(syslog);
            }
        }
        io.github.jkmod.cli.common.ToolRun tools = new io.github.jkmod.cli.common.ToolRun(out, err, Map.of(),
                root, SyslogSink.DISCARD);
        String[][] others = {{"lsmod"}, {"lsmod", "-V"}, {"kmod", "list"}, {"kmod", "-h"},
            {"depmod", "-n", "-C", c, "-b", d, RELEASE}};
        for (String[] command : others) {
            Group tool = Group.of(command[0]);
            if (group.trains(tool)) {
                io.github.jkmod.cli.multicall.Jkmod.run(command[0], List.of(command).subList(1, command.length),
                        tools);
                sink.reset();
            }
        }
    }

    /** modprobe's commands, then loads through JNA that cannot succeed. */
    private static void modprobe(Path scratch, String c, String d, List<String[]> commands, Group group,
            ByteArrayOutputStream sink, PrintStream out, PrintStream err) throws IOException {
        // Jkmod.main's choice of tool, then Jmodprobe.main's own path (command line and
        // environment from /proc, stdio buffering, the system's syslog sink), its output to
        // /dev/null.
        io.github.jkmod.cli.multicall.Jkmod.toolFor(Jmodprobe.DEFAULT_NAME);
        try (OutputStream nul = new FileOutputStream("/dev/null")) {
            Jmodprobe.start(commands.get(0), nul, nul, Jmodprobe.stdoutIsTerminal());
            Jmodprobe.start(new String[] {"-V"}, nul, nul, false);
        }
        for (String[] command : commands) {
            Jmodprobe.run("jmodprobe", command, out, err, Map.of(), CoreRunner.system(),
                    SyslogSink.DISCARD);
            sink.reset();
        }
        if (group == Group.QUERY) {
            return;
        }
        // Loads for real, with a kernel that takes every call and does nothing (the usual path:
        // finit_module succeeds), then, for the cache of all tools, with one that refuses every
        // call (the fallback to init_module, the error messages): the loading code, never the
        // system calls.
        List<KernelCalls> kernels = new java.util.ArrayList<>(List.of(new TrainingKernel(0)));
        if (group == Group.ALL) {
            kernels.add(new TrainingKernel(Errno.ENOSYS));
        }
        for (KernelCalls kernel : kernels) {
            CoreRunner runner = new CoreRunner(kernel, CommandRunner.SHELL, Path.of("").toAbsolutePath(),
                    Path.of("/"));
            for (String[] command : new String[][] {
                {"-C", c, "-d", d, "-S", RELEASE, "-q", "--", "training-alias"},
                {"-C", c, "-d", d, "-S", RELEASE, "-v", "training-alias"},
                {"-C", c, "-d", d, "-S", RELEASE, "-r", "m_top"},
            }) {
                Jmodprobe.run("jmodprobe", command, out, err, Map.of(), runner, SyslogSink.DISCARD);
                sink.reset();
            }
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

    /**
     * A kernel that makes no system call: it takes every call and does nothing ({@code refusal}
     * 0), or fails every call with the errno {@code refusal} (ENOSYS: as a kernel without module
     * support).
     */
    private static final class TrainingKernel implements KernelCalls {
        private final int refusal;

        TrainingKernel(int refusal) {
            this.refusal = refusal;
        }

        private void call(String name, String module) throws KmodException {
            if (refusal != 0) {
                throw new KernelCallException(name, module, refusal);
            }
        }

        @Override
        public void finitModule(String module, Path file, String params, int flags)
                throws KmodException {
            call("finit_module", module);
        }

        @Override
        public void initModule(String module, byte[] image, String params) throws KmodException {
            call("init_module", module);
        }

        @Override
        public void deleteModule(String module, int flags) throws KmodException {
            call("delete_module", module);
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
