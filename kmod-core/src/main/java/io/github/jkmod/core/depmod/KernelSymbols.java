package io.github.jkmod.core.depmod;

import io.github.jkmod.KmodException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The kernel's own symbols for {@code -E Module.symvers} or {@code -F System.map}: symbols without
 * an owner module, so that {@code -e} reports only what nobody exports.
 */
final class KernelSymbols {
    private static final String KSYMTAB = "__ksymtab_";

    private KernelSymbols() {
    }

    private static String[] lines(Path file) throws KmodException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n", -1);
        } catch (IOException e) {
            throw new KmodException("could not load " + file + ": " + Depmod.reason(e), e);
        }
    }

    /** {@code 0xCRC<TAB>symbol<TAB>vmlinux<TAB>...} lines; only vmlinux's symbols count. */
    static void loadSymvers(Path file, DependencyGraph table, Consumer<DepmodMessage> out) throws KmodException {
        String[] lines = lines(file);
        for (int n = 0; n < lines.length; n++) {
            if (n == lines.length - 1 && lines[n].isEmpty()) {
                break;
            }
            String[] w = lines[n].replaceFirst("^[ \t]+", "").split("[ \t]+");
            if (w.length < 3 || !w[2].equals("vmlinux")) {
                continue;
            }
            String ver = w[0];
            String hex = ver.startsWith("0x") || ver.startsWith("0X") ? ver.substring(2) : ver;
            long crc;
            try {
                crc = Long.parseUnsignedLong(hex, 16);
            } catch (NumberFormatException e) {
                // depmod's %m prints the errno left over from its start: ENOENT with both kmods
                out.accept(new DepmodMessage(DepmodMessage.Level.ERROR,
                        file + ":" + (n + 1) + " Invalid symbol version " + ver + ": No such file or directory"));
                continue;
            }
            table.addSymbol(w[1], false, crc, null);
        }
        addFakeSymbols(table);
    }

    /** {@code ADDRESS TYPE __ksymtab_NAME} lines of {@code System.map}. */
    static void loadSystemMap(Path file, DependencyGraph table, char prefix, Consumer<DepmodMessage> out)
            throws KmodException {
        String[] lines = lines(file);
        for (int n = 0; n < lines.length; n++) {
            if (n == lines.length - 1 && lines[n].isEmpty()) {
                break;
            }
            String line = lines[n];
            int a = line.indexOf(' ');
            int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
            if (b < 0) {
                out.accept(new DepmodMessage(DepmodMessage.Level.ERROR,
                        file + ":" + (n + 1) + ": invalid line: " + line + "\n"));
                continue;
            }
            String p = line.substring(b + 1);
            if (!p.isEmpty() && p.charAt(0) == prefix) {
                p = p.substring(1);
            }
            if (p.startsWith(KSYMTAB)) {
                table.addSymbol(p.substring(KSYMTAB.length()), true, 0, null);
            }
        }
        addFakeSymbols(table);
    }

    private static void addFakeSymbols(DependencyGraph table) {
        table.addSymbol("__this_module", true, 0, null);
        table.addSymbol("_GLOBAL_OFFSET_TABLE_", true, 0, null);
        if (table.find("TOC.") == null) {
            table.addSymbol("TOC.", true, 0, null);
        }
    }
}
