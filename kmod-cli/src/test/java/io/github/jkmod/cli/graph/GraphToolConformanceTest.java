package io.github.jkmod.cli.graph;

import static io.github.jkmod.testsupport.Prerequisites.require;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.core.graph.GraphvizRenderer;
import io.github.jkmod.core.testsupport.DotReader;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.core.testsupport.SvgReader;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Oracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jkmod graph NAME} on the chosen oracle's real tree: the modules of the graph that are not
 * weakdeps or names nothing answers are those of the real {@code modprobe --show-depends NAME}
 * (module files and builtins), in DOT and in the SVG of the real {@code dot}; the graph's hard
 * edges from the module are its line of {@code modules.dep}.
 */
class GraphToolConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "nf_tables", "fs-ext4", "xfs", "snd-hda-intel", "e1000e", "btrfs"})
    void theGraphHasTheModulesOfShowDepends(String name) throws Exception {
        FetchedTree tree = FetchedTree.require();
        RealModprobe.require();
        List<String> common = List.of("-C", "/dev/null", "-d", tree.root().toString(), "-S", tree.release());
        List<String> real = new ArrayList<>(common);
        real.addAll(List.of("--show-depends", name));
        RealModprobe.Outcome r = RealModprobe.run(real);
        assertEquals(0, r.status(), r.stderr());
        TreeSet<String> expected = new TreeSet<>();
        for (String line : r.stdout().split("\n")) {
            String[] words = line.split(" ");
            expected.add(words[0].equals("builtin") ? words[1] : FetchedTree.moduleName(words[1]));
        }
        List<String> args = new ArrayList<>(List.of("graph"));
        args.addAll(common);
        args.add(name);
        Map<String, String> env = Oracle.current().withProfile(
                Map.of("PATH", System.getenv().getOrDefault("PATH", "")));
        ToolHarness.Outcome o = ToolHarness.jkmod(Path.of("/"), env, "jkmod", args);
        assertEquals(0, o.status(), o.stderr());
        TreeSet<String> nodes = new TreeSet<>();
        for (DotReader.Node n : DotReader.read(o.stdout()).nodes()) {
            if (!n.attributes().get("label").endsWith("\\nnot found")) {
                nodes.add(n.id());
            }
        }
        assertEquals(expected, nodes, name);
        require(GraphvizRenderer.find(System.getenv()).isPresent(), "Graphviz's dot (apt-get install graphviz)");
        args.add(1, "--format=svg");
        ToolHarness.Outcome svg = ToolHarness.jkmod(Path.of("/"), env, "jkmod", args);
        assertEquals(0, svg.status(), svg.stderr());
        SvgReader.Svg read = SvgReader.read(svg.stdout().getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(DotReader.read(o.stdout()).nodes().size(), read.nodes().size());
        assertEquals(DotReader.read(o.stdout()).edges().size(), read.edges().size());
        String module = nodes.contains(name.replace('-', '_')) ? name.replace('-', '_') : null;
        if (module != null) {
            TreeSet<String> deps = new TreeSet<>();
            for (String line : Files.readAllLines(tree.moduleDir().resolve("modules.dep"), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (FetchedTree.moduleName(line.substring(0, colon)).equals(module)) {
                    for (String w : line.substring(colon + 1).trim().split("\\s+")) {
                        if (!w.isEmpty()) {
                            deps.add(FetchedTree.moduleName(w));
                        }
                    }
                }
            }
            TreeSet<String> hard = new TreeSet<>();
            for (DotReader.Edge e : DotReader.read(o.stdout()).edges()) {
                if (e.from().equals(module) && !e.attributes().containsKey("style")
                        && !e.attributes().containsKey("color")) {
                    hard.add(e.to());
                }
            }
            assertEquals(deps, hard, module);
        }
    }
}
