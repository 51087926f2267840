package io.github.jkmod.cli.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.graph.GraphvizRenderer;
import io.github.jkmod.core.testsupport.DotReader;
import io.github.jkmod.core.testsupport.GraphFixture;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.core.testsupport.SvgReader;
import io.github.jkmod.testsupport.Prerequisites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged executable as {@code jkmod graph} and through a link named {@code graph}, in a
 * process of its own: DOT, SVG with the real {@code dot}, and the message and status without it.
 */
class GraphExecutableIT {

    @TempDir
    Path root;

    private static Path jkmod() {
        Path jmodprobe = Path.of(System.getProperty("jkmod.executable", "target/jmodprobe")).toAbsolutePath();
        Path jkmod = jmodprobe.resolveSibling("jkmod");
        Prerequisites.require(Files.isExecutable(jkmod), "not built: " + jkmod);
        return jkmod;
    }

    private static Map<String, String> env(String path) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", "/");
        env.put("PATH", path);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    @Test
    void dotSvgAndNoDot() throws Exception {
        Path jkmod = jkmod();
        GraphFixture f = GraphFixture.write(root);
        List<String> args = List.of("-d", root.toString(), "-S", GraphFixture.RELEASE, "-C", f.config().toString(),
                "--sysfs", root.toString(), "ali");
        List<String> withTool = new java.util.ArrayList<>(List.of("graph"));
        withTool.addAll(args);
        RealModprobe.Outcome dot = RealModprobe.run(jkmod.toString(), withTool, env("/usr/bin:/bin"));
        assertEquals(0, dot.status(), dot.stderr());
        assertEquals(9, DotReader.read(dot.stdout()).nodes().size());
        Path link = root.resolve("graph");
        Files.createSymbolicLink(link, jkmod);
        assertEquals(dot, RealModprobe.run(link.toString(), args, env("/usr/bin:/bin")));

        Path empty = Files.createDirectories(root.resolve("empty-bin"));
        List<String> svgArgs = new java.util.ArrayList<>(withTool);
        svgArgs.add(1, "--format=svg");
        RealModprobe.Outcome none = RealModprobe.run(jkmod.toString(), svgArgs, env(empty.toString()));
        assertEquals(1, none.status());
        assertEquals("", none.stdout());
        assertTrue(none.stderr().startsWith("graph: ERROR: --format=svg needs Graphviz's dot"), none.stderr());
        assertEquals(1, none.stderr().split("\n").length, none.stderr());

        Prerequisites.require(GraphvizRenderer.find(System.getenv()).isPresent(),
                "Graphviz's dot (apt-get install graphviz)");
        Path out = root.resolve("g.svg");
        svgArgs.add(1, "-o");
        svgArgs.add(2, out.toString());
        RealModprobe.Outcome svg = RealModprobe.run(jkmod.toString(), svgArgs, env("/usr/bin:/bin"));
        assertEquals(0, svg.status(), svg.stderr());
        assertEquals(9, SvgReader.read(Files.readAllBytes(out)).nodes().size());
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).startsWith("<?xml"));
    }
}
