package io.github.jkmod.index;

/**
 * One record of {@code modules.builtin.modinfo}: {@code module.key=value}, e.g.
 * {@code md5.alias=crypto-md5}.
 *
 * @param module the builtin module's name
 * @param key the modinfo key, e.g. {@code alias}, {@code license}, {@code parm}
 * @param value the value (decoded as UTF-8)
 * @param offset the byte offset of the record in the file (for error messages)
 */
public record ModinfoRecord(String module, String key, String value, long offset) {
    /**
     * Checks that the parts are present.
     *
     * @param module the builtin module's name
     * @param key the modinfo key
     * @param value the value
     * @param offset the byte offset of the record in {@code modules.builtin.modinfo}
     */
    public ModinfoRecord {
        if (module == null || key == null || value == null) {
            throw new NullPointerException(module == null ? "module" : key == null ? "key" : "value");
        }
    }
}
