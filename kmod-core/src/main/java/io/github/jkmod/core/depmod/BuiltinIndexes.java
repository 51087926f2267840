package io.github.jkmod.core.depmod;

import io.github.jkmod.index.Aliases;
import io.github.jkmod.index.IndexWriter;
import io.github.jkmod.index.InvalidAliasException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * {@code modules.builtin.bin} from {@code modules.builtin} and {@code modules.builtin.alias.bin}
 * from {@code modules.builtin.modinfo}, read as depmod reads them (lines of at most 4095 bytes; a
 * stream of {@code module.key=value} records, each ended by a NUL).
 */
final class BuiltinIndexes {
    private static final int PATH_MAX = 4096;

    private BuiltinIndexes() {
    }

    static byte[] builtin(byte[] data, IndexWriter.Layout layout, Consumer<DepmodMessage> out) {
        IndexWriter idx = new IndexWriter();
        int at = 0;
        while (at < data.length) {
            int end = at;
            while (end < data.length && end - at < PATH_MAX - 1 && data[end] != '\n') {
                end++;
            }
            if (end < data.length && data[end] == '\n' && end - at < PATH_MAX - 1) {
                end++;
            }
            String line = new String(data, at, end - at, StandardCharsets.ISO_8859_1);
            at = end;
            char first = line.charAt(0);
            if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
                out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, "Invalid modules.builtin line: " + line));
                continue;
            }
            String base = line.substring(line.lastIndexOf('/') + 1);
            if (base.isEmpty()) {
                continue;
            }
            int nul = base.indexOf('\0');
            if (nul >= 0) {
                base = base.substring(0, nul);
            }
            IndexFiles.add(idx, ModuleScanner.moduleName(base), "", 0, out);
        }
        return idx.toBytes(layout);
    }

    /** A reader of the modinfo stream with depmod's {@code flush_stream_to} semantics. */
    private static final class Stream {
        final byte[] data;
        int pos;
        boolean eof;

        Stream(byte[] data) {
            this.data = data;
        }

        int next() {
            if (pos >= data.length) {
                eof = true;
                return -1;
            }
            return data[pos++] & 0xff;
        }

        /** Reads up to {@code end}, a NUL or the end; the text when it stopped at {@code end}, else "". */
        String to(int end, Consumer<DepmodMessage> out) {
            StringBuilder b = new StringBuilder();
            int c = -1;
            while (b.length() < PATH_MAX) {
                c = next();
                if (c == -1 || c == end || c == 0) {
                    break;
                }
                b.append((char) c);
            }
            if (b.length() == PATH_MAX) {
                out.accept(new DepmodMessage(DepmodMessage.Level.WARNING,
                        "Could not flush stream: 28. Partial content: " + b));
                b.setLength(PATH_MAX - 1);
            }
            return c == end ? b.toString() : "";
        }

        void skip(int end) {
            int c;
            do {
                c = next();
            } while (c != -1 && c != end && c != 0);
        }
    }

    static byte[] builtinAlias(byte[] data, IndexWriter.Layout layout, Consumer<DepmodMessage> out) {
        IndexWriter idx = new IndexWriter();
        Stream in = new Stream(data);
        while (!in.eof) {
            String modname = in.to('.', out);
            if (modname.isEmpty()) {
                continue;
            }
            String key = in.to('=', out);
            if (!key.equals("alias")) {
                in.skip(0);
                continue;
            }
            String value = in.to(0, out);
            if (value.isEmpty()) {
                continue;
            }
            String alias;
            try {
                alias = Aliases.normalize(value);
            } catch (InvalidAliasException e) {
                out.accept(new DepmodMessage(DepmodMessage.Level.WARNING, "Unmatched bracket in " + value));
                continue;
            }
            IndexFiles.add(idx, alias, modname, 0, out);
        }
        return idx.toBytes(layout);
    }
}
