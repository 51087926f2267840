package io.github.jkmod.core.bench;

import io.github.jkmod.core.BenchKeys;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbePlan;
import io.github.jkmod.core.config.ConfigLoader;
import io.github.jkmod.core.config.ModprobeConfig;
import io.github.jkmod.index.BinaryIndex;
import io.github.jkmod.index.IndexValue;
import io.github.jkmod.index.ModuleIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The parts of the resolve-all work on the real Debian tree ({@code -Djkmod.realtree}, default
 * /var/tmp/jkmod-realtree): opening a context and an index, the first search of a fresh index (its
 * soundness check included), exact lookups in modules.dep.bin, wildcard searches in
 * modules.alias.bin, parsing a configuration, planning, and one key looked up and planned as
 * {@code --show-depends} does. Keys cycle through the resolve-all keys (module names, then one
 * string per alias pattern). Run with {@code kmod-core/src/bench/jmh.sh [JMH options] [regexp]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CoreBenchmark {

    private Path moduleDir;
    private Path moduleRoot;
    private String release;
    private Path configDir;
    private List<String> names;
    private List<String> aliasKeys;
    private KmodContext ctx;
    private ModuleIndex dep;
    private ModuleIndex alias;
    private List<KernelModule> targets;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path tree = Path.of(System.getProperty("jkmod.realtree", "/var/tmp/jkmod-realtree"));
        release = Files.readString(tree.resolve("release")).trim();
        moduleRoot = tree.resolve("root");
        moduleDir = moduleRoot.resolve("lib/modules").resolve(release);
        List<String> keys = BenchKeys.keys(moduleDir);
        int moduleCount = (int) Files.readAllLines(moduleDir.resolve("modules.dep")).stream()
                .filter(l -> l.indexOf(':') > 0).count();
        names = keys.subList(0, moduleCount);
        aliasKeys = keys.subList(moduleCount, keys.size());
        configDir = Files.createTempDirectory("jkmod-bench");
        Files.writeString(configDir.resolve("bench.conf"), String.join("\n",
                "alias myalias ext4", "alias fs-my* btrfs", "options ext4 foo=1 bar=\"a b\"",
                "blacklist pcspkr", "install fakemod /bin/true", "softdep ext4 pre: crc16 post: btrfs",
                "softdep jbd* pre: crc-16", ""));
        ctx = open();
        dep = ctx.moduleDirectory().dep().orElseThrow();
        alias = ctx.moduleDirectory().alias().orElseThrow();
        targets = new ArrayList<>();
        for (String key : keys) {
            targets.addAll(ctx.lookup(key));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        Files.deleteIfExists(configDir.resolve("bench.conf"));
        Files.deleteIfExists(configDir);
    }

    private KmodContext open() throws Exception {
        return KmodContext.builder().moduleRoot(moduleRoot).release(release)
                .configPaths(List.of(Path.of("/dev/null"))).build();
    }

    private int next(int size) {
        next = next + 1 < size ? next + 1 : 0;
        return next % size;
    }

    /** A context: the configuration (modules.softdep and the kernel command line) read, nothing mapped. */
    @Benchmark
    public KmodContext openContext() throws Exception {
        return open();
    }

    /** Mapping modules.alias.bin (1.26 MB) and checking its header. */
    @Benchmark
    public BinaryIndex openAliasIndex() throws Exception {
        return BinaryIndex.open(moduleDir.resolve("modules.alias.bin"));
    }

    /** A fresh modules.alias.bin and its first search: the one-time soundness check is in it. */
    @Benchmark
    public List<IndexValue> firstSearch() throws Exception {
        return BinaryIndex.open(moduleDir.resolve("modules.alias.bin"))
                .search("pci:v00008086d00001502sv00000000sd00000000bc02sc00i00");
    }

    /** One exact lookup in modules.dep.bin, cycling through every module name. */
    @Benchmark
    public Optional<String> lookupExact() throws Exception {
        return dep.lookup(names.get(next(names.size())));
    }

    /** One wildcard search in modules.alias.bin, cycling through one string per alias pattern. */
    @Benchmark
    public List<IndexValue> searchWildcard() throws Exception {
        return alias.search(aliasKeys.get(next(aliasKeys.size())));
    }

    /** Parsing a small configuration directory, modules.softdep and the kernel command line. */
    @Benchmark
    public ModprobeConfig parseConfig() {
        return ConfigLoader.load(Path.of("/"), List.of(configDir), moduleDir, Path.of("/proc/cmdline"));
    }

    /** Planning one module found by a key, as --show-depends does (plan templates warm). */
    @Benchmark
    public ProbePlan plan() throws Exception {
        return ctx.planInsert(targets.get(next(targets.size())), ProbeFlags.SHOW_DEPENDS);
    }

    /** One key of resolve-all: looked up, each module planned, the printed lines counted. */
    @Benchmark
    public long resolveKey() throws Exception {
        int i = next(names.size() + aliasKeys.size());
        String key = i < names.size() ? names.get(i) : aliasKeys.get(i - names.size());
        return ResolveAll.pass(ctx, List.of(key));
    }
}
