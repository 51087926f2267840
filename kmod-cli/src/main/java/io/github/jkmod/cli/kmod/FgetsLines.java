package io.github.jkmod.cli.kmod;

import io.github.jkmod.core.nodes.StaticNodes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file cut into the pieces kmod's {@code fgets} loop reads: each piece runs through its newline
 * (kept) or stops after {@link StaticNodes#MAX_LINE_BYTES} bytes, so that a longer line is read as
 * several. Bytes become chars one for one (ISO-8859-1).
 */
final class FgetsLines {
    private FgetsLines() {
    }

    /** The pieces of {@code bytes}, in order. */
    static List<String> split(byte[] bytes) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && end - start < StaticNodes.MAX_LINE_BYTES) {
                if (bytes[end++] == '\n') {
                    break;
                }
            }
            out.add(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
            start = end;
        }
        return out;
    }
}
