package io.github.jkmod.core.depmod;

import io.github.jkmod.core.KmodProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The order of the modules from {@code modules.order}: the modules it names first, in its order,
 * then the others in the order they had. kmod 34 keeps a module's first line; kmod 30 its last.
 * A last line without its newline makes depmod give up the sorting.
 */
final class ModuleOrder {
    private static final String ORDER_FILE = "modules.order";
    private static final int PATH_MAX = 4096;

    private ModuleOrder() {
    }

    static List<ModuleRecord> sort(List<ModuleRecord> modules, Map<String, ModuleRecord> byUncrelpath, String dirname,
            KmodProfile profile, Consumer<DepmodMessage> out) {
        byte[] data = Depmod.readOptional(dirname, ORDER_FILE, out);
        if (data == null) {
            return modules;
        }
        List<String> lines = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            int end = at;
            while (end < data.length && end - at < PATH_MAX - 1 && data[end] != '\n') {
                end++;
            }
            boolean newline = end < data.length && data[end] == '\n' && end - at < PATH_MAX - 1;
            String line = new String(data, at, end - at, StandardCharsets.ISO_8859_1);
            int nul = line.indexOf('\0');
            at = newline ? end + 1 : end;
            if (nul == 0) {
                lines.add(null);
                continue;
            }
            if (!newline || nul > 0) {
                out.accept(new DepmodMessage(DepmodMessage.Level.ERROR,
                        dirname + "/" + ORDER_FILE + ":" + (lines.size() + 1) + " corrupted line misses '\\n'"));
                return modules;
            }
            lines.add(line);
        }
        Map<ModuleRecord, Integer> sortIdx = new IdentityHashMap<>();
        if (profile == KmodProfile.KMOD_30) {
            int total = lines.size() + 1;
            for (int i = 0; i < lines.size(); i++) {
                ModuleRecord m = lines.get(i) == null ? null : byUncrelpath.get(lines.get(i));
                if (m != null) {
                    sortIdx.put(m, i + 1 - total);
                }
            }
        } else {
            int next = -modules.size();
            for (String line : lines) {
                ModuleRecord m = line == null ? null : byUncrelpath.get(line);
                if (m != null && !sortIdx.containsKey(m)) {
                    sortIdx.put(m, next++);
                }
            }
        }
        List<ModuleRecord> sorted = new ArrayList<>(modules);
        sorted.sort(Comparator.comparingInt(m -> sortIdx.getOrDefault(m, 1)));
        return sorted;
    }
}
