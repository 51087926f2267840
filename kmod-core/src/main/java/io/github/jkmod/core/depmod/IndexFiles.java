package io.github.jkmod.core.depmod;

import io.github.jkmod.index.Aliases;
import io.github.jkmod.index.IndexWriter;
import io.github.jkmod.index.InvalidAliasException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The index files depmod writes from its modules, each built as depmod builds it. */
final class IndexFiles {
    private final List<ModuleRecord> modules;
    private final List<Map.Entry<String, DependencyGraph.Owner>> symbols;
    private final IndexWriter.Layout layout;
    private final boolean warnDups;
    private final Consumer<DepmodMessage> out;

    IndexFiles(List<ModuleRecord> modules, List<Map.Entry<String, DependencyGraph.Owner>> symbols,
            IndexWriter.Layout layout, boolean warnDups, Consumer<DepmodMessage> out) {
        this.modules = modules;
        this.symbols = symbols;
        this.layout = layout;
        this.warnDups = warnDups;
        this.out = out;
    }

    private static byte[] bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String depLine(ModuleRecord mod) {
        StringBuilder b = new StringBuilder(mod.outputPath()).append(':');
        for (ModuleRecord d : DependencyGraph.allDependencies(mod)) {
            b.append(' ').append(d.outputPath());
        }
        return b.toString();
    }

    byte[] dep() {
        StringBuilder b = new StringBuilder(1 << 16);
        for (ModuleRecord mod : modules) {
            b.append(depLine(mod)).append('\n');
        }
        return bytes(b);
    }

    byte[] depBin() {
        IndexWriter idx = new IndexWriter();
        for (ModuleRecord mod : modules) {
            String line = depLine(mod);
            if (add(idx, mod.name, line, mod.idx, out) && warnDups) {
                warn("duplicate module deps:\n" + line);
            }
        }
        return idx.toBytes(layout);
    }

    byte[] alias() {
        StringBuilder b = new StringBuilder("# Aliases extracted from modules themselves.\n");
        for (ModuleRecord mod : modules) {
            for (String a : mod.contents.aliases()) {
                b.append("alias ").append(a).append(' ').append(mod.name).append('\n');
            }
        }
        return bytes(b);
    }

    byte[] aliasBin() {
        IndexWriter idx = new IndexWriter();
        for (ModuleRecord mod : modules) {
            for (String a : mod.contents.aliases()) {
                String alias;
                try {
                    alias = Aliases.normalize(a);
                } catch (InvalidAliasException e) {
                    warn("Unmatched bracket in " + a);
                    continue;
                }
                if (add(idx, alias, mod.name, mod.idx, out) && warnDups) {
                    warn("duplicate module alias:\n" + alias + " " + mod.name);
                }
            }
        }
        return idx.toBytes(layout);
    }

    byte[] softdep() {
        StringBuilder b = new StringBuilder("# Soft dependencies extracted from modules themselves.\n");
        for (ModuleRecord mod : modules) {
            for (String v : mod.contents.softdeps()) {
                b.append("softdep ").append(mod.name).append(' ').append(v).append('\n');
            }
        }
        return bytes(b);
    }

    byte[] weakdep() {
        StringBuilder b = new StringBuilder("# Weak dependencies extracted from modules themselves.\n");
        for (ModuleRecord mod : modules) {
            for (String v : mod.contents.weakdeps()) {
                b.append("weakdep ").append(mod.name).append(' ').append(v).append('\n');
            }
        }
        return bytes(b);
    }

    byte[] symbols() {
        StringBuilder b = new StringBuilder("# Aliases for symbols, used by symbol_request().\n");
        for (Map.Entry<String, DependencyGraph.Owner> e : symbols) {
            if (e.getValue().module != null) {
                b.append("alias symbol:").append(e.getKey()).append(' ').append(e.getValue().module.name).append('\n');
            }
        }
        return bytes(b);
    }

    byte[] symbolsBin() {
        IndexWriter idx = new IndexWriter();
        for (Map.Entry<String, DependencyGraph.Owner> e : symbols) {
            ModuleRecord owner = e.getValue().module;
            if (owner != null && add(idx, "symbol:" + e.getKey(), owner.name, owner.idx, out) && warnDups) {
                warn("duplicate module syms:\nsymbol:" + e.getKey() + " " + owner.name);
            }
        }
        return idx.toBytes(layout);
    }

    byte[] devname() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        boolean empty = true;
        for (ModuleRecord mod : modules) {
            String devname = null;
            char type = 0;
            long major = 0;
            long minor = 0;
            for (String v : mod.contents.aliases()) {
                long[] mm;
                if (v.startsWith("devname:")) {
                    devname = v.substring("devname:".length());
                } else if ((mm = scanMajorMinor(v, "char-major-")) != null) {
                    type = 'c';
                    major = mm[0];
                    minor = mm[1];
                } else if ((mm = scanMajorMinor(v, "block-major-")) != null) {
                    type = 'b';
                    major = mm[0];
                    minor = mm[1];
                }
                if (type != 0 && devname != null) {
                    break;
                }
            }
            if (devname == null) {
                continue;
            }
            if (type == 0) {
                out.accept(new DepmodMessage(DepmodMessage.Level.ERROR, "Module '" + mod.name + "' has devname ("
                        + devname + ") but lacks major and minor information. Ignoring."));
                continue;
            }
            if (empty) {
                b.writeBytes(bytes("# Device nodes to trigger on-demand module loading.\n"));
                empty = false;
            }
            b.writeBytes(bytes(mod.name + " " + devname + " " + type + major + ":" + minor + "\n"));
        }
        return b.toByteArray();
    }

    /** {@code sscanf(value, PREFIX "%u-%u")}: the two numbers, or null when it does not read both. */
    static long[] scanMajorMinor(String value, String prefix) {
        if (!value.startsWith(prefix)) {
            return null;
        }
        int[] at = {prefix.length()};
        Long major = scanUnsigned(value, at);
        if (major == null || at[0] >= value.length() || value.charAt(at[0]) != '-') {
            return null;
        }
        at[0]++;
        Long minor = scanUnsigned(value, at);
        return minor == null ? null : new long[] {major, minor};
    }

    /** {@code %u}: white space, an optional sign, decimal digits; wraps to 32 bits as glibc does. */
    private static Long scanUnsigned(String s, int[] at) {
        int i = at[0];
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        long v = 0;
        boolean overflow = false;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > 0xFFFFFFFFL) {
                overflow = true;
            }
            i++;
        }
        if (i == start) {
            return null;
        }
        at[0] = i;
        if (overflow) {
            return 0xFFFFFFFFL;
        }
        return negative ? (-v) & 0xFFFFFFFFL : v;
    }

    /**
     * Adds an entry; a key or value that is not 7-bit ASCII is reported as depmod reports it (at
     * FATAL level, which for depmod does not stop the run; its trie would then be corrupt) and left
     * out.
     */
    static boolean add(IndexWriter idx, String key, String value, int priority, Consumer<DepmodMessage> out) {
        for (String s : new String[] {key, value}) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 128) {
                    out.accept(new DepmodMessage(DepmodMessage.Level.FATAL, "Module index: bad character '" + c + "'=0x"
                            + Integer.toHexString(c) + " - only 7-bit ASCII is supported:\n" + s + "\n"));
                    return false;
                }
            }
        }
        return idx.add(key, value, priority);
    }

    private void warn(String text) {
        out.accept(new DepmodMessage(DepmodMessage.Level.WARNING, text));
    }
}
