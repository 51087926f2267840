package io.github.jkmod.core.depmod;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index files of a depmod run, in memory, in the order depmod writes them.
 *
 * @param files file name (e.g. {@code modules.dep.bin}) to its bytes, in depmod's order; the maps'
 *     arrays must not be changed
 */
public record DepmodResult(Map<String, byte[]> files) {
    /** The text files, whose concatenation {@code depmod -n} prints, in depmod's order. */
    static final List<String> TEXT_FILES = List.of("modules.dep", "modules.alias", "modules.softdep",
            "modules.weakdep", "modules.symbols", "modules.devname");

    /**
     * Keeps the files in their order, unmodifiable.
     *
     * @param files file name to bytes, in depmod's order
     */
    public DepmodResult {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * What {@code depmod -n} prints: the text files one after the other, without their names.
     *
     * @return the bytes written to standard output
     */
    public byte[] dryRunOutput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (TEXT_FILES.contains(e.getKey())) {
                out.writeBytes(e.getValue());
            }
        }
        return out.toByteArray();
    }
}
