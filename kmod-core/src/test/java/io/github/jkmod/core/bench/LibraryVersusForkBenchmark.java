package io.github.jkmod.core.bench;

import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.Modprobe;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbeStep;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.file.PathUtils;
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
 * What a Java program pays to ask about a module in process, against what it pays today by forking
 * {@code modprobe} and reading its output, on the real Debian tree: {@code --show-depends xfrm_user}
 * both ways (the same lines: checked at set-up), {@code Modprobe.insert} of a module that is loaded
 * already (state checks only, its context's files checked for changes first, against a fake tree
 * where xfrm_user and its dependencies are live), and {@link KmodContext#validateResources()} alone.
 * Run with {@code kmod-core/src/bench/jmh.sh [JMH options] LibraryVersusFork}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LibraryVersusForkBenchmark {
    private static final String MODULE = "xfrm_user";

    private KmodContext ctx;
    private List<String> command;
    private Path fakeRoot;
    private Modprobe loaded;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path tree = Path.of(System.getProperty("jkmod.realtree", "/var/tmp/jkmod-realtree"));
        String release = Files.readString(tree.resolve("release")).trim();
        Path moduleRoot = tree.resolve("root");
        ctx = KmodContext.builder().moduleRoot(moduleRoot).release(release)
                .configPaths(List.of(Path.of("/dev/null"))).build();
        command = List.of(RealModprobe.locate().orElseThrow().toString(), "-C", "/dev/null", "-d",
                moduleRoot.toString(), "-S", release, "--show-depends", MODULE);
        List<String> forked = forkModprobeShowDepends();
        if (!forked.equals(libraryShowDepends())) {
            throw new IllegalStateException("not the same work: " + forked + " / " + libraryShowDepends());
        }
        fakeRoot = Files.createTempDirectory("jkmod-bench-root");
        FakeKernelTree fake = FakeKernelTree.at(fakeRoot);
        for (ProbeStep step : ctx.planInsert(ctx.require(MODULE).get(0), ProbeFlags.SHOW_DEPENDS).steps()) {
            fake.module(step.module().name()).live();
        }
        KmodContext fakeContext = KmodContext.builder().root(fakeRoot).moduleRoot(moduleRoot).release(release)
                .configPaths(List.of(Path.of("/dev/null"))).cmdline(Path.of("/dev/null")).build();
        loaded = Modprobe.of(fakeContext, FakeKernel.on(fake), (c, e) -> {
            throw new IllegalStateException("no command expected");
        });
        if (!ensureLoaded().isEmpty()) {
            throw new IllegalStateException("xfrm_user should be loaded already");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        PathUtils.deleteDirectory(fakeRoot);
    }

    /** {@code --show-depends xfrm_user} in process: looked up, planned, the lines rendered. */
    @Benchmark
    public List<String> libraryShowDepends() throws Exception {
        List<String> lines = new ArrayList<>();
        for (KernelModule m : ctx.require(MODULE)) {
            for (ProbeStep step : ctx.planInsert(m, ProbeFlags.SHOW_DEPENDS).steps()) {
                Optional<String> line = step.showDependsLine();
                line.ifPresent(lines::add);
            }
        }
        return lines;
    }

    /** The same by forking the real modprobe and reading its output, as Java programs do today. */
    @Benchmark
    public List<String> forkModprobeShowDepends() throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("modprobe failed: " + lines);
        }
        return lines;
    }

    /** {@code Modprobe.insert("xfrm_user")} when it and its dependencies are live: nothing to do. */
    @Benchmark
    public List<ProbeStep> ensureLoaded() throws Exception {
        return loaded.insert(MODULE);
    }

    /** The check of the configuration and index files that each Modprobe call starts with. */
    @Benchmark
    public KmodContext.Resources validateResources() {
        return ctx.validateResources();
    }
}
