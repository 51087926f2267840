package io.github.jkmod.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.testsupport.ConformanceProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.testsupport.FetchedTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graphs of a sample of the real tree's modules (every 37th module of {@code modules.dep}, plus
 * {@code ext4}, {@code nf_tables} and two aliases) checked against the chosen oracle's real tools and
 * files, read here independently of the library: the modules of a load graph are those that the
 * real {@code modprobe --show-depends} lists; the hard edges of each module are its line of the
 * text {@code modules.dep}; its softdep edges are its {@code softdep} line of the real
 * {@code modprobe -c}, each name resolved by the real {@code modprobe -R} (a name that is not the
 * module's is kept on the edge). A reverse graph is every
 * module whose {@code modules.dep} line names the module, and the real {@code --show-depends} of
 * each of those lists the module.
 */
class ModuleGraphConformanceTest {
    private static final int STRIDE = 37;

    @TempDir
    static Path tmp;

    private static FetchedTree tree;
    /** Module name to the names of its modules.dep line. */
    private static final Map<String, TreeSet<String>> DEP = new LinkedHashMap<>();
    private static final Map<List<String>, TreeSet<String>> RESOLVED = new HashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        tree = FetchedTree.require();
        RealModprobe.require();
        for (String line : Files.readAllLines(tree.moduleDir().resolve("modules.dep"), StandardCharsets.UTF_8)) {
            int colon = line.indexOf(':');
            TreeSet<String> deps = new TreeSet<>();
            for (String word : line.substring(colon + 1).trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    deps.add(FetchedTree.moduleName(word));
                }
            }
            DEP.put(FetchedTree.moduleName(line.substring(0, colon)), deps);
        }
    }

    /** A planner on the tree with {@code config}, nothing loaded (an empty sysfs). */
    private static GraphPlanner planner(Path config) throws Exception {
        KmodContext ctx = ConformanceProfile.apply(KmodContext.builder()).moduleRoot(tree.root())
                .release(tree.release()).configPaths(List.of(config)).logWarnings(false).build();
        return new GraphPlanner(ctx, KernelState.ofRoot(tmp));
    }

    /**
     * Module name to {pre names, post names, weakdep names} of its first softdep line and its first
     * weakdep line in the real {@code modprobe -c} (kmod 30 prints no weakdep: it ignores the lines).
     */
    private static Map<String, List<List<String>>> softdeps(Path config) {
        Map<String, List<List<String>>> softdeps = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        RealModprobe.Outcome shown = RealModprobe.run(args(config, "-c"));
        assertEquals(0, shown.status(), shown.stderr());
        for (String line : shown.stdout().split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 2 || !(words[0].equals("softdep") || words[0].equals("weakdep"))
                    || !seen.add(words[0] + " " + words[1])) {
                continue;
            }
            List<List<String>> lists = softdeps.computeIfAbsent(words[1],
                    k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            List<String> mode = words[0].equals("weakdep") ? lists.get(2) : null;
            for (int i = 2; i < words.length; i++) {
                if (words[i].equals("pre:") && mode != lists.get(2)) {
                    mode = lists.get(0);
                } else if (words[i].endsWith("post:") && mode != lists.get(2)) {
                    // modprobe -c writes no space before "post:" (both kmod 30 and 34): "softdep m pre: apost: b"
                    String glued = words[i].substring(0, words[i].length() - "post:".length());
                    if (!glued.isEmpty() && mode != null) {
                        mode.add(glued);
                    }
                    mode = lists.get(1);
                } else if (mode != null) {
                    mode.add(words[i]);
                }
            }
        }
        return softdeps;
    }

    private static List<String> args(Path config, String... more) {
        List<String> a = new ArrayList<>(List.of("-C", config.toString(), "-d", tree.root().toString(),
                "-S", tree.release()));
        a.addAll(List.of(more));
        return a;
    }

    /** What the real {@code modprobe -R NAME} resolves a name to; the name itself when nothing. */
    private static TreeSet<String> resolve(Path config, String name) {
        return RESOLVED.computeIfAbsent(List.of(config.toString(), name), k -> {
            String n = name;
            RealModprobe.Outcome r = RealModprobe.run(args(config, "-R", "--", n));
            TreeSet<String> out = new TreeSet<>();
            for (String line : r.stdout().split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.trim());
                }
            }
            if (out.isEmpty()) {
                out.add(n);
            }
            return out;
        });
    }

    /** The modules of the real {@code --show-depends NAME}. */
    private static TreeSet<String> showDepends(Path config, String name) {
        RealModprobe.Outcome r = RealModprobe.run(args(config, "--show-depends", "--", name));
        assertEquals(0, r.status(), name + ": " + r.stderr());
        TreeSet<String> out = new TreeSet<>();
        for (String line : r.stdout().split("\n")) {
            String[] words = line.split(" ");
            if (words[0].equals("insmod")) {
                out.add(FetchedTree.moduleName(words[1]));
            } else if (words[0].equals("builtin")) {
                out.add(words[1]);
            }
        }
        return out;
    }

    private static List<String> sample() {
        List<String> names = new ArrayList<>();
        int i = 0;
        for (String m : DEP.keySet()) {
            if (i++ % STRIDE == 0) {
                names.add(m);
            }
        }
        names.addAll(List.of("ext4", "nf_tables", "fs-ext4", "crypto-crc32c"));
        return names;
    }

    @Test
    void loadGraphsHaveTheModulesAndEdgesOfTheRealTools() throws Exception {
        check(Path.of("/dev/null"), sample());
    }

    /**
     * A configuration of softdeps pre and post on one line, through aliases, to a name nothing
     * answers, and in a loop; and a weakdep (kmod 34: edges to modules outside the plan; kmod 30
     * ignores the line).
     */
    @Test
    void softdepsOfTheConfigurationAreEdgesAsModprobeResolvesThem() throws Exception {
        Path config = tmp.resolve("graph-softdeps.conf");
        Files.writeString(config, String.join("\n",
                "alias my-crc crc7",
                "alias softloop_a crc_itu_t",
                "softdep ext4 pre: crc16 my-crc post: btrfs nosuchthing",
                "softdep btrfs pre: softloop_a",
                "softdep crc_itu_t pre: btrfs",
                "softdep mbcache pre: crc32c post: crc7",
                "softdep nf_tables post: nft_chain_nat",
                "weakdep ext4 crc7 my-crc nosuchweak",
                "") , StandardCharsets.US_ASCII);
        check(config, List.of("ext4", "nf_tables", "btrfs", "mbcache", "softloop_a", "my-crc"));
    }

    private static void check(Path config, List<String> sample) throws Exception {
        GraphPlanner planner = planner(config);
        Map<String, List<List<String>>> softdeps = softdeps(config);
        List<String> mismatches = new ArrayList<>();
        int edges = 0;
        for (String name : sample) {
            ModuleGraph g = planner.loadGraph(List.of(name));
            TreeSet<String> planned = new TreeSet<>();
            for (GraphNode n : g.nodes()) {
                if (n.planned() && n.mark() != NodeMark.NOT_FOUND) {
                    planned.add(n.name());
                }
            }
            TreeSet<String> real = showDepends(config, name);
            if (!real.equals(planned)) {
                mismatches.add(name + ": modprobe --show-depends " + real + ", graph " + planned);
            }
            Map<String, TreeMap<EdgeKind, TreeSet<String>>> byNode = new TreeMap<>();
            TreeSet<String> via = new TreeSet<>();
            for (GraphEdge e : g.edges()) {
                byNode.computeIfAbsent(e.from(), k -> new TreeMap<>())
                        .computeIfAbsent(e.kind(), k -> new TreeSet<>()).add(e.to());
                edges++;
                if (planned.contains(e.from())) {
                    e.via().forEach(w -> via.add(e.from() + " " + e.kind() + " " + e.to() + " via " + w));
                }
            }
            TreeSet<String> expectedVia = new TreeSet<>();
            for (String n : planned) {
                TreeMap<EdgeKind, TreeSet<String>> expected = new TreeMap<>();
                if (DEP.containsKey(n) && !DEP.get(n).isEmpty()) {
                    expected.put(EdgeKind.HARD, DEP.get(n));
                }
                List<List<String>> softdep = softdeps.get(n);
                if (softdep != null) {
                    EdgeKind[] kinds = {EdgeKind.SOFTDEP_PRE, EdgeKind.SOFTDEP_POST, EdgeKind.WEAKDEP};
                    for (int k = 0; k < 3; k++) {
                        for (String s : softdep.get(k)) {
                            expected.computeIfAbsent(kinds[k], x -> new TreeSet<>()).addAll(resolve(config, s));
                            for (String target : resolve(config, s)) {
                                if (!target.equals(s)) {
                                    expectedVia.add(n + " " + kinds[k] + " " + target + " via " + s);
                                }
                            }
                        }
                    }
                }
                TreeMap<EdgeKind, TreeSet<String>> actual = byNode.getOrDefault(n, new TreeMap<>());
                if (!expected.equals(actual)) {
                    mismatches.add(name + ", module " + n + ": expected " + expected + ", graph " + actual);
                }
            }
            if (!expectedVia.equals(via)) {
                mismatches.add(name + ": aliases on the edges: expected " + expectedVia + ", graph " + via);
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches: " + mismatches);
        assertTrue(edges > sample.size(), sample.size() + " modules, " + edges + " edges");
    }

    @Test
    void reverseGraphsAreTheModulesWhoseDependenciesNameThem() throws Exception {
        for (String name : List.of("nf_tables", "jbd2", "crc16")) {
            ModuleGraph g = planner(Path.of("/dev/null")).reverseGraph(List.of(name));
            TreeSet<String> expected = new TreeSet<>();
            expected.add(name);
            DEP.forEach((m, deps) -> {
                if (deps.contains(name)) {
                    expected.add(m);
                }
            });
            TreeSet<String> nodes = new TreeSet<>();
            for (GraphNode n : g.nodes()) {
                nodes.add(n.name());
            }
            assertEquals(expected, nodes, name);
            for (GraphEdge e : g.edges()) {
                assertEquals(List.of(EdgeSource.MODULES_DEP), e.sources());
                assertTrue(DEP.get(e.from()).contains(e.to()), e.toString());
            }
            int checked = 0;
            for (String m : expected) {
                if (!m.equals(name) && checked++ < 8) {
                    assertTrue(showDepends(Path.of("/dev/null"), m).contains(name),
                            "modprobe --show-depends " + m + " lacks " + name);
                }
            }
        }
    }
}
