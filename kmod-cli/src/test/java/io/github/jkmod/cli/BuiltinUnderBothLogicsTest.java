package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.testsupport.RealModprobe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A module that {@code modules.builtin} lists is builtin under both initstate logics: kmod 18 also
 * asked the builtin index before looking at {@code /sys}; only the window (a directory without
 * {@code initstate}) differs. So {@code -r} of a builtin module is modprobe's "is builtin" error
 * whatever the logic, as the real modprobe prints it for the same command.
 */
class BuiltinUnderBothLogicsTest {
    private static final Path ROOT = Path.of("src/example/root").toAbsolutePath();
    private static final String RELEASE = "6.1.0-jkmod-example";

    @ParameterizedTest
    @ValueSource(strings = {"kmod20", "kmod18"})
    void removingABuiltinModuleIsAnErrorUnderEitherLogic(String logic) {
        Path modprobe = RealModprobe.require();
        for (List<String> args : List.of(List.of("-r", "demo_builtin"), List.of("-r", "-v", "demo-builtin"),
                List.of("-n", "-v", "demo_builtin"), List.of("--first-time", "-n", "demo_builtin"))) {
            List<String> full = new ArrayList<>(List.of("-C", "/dev/null", "-d", ROOT.toString(), "-S", RELEASE));
            full.addAll(args);
            RealModprobe.Outcome real = RealModprobe.run(modprobe.toString(), full, Map.of());
            List<String> ours = new ArrayList<>(List.of("--initstate-logic=" + logic));
            ours.addAll(full);
            assertEquals(real, InProcess.run("modprobe", ours, Map.of()), () -> logic + " " + args);
        }
        RealModprobe.Outcome removal = InProcess.run("modprobe", List.of("--initstate-logic=" + logic,
                "-C", "/dev/null", "-d", ROOT.toString(), "-S", RELEASE, "-r", "demo_builtin"), Map.of());
        assertEquals(new RealModprobe.Outcome("", "modprobe: FATAL: Module demo_builtin is builtin.\n", 1), removal);
    }
}
