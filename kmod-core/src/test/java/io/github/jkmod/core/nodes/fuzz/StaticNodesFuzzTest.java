package io.github.jkmod.core.nodes.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.jkmod.core.nodes.StaticNode;
import io.github.jkmod.core.nodes.StaticNodes;
import io.github.jkmod.index.IndexFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes {@link StaticNodes}: the input is a {@code modules.devname} file. The allowed outcomes:
 * nodes or an {@link IndexFormatException} naming the file and a line from {@code parse}; every
 * line answers {@code parseEntry} without throwing; and each node written back as a devname line
 * reads back equal. Anything thrown is a finding. Seeds: Debian 12's and 13's files and malformed lines.
 */
class StaticNodesFuzzTest {
    private static final Path FILE = Path.of("/fuzz/modules.devname");

    @FuzzTest
    void staticNodes(byte[] input) {
        List<StaticNode> nodes;
        try {
            nodes = StaticNodes.parse(FILE, input);
        } catch (IndexFormatException e) {
            if (!FILE.equals(e.file()) || e.offset() < 1) {
                throw new AssertionError("error without file and line: " + e.getMessage(), e);
            }
            nodes = List.of();
        }
        for (String line : new String(input, StandardCharsets.ISO_8859_1).split("\n", -1)) {
            StaticNodes.isComment(line);
            StaticNodes.parseEntry(line);
        }
        for (StaticNode n : nodes) {
            String line = n.module() + " " + n.deviceName() + " " + n.type().letter() + n.major() + ":" + n.minor();
            Optional<StaticNode> again = StaticNodes.parseEntry(line);
            if (!again.equals(Optional.of(n))) {
                throw new AssertionError("'" + line + "' reads back as " + again + ", not " + n);
            }
        }
    }
}
