package io.github.jkmod.index;

/**
 * One line of {@code modules.alias} or {@code modules.symbols}: {@code alias PATTERN MODULE}.
 *
 * @param pattern the alias pattern as written (not normalised), e.g. {@code pci:v00008086d*} or
 *     {@code symbol:drm_need_swiotlb}
 * @param module the module that provides it
 */
public record AliasEntry(String pattern, String module) {
    /**
     * Checks that both parts are present.
     *
     * @param pattern the alias pattern as written in the file, not normalised
     * @param module the name of the module that provides the alias
     */
    public AliasEntry {
        if (pattern == null || module == null) {
            throw new NullPointerException(pattern == null ? "pattern" : "module");
        }
    }
}
