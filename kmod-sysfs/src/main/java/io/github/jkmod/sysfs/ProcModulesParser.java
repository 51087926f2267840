package io.github.jkmod.sysfs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Parses the text of {@code /proc/modules} into {@link ProcModule}s, naming the line of any fault. */
final class ProcModulesParser {

    private static final String SHAPE = "expected 'name size refcount holders state address [(taints)]'";

    private ProcModulesParser() {}

    static List<ProcModule> parse(Path file, String text) throws SysfsException {
        List<ProcModule> modules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                modules.add(parseLine(file, i + 1, lines[i]));
            }
        }
        return List.copyOf(modules);
    }

    static ProcModule parseLine(Path file, int lineNo, String line) throws SysfsException {
        String[] f = line.strip().split("\\s+");
        if (f.length != 6 && f.length != 7) {
            throw SysfsException.atLine(file, lineNo, "malformed line '" + line + "': " + SHAPE);
        }
        String name = f[0];
        long size = parseSize(file, lineNo, f[1]);
        OptionalInt refcount;
        List<String> holders = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        if (f[2].equals("-")) {
            if (!f[3].equals("-")) {
                throw SysfsException.atLine(file, lineNo,
                        "holders '" + f[3] + "' without a refcount (expected '-')");
            }
            refcount = OptionalInt.empty();
        } else {
            refcount = OptionalInt.of(parseInt(file, lineNo, "refcount", f[2]));
            if (!f[3].equals("-")) {
                for (String holder : f[3].split(",")) {
                    if (holder.isEmpty()) {
                        continue;
                    }
                    if (holder.startsWith("[") && holder.endsWith("]") && holder.length() > 2) {
                        markers.add(holder.substring(1, holder.length() - 1));
                    } else {
                        holders.add(holder);
                    }
                }
            }
        }
        ProcModule.ProcState state = ProcModule.ProcState.fromProcName(f[4]).orElseThrow(() -> SysfsException.atLine(
                file, lineNo, "unknown state '" + f[4] + "' (expected Live, Loading or Unloading)"));
        long address = parseAddress(file, lineNo, f[5]);
        String taints = "";
        if (f.length == 7) {
            if (!f[6].startsWith("(") || !f[6].endsWith(")") || f[6].length() < 3) {
                throw SysfsException.atLine(file, lineNo, "taints '" + f[6] + "' are not '(LETTERS)'");
            }
            taints = f[6].substring(1, f[6].length() - 1);
        }
        return new ProcModule(name, size, refcount, holders, markers, state, address, taints);
    }

    private static long parseSize(Path file, int lineNo, String text) throws SysfsException {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw SysfsException.atLine(file, lineNo, "size '" + text + "' is not a number");
        }
        if (value < 0) {
            throw SysfsException.atLine(file, lineNo, "size '" + text + "' is negative");
        }
        return value;
    }

    private static int parseInt(Path file, int lineNo, String what, String text) throws SysfsException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw SysfsException.atLine(file, lineNo, what + " '" + text + "' is not a number");
        }
    }

    private static long parseAddress(Path file, int lineNo, String text) throws SysfsException {
        String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : "";
        try {
            if (!hex.isEmpty() && hex.charAt(0) != '+' && hex.charAt(0) != '-') {
                return Long.parseUnsignedLong(hex, 16);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SysfsException.atLine(file, lineNo, "address '" + text + "' is not a hexadecimal number (0x...)");
    }
}
