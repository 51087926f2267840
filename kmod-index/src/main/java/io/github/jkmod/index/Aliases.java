package io.github.jkmod.index;

/**
 * Alias normalisation, applied both when an alias is indexed and before an alias is looked up:
 * every {@code -} becomes {@code _}, except inside a bracket expression {@code [...]}, which is
 * copied as it is up to the first {@code ]} after its {@code [}. A {@code ]} outside brackets, or
 * a {@code [} without a later {@code ]}, makes the alias invalid.
 *
 * <p>What the real tools do with an invalid alias: depmod leaves it out of
 * {@code modules.alias.bin} (it stays in the text {@code modules.alias}). Looking one up makes
 * kmod 30's modprobe behave as for an unknown module; observed:
 * {@code modprobe -C /dev/null -d ROOT -S RELEASE -R 'a[b'} (a Debian tree) prints
 * nothing on stdout, {@code modprobe: FATAL: Module a[b not found in directory
 * ROOT/lib/modules/RELEASE} on stderr, and exits with status 1
 * (same for {@code 'a]b'} and for {@code --show-depends}); with {@code -vvvv} a debug line
 * {@code kmod_module_new_from_lookup() invalid alias: a[b} comes first.
 */
public final class Aliases {
    private Aliases() {
    }

    /**
     * Normalises {@code alias}.
     *
     * @param alias the alias as written, e.g. {@code pci:v00008086d*sv*} or {@code
     *     char-major-10-229}
     * @return the alias with {@code -} replaced by {@code _} outside brackets
     * @throws InvalidAliasException when the brackets do not balance; the message names the alias
     *     and the position of the bad bracket
     */
    public static String normalize(String alias) throws InvalidAliasException {
        StringBuilder out = null;
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (c == ']') {
                throw new InvalidAliasException(alias, "']' at " + i + " has no '[' before it");
            } else if (c == '[') {
                int close = alias.indexOf(']', i + 1);
                if (close < 0) {
                    throw new InvalidAliasException(alias, "'[' at " + i + " has no ']' after it");
                }
                if (out != null) {
                    out.append(alias, i, close + 1);
                }
                i = close;
            } else if (c == '-') {
                if (out == null) {
                    out = new StringBuilder(alias.length()).append(alias, 0, i);
                }
                out.append('_');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? alias : out.toString();
    }
}
