package io.github.jkmod.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.ModuleNotFoundException;
import io.github.jkmod.core.testsupport.GraphFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph of the {@link GraphFixture} tree (no real modprobe can read it: text indexes only). */
class GraphPlannerTest {

    @TempDir
    Path root;

    /** "from -> to KIND SOURCES" lines, sorted. */
    private static List<String> edges(ModuleGraph g) {
        TreeSet<String> out = new TreeSet<>();
        for (GraphEdge e : g.edges()) {
            out.add(e.from() + " -> " + e.to() + " " + e.kind() + " " + e.sources());
        }
        return List.copyOf(out);
    }

    private static Map<String, String> marks(ModuleGraph g) {
        Map<String, String> out = new TreeMap<>();
        for (GraphNode n : g.nodes()) {
            out.put(n.name(), n.mark() + (n.requested() ? " requested" : "") + (n.planned() ? " planned" : ""));
        }
        return out;
    }

    @Test
    void loadGraphHasThePlanAndEveryKindOfEdge() throws Exception {
        GraphFixture f = GraphFixture.write(root);
        ModuleGraph g = new GraphPlanner(f.context()).loadGraph(List.of("ali"));
        assertEquals(GraphDirection.LOAD, g.direction());
        assertEquals(List.of("ali"), g.requested());
        Map<String, String> expected = new TreeMap<>(Map.of(
                "a", "MODULE requested planned", "b", "LOADED planned", "c", "LOADED planned",
                "d", "MODULE planned", "bi", "BUILTIN planned", "e", "MODULE planned",
                "w", "MODULE", "nothere", "NOT_FOUND", "we\"ird\\name", "NOT_FOUND"));
        assertEquals(expected, marks(g));
        assertEquals(List.of(
                "a -> b HARD [MODULES_DEP]", "a -> bi SOFTDEP_PRE [CONFIG]", "a -> c HARD [MODULES_DEP]",
                "a -> d SOFTDEP_PRE [CONFIG]", "a -> nothere SOFTDEP_POST [CONFIG]", "a -> w WEAKDEP [CONFIG]",
                "b -> c HARD [MODULES_DEP]", "d -> e SOFTDEP_POST [CONFIG]", "d -> we\"ird\\name SOFTDEP_PRE [CONFIG]",
                "e -> c HARD [MODULES_DEP]"), edges(g));
        List<String> via = new ArrayList<>();
        for (GraphEdge e : g.edges()) {
            if (!e.via().isEmpty()) {
                via.add(e.from() + " -> " + e.to() + " via " + e.via());
            }
        }
        assertEquals(List.of("a -> d via [dee]"), via);
        assertEquals(root.resolve("lib/modules").resolve(GraphFixture.RELEASE).resolve("kernel/a.ko"),
                g.node("a").orElseThrow().file().orElseThrow());
        assertTrue(g.node("bi").orElseThrow().file().isEmpty());
        // the nodes come in load order: the plan's first step first
        assertEquals("c", g.nodes().get(0).name());
    }

    @Test
    void planOrderAndNodesFollowTheLoadPlan() throws Exception {
        GraphFixture f = GraphFixture.write(root);
        KmodContext ctx = f.context();
        ModuleGraph g = new GraphPlanner(ctx).loadGraph(List.of("a"));
        List<String> planned = new ArrayList<>();
        for (GraphNode n : g.nodes()) {
            if (n.planned()) {
                planned.add(n.name());
            }
        }
        TreeSet<String> fromPlan = new TreeSet<>();
        for (var step : ctx.planInsert(ctx.require("a").get(0), io.github.jkmod.core.ProbeFlags.SHOW_DEPENDS).steps()) {
            fromPlan.add(step.module().name());
        }
        assertEquals(fromPlan, new TreeSet<>(planned));
    }

    @Test
    void weakdepsAreNotReadUnderKmod30() throws Exception {
        GraphFixture f = GraphFixture.write(root);
        KmodContext ctx = KmodContext.builder().root(root).release(GraphFixture.RELEASE)
                .configPaths(List.of(f.config())).cmdline(root.resolve("cmdline")).profile(KmodProfile.KMOD_30)
                .logWarnings(false).build();
        ModuleGraph g = new GraphPlanner(ctx).loadGraph(List.of("a"));
        assertEquals(List.of(), g.edges(EdgeKind.WEAKDEP));
        assertTrue(g.node("w").isEmpty());
    }

    @Test
    void anAliasToAMissingModuleIsANotFoundNode() throws Exception {
        GraphFixture f = GraphFixture.write(root);
        ModuleGraph g = new GraphPlanner(f.context()).loadGraph(List.of("ghost"));
        assertEquals(Map.of("nosuchmodule", "NOT_FOUND requested planned"), marks(g));
        assertEquals(List.of(), g.edges());
    }

    @Test
    void aBlacklistedAliasIsItsModuleAlone() throws Exception {
        GraphFixture f = GraphFixture.write(root);
        ModuleGraph g = new GraphPlanner(f.context()).loadGraph(List.of("blk"));
        assertEquals(Map.of("b", "LOADED requested"), marks(g));
        assertEquals(List.of(), g.edges());
        // by its own name the blacklist does not apply (modprobe without -b)
        assertEquals("LOADED requested planned", marks(new GraphPlanner(f.context()).loadGraph(List.of("b"))).get("b"));
    }

    @Test
    void anUnknownNameFailsAsModprobeSays() throws Exception {
        GraphFixture f = GraphFixture.write(root);
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class,
                () -> new GraphPlanner(f.context()).loadGraph(List.of("a", "zzz")));
        assertEquals("zzz", e.name());
        assertTrue(e.getMessage().startsWith("Module zzz not found in directory "), e.getMessage());
    }

    @Test
    void reverseGraphJoinsModulesDepAndHolders() throws Exception {
        GraphFixture f = GraphFixture.write(root);
        ModuleGraph g = new GraphPlanner(f.context()).reverseGraph(List.of("c"));
        assertEquals(GraphDirection.REVERSE, g.direction());
        assertEquals(new TreeMap<>(Map.of("a", "MODULE", "b", "LOADED", "c", "LOADED requested", "e", "MODULE",
                "x", "LOADED", "y", "LOADED")), marks(g));
        assertEquals(List.of(
                "a -> b HARD [MODULES_DEP]", "a -> c HARD [MODULES_DEP]", "b -> c HARD [MODULES_DEP, HOLDERS]",
                "e -> c HARD [MODULES_DEP]", "x -> c HARD [HOLDERS]", "y -> x HARD [MODULES_DEP, HOLDERS]"), edges(g));
    }

    @Test
    void reverseGraphWithoutSysfsIsModulesDepAlone() throws Exception {
        GraphFixture f = GraphFixture.write(root);
        Path empty = root.resolve("empty-sysfs");
        java.nio.file.Files.createDirectories(empty);
        ModuleGraph g = new GraphPlanner(f.context(), io.github.jkmod.sysfs.KernelState.ofRoot(empty))
                .reverseGraph(List.of("x"));
        assertEquals(new TreeMap<>(Map.of("x", "MODULE requested", "y", "MODULE")), marks(g));
        assertEquals(List.of("y -> x HARD [MODULES_DEP]"), edges(g));
    }

    @Test
    void reverseOfAModuleNothingNeedsIsItselfAlone() throws Exception {
        GraphFixture f = GraphFixture.write(root);
        ModuleGraph g = new GraphPlanner(f.context()).reverseGraph(List.of("d"));
        assertEquals(Map.of("d", "MODULE requested"), marks(g));
        assertEquals(List.of(), g.edges());
    }
}
