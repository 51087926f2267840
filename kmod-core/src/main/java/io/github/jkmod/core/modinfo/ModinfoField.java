package io.github.jkmod.core.modinfo;

import java.util.Objects;

/**
 * One {@code key=value} record of a module's {@code .modinfo} section (or of
 * {@code modules.builtin.modinfo}, or a field derived from the module signature). A record without
 * {@code =} has the whole record as key and an empty value, as the real tools read it.
 *
 * @param key the part before the first {@code =}
 * @param value the part after it
 */
public record ModinfoField(String key, String value) {
    /**
     * Checks that neither part is null.
     *
     * @param key the part before the first {@code =}
     * @param value the part after it
     */
    public ModinfoField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Splits a raw record at its first {@code =}.
     *
     * @param record the record as stored, e.g. {@code license=GPL}
     * @return the field; the whole record as key and an empty value when it has no {@code =}
     */
    public static ModinfoField parse(String record) {
        int eq = record.indexOf('=');
        return eq < 0 ? new ModinfoField(record, "") : new ModinfoField(record.substring(0, eq), record.substring(eq + 1));
    }
}
