package io.github.jkmod.core.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example tree committed in kmod-cli/src/example is exactly what {@link ExampleTree} writes. */
class ExampleTreeTest {

    private static final Path COMMITTED = Path.of("../kmod-cli/src/example");

    @Test
    void committedTreeIsWhatTheGeneratorWrites(@TempDir Path tmp) throws Exception {
        ExampleTree.write(tmp);
        List<Path> generated = files(tmp);
        List<Path> committed = files(COMMITTED);
        assertEquals(generated, committed, "the same files");
        for (Path rel : generated) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve(rel)),
                    Files.readAllBytes(COMMITTED.resolve(rel)), rel.toString());
        }
        assertTrue(generated.size() > 15, "modules, text files, indexes and config: " + generated);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
