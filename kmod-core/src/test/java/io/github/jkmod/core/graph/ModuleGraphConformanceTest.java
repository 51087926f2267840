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
 * {@code modprobe -c}, each name resolved by the real {@code modprobe -R}. A reverse graph is every
 * module whose {@code modules.dep} line names the module, and the real {@code --show-depends} of
 * each of those lists the module.
 */
class ModuleGraphConformanceTest {
    private static final int STRIDE = 37;

    @TempDir
    static Path tmp;

    private static FetchedTree tree;
    private static KmodContext ctx;
    private static GraphPlanner planner;
    /** Module name to the names of its modules.dep line. */
    private static final Map<String, TreeSet<String>> DEP = new LinkedHashMap<>();
    /** Module name to {pre names, post names} of its first softdep line in {@code modprobe -c}. */
    private static final Map<String, List<List<String>>> SOFTDEP = new HashMap<>();
    private static final Map<String, TreeSet<String>> RESOLVED = new HashMap<>();

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
        RealModprobe.Outcome config = RealModprobe.run(args("-c"));
        assertEquals(0, config.status(), config.stderr());
        for (String line : config.stdout().split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 2 || !words[0].equals("softdep") || SOFTDEP.containsKey(words[1])) {
                continue;
            }
            List<String> pre = new ArrayList<>();
            List<String> post = new ArrayList<>();
            List<String> mode = null;
            for (int i = 2; i < words.length; i++) {
                if (words[i].equals("pre:")) {
                    mode = pre;
                } else if (words[i].equals("post:")) {
                    mode = post;
                } else if (mode != null) {
                    mode.add(words[i]);
                }
            }
            SOFTDEP.put(words[1], List.of(pre, post));
        }
        ctx = ConformanceProfile.apply(KmodContext.builder()).moduleRoot(tree.root()).release(tree.release())
                .configPaths(List.of(Path.of("/dev/null"))).logWarnings(false).build();
        // nothing loaded: an empty sysfs
        planner = new GraphPlanner(ctx, KernelState.ofRoot(tmp));
    }

    private static List<String> args(String... more) {
        List<String> a = new ArrayList<>(List.of("-C", "/dev/null", "-d", tree.root().toString(), "-S", tree.release()));
        a.addAll(List.of(more));
        return a;
    }

    /** What the real {@code modprobe -R NAME} resolves a name to; the name itself when nothing. */
    private static TreeSet<String> resolve(String name) {
        return RESOLVED.computeIfAbsent(name, n -> {
            RealModprobe.Outcome r = RealModprobe.run(args("-R", "--", n));
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
    private static TreeSet<String> showDepends(String name) {
        RealModprobe.Outcome r = RealModprobe.run(args("--show-depends", "--", name));
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
        List<String> mismatches = new ArrayList<>();
        int edges = 0;
        List<String> sample = sample();
        for (String name : sample) {
            ModuleGraph g = planner.loadGraph(List.of(name));
            TreeSet<String> planned = new TreeSet<>();
            for (GraphNode n : g.nodes()) {
                if (n.planned() && n.mark() != NodeMark.NOT_FOUND) {
                    planned.add(n.name());
                }
            }
            TreeSet<String> real = showDepends(name);
            if (!real.equals(planned)) {
                mismatches.add(name + ": modprobe --show-depends " + real + ", graph " + planned);
            }
            Map<String, TreeMap<EdgeKind, TreeSet<String>>> byNode = new TreeMap<>();
            for (GraphEdge e : g.edges()) {
                byNode.computeIfAbsent(e.from(), k -> new TreeMap<>())
                        .computeIfAbsent(e.kind(), k -> new TreeSet<>()).add(e.to());
                edges++;
            }
            for (String n : planned) {
                TreeMap<EdgeKind, TreeSet<String>> expected = new TreeMap<>();
                if (DEP.containsKey(n) && !DEP.get(n).isEmpty()) {
                    expected.put(EdgeKind.HARD, DEP.get(n));
                }
                List<List<String>> softdep = SOFTDEP.get(n);
                if (softdep != null) {
                    EdgeKind[] kinds = {EdgeKind.SOFTDEP_PRE, EdgeKind.SOFTDEP_POST};
                    for (int k = 0; k < 2; k++) {
                        for (String s : softdep.get(k)) {
                            expected.computeIfAbsent(kinds[k], x -> new TreeSet<>()).addAll(resolve(s));
                        }
                    }
                }
                TreeMap<EdgeKind, TreeSet<String>> actual = byNode.getOrDefault(n, new TreeMap<>());
                if (!expected.equals(actual)) {
                    mismatches.add(name + ", module " + n + ": expected " + expected + ", graph " + actual);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches: " + mismatches);
        assertTrue(sample.size() > 50 && edges > 0, sample.size() + " modules, " + edges + " edges");
    }

    @Test
    void reverseGraphsAreTheModulesWhoseDependenciesNameThem() throws Exception {
        for (String name : List.of("nf_tables", "jbd2", "crc16")) {
            ModuleGraph g = planner.reverseGraph(List.of(name));
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
                    assertTrue(showDepends(m).contains(name), "modprobe --show-depends " + m + " lacks " + name);
                }
            }
        }
    }
}
