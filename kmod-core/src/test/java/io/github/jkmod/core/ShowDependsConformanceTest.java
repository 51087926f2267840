package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.github.jkmod.testsupport.Prerequisites.require;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.testsupport.ConformanceConfig;
import io.github.jkmod.core.testsupport.ConformanceProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library's load plans rendered as {@code modprobe --show-depends} prints them, compared
 * byte for byte with the real modprobe on the real Debian tree of the chosen oracle ({@code jkmod.oracle}), for every module name and one
 * concrete string per alias pattern, with no configuration and with a configuration that uses
 * every command.
 */
class ShowDependsConformanceTest {

    private static final int BATCH = 400;

    @TempDir
    static Path tmp;

    private static Path tree;
    private static String release;
    private static List<String> keys;

    @BeforeAll
    static void setUp() throws IOException {
        FetchedTree fetched = FetchedTree.require();
        RealModprobe.require();
        tree = fetched.dir();
        release = fetched.release();
        // The keys of the uncompressed tree, for both trees: modules the compressed tree's depmod
        // could not index must be "not found" for both tools alike.
        keys = BenchKeys.keys(tree.resolve("root/lib/modules").resolve(release));
    }

    /**
     * The trees and configurations: the tree as shipped ({@code root}) with each configuration;
     * under kmod 30 also {@code compressed-root}, the Debian 12 modules compressed (xz, zstd, gzip by
     * turns) by {@code .ci/fetch-real-tree} and re-indexed by depmod (the Debian 13 tree of kmod 34
     * is compressed as shipped, {@code .ko.xz}).
     */
    static Stream<Arguments> treesAndVariants() {
        List<Arguments> out = new ArrayList<>(List.of(Arguments.of("root", "none"),
                Arguments.of("root", "every-command"), Arguments.of("root", "every-command-b")));
        if (Oracle.current() == Oracle.KMOD30) {
            out.add(Arguments.of("compressed-root", "none"));
            out.add(Arguments.of("compressed-root", "every-command"));
        }
        return out.stream();
    }

    /**
     * @param treeName {@code root}: the Debian package as shipped; {@code compressed-root}: the same
     *     modules compressed (xz, zstd, gzip by turns) and re-indexed by depmod
     * @param variant the configuration
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("treesAndVariants")
    void everyKeyPlansLikeModprobe(String treeName, String variant) throws Exception {
        Path root = tree.resolve(treeName);
        require(Files.isDirectory(root.resolve("lib/modules").resolve(release)),
                treeName + " not made (" + Oracle.current().fetchScript() + ")");
        Path config = variant.equals("none") ? Path.of("/dev/null") : ConformanceConfig.showDepends(tmp);
        boolean useBlacklist = variant.endsWith("-b");
        List<String> keysForRun = new ArrayList<>(keys);
        if (!variant.equals("none")) {
            keysForRun.addAll(ConformanceConfig.SHOW_DEPENDS_KEYS);
        }
        KmodContext ctx = ConformanceProfile.apply(KmodContext.builder())
                .moduleRoot(root)
                .release(release)
                .configPaths(List.of(config))
                .build();
        ProbeFlags flags = new ProbeFlags(true, false,
                useBlacklist ? ProbeFlags.BlacklistMode.ALL : ProbeFlags.BlacklistMode.ALIAS_ONLY,
                false, true);
        String dir = ctx.moduleDirectory().path().toString();
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int from = 0; from < keysForRun.size() && mismatches.size() < 10; from += BATCH) {
            List<String> batch = keysForRun.subList(from, Math.min(from + BATCH, keysForRun.size()));
            List<String> args = new ArrayList<>(List.of("-C", config.toString(), "-d",
                    root.toString(), "-S", release, "-D", "-a"));
            if (useBlacklist) {
                args.add("-b");
            }
            args.add("--");
            args.addAll(batch);
            RealModprobe.Outcome real = RealModprobe.run(args);
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            for (String key : batch) {
                render(ctx, flags, key, dir, out, err);
            }
            compared += batch.size();
            if (!real.stdout().equals(out.toString()) || !real.stderr().equals(err.toString())) {
                for (String key : batch) {
                    List<String> one = new ArrayList<>(args.subList(0, args.size() - batch.size()));
                    one.add(key);
                    RealModprobe.Outcome r = RealModprobe.run(one);
                    StringBuilder o = new StringBuilder();
                    StringBuilder e = new StringBuilder();
                    render(ctx, flags, key, dir, o, e);
                    if (!r.stdout().equals(o.toString()) || !r.stderr().equals(e.toString())) {
                        mismatches.add("key '" + key + "':\n--- modprobe\n" + r.stdout() + r.stderr()
                                + "--- jkmod\n" + o + e);
                    }
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, first: "
                + String.join("\n", mismatches.subList(0, Math.min(3, mismatches.size()))));
        assertEquals(keysForRun.size(), compared);
    }

    private static void render(KmodContext ctx, ProbeFlags flags, String key, String dir,
            StringBuilder out, StringBuilder err) throws KmodException {
        List<KernelModule> modules = ctx.lookup(key);
        if (modules.isEmpty()) {
            err.append("modprobe: WARNING: Module ").append(key)
                    .append(" not found in directory ").append(dir).append('\n');
            return;
        }
        for (KernelModule m : modules) {
            ProbePlan plan = ctx.planInsert(m, flags);
            for (ProbeStep step : plan.steps()) {
                step.showDependsLine().ifPresent(l -> out.append(l).append('\n'));
            }
        }
    }
}
