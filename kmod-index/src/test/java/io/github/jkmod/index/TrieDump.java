package io.github.jkmod.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal decoder for the writer's tests (independent of {@link BinaryIndex}): lists every
 * (key, priority, value) in pre-order, children by ascending character, and counts the nodes.
 */
final class TrieDump {
    final List<String> entries = new ArrayList<>();
    int nodes;

    private final ByteBuffer buf;

    private TrieDump(byte[] bytes) {
        buf = ByteBuffer.wrap(bytes);
    }

    static TrieDump of(byte[] bytes) {
        TrieDump dump = new TrieDump(bytes);
        if (dump.buf.getInt(0) != 0xB007F457 || dump.buf.getInt(4) != 0x00020001) {
            throw new IllegalArgumentException("bad header");
        }
        dump.walk(dump.buf.getInt(8), "");
        return dump;
    }

    private void walk(int word, String key) {
        nodes++;
        int pos = word & 0x0FFFFFFF;
        if ((word & 0x80000000) != 0) {
            String prefix = string(pos);
            key += prefix;
            pos += prefix.length() + 1;
        }
        List<int[]> children = new ArrayList<>();
        if ((word & 0x20000000) != 0) {
            int first = buf.get(pos) & 0xff;
            int last = buf.get(pos + 1) & 0xff;
            pos += 2;
            for (int c = first; c <= last; c++, pos += 4) {
                int child = buf.getInt(pos);
                if (child != 0) {
                    children.add(new int[] {c, child});
                }
            }
        }
        if ((word & 0x40000000) != 0) {
            int count = buf.getInt(pos);
            pos += 4;
            for (int i = 0; i < count; i++) {
                int priority = buf.getInt(pos);
                String value = string(pos + 4);
                pos += 4 + value.length() + 1;
                entries.add(key + "=" + value + "@" + Integer.toUnsignedString(priority));
            }
        }
        for (int[] child : children) {
            walk(child[1], key + (char) child[0]);
        }
    }

    private String string(int pos) {
        int end = pos;
        while (buf.get(end) != 0) {
            end++;
        }
        return new String(buf.array(), pos, end - pos, StandardCharsets.US_ASCII);
    }
}
