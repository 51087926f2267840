package io.github.jkmod.core.modinfo;

import java.util.Objects;

/**
 * A symbol with its version crc: an entry of a module's {@code __versions} table (a symbol the
 * module uses) or one of its exported symbols.
 *
 * @param crc the crc (32 bits in practice; a 64-bit absolute {@code __crc_} symbol keeps all its bits)
 * @param symbol the symbol name
 */
public record ModVersion(long crc, String symbol) {
    /**
     * Checks that the symbol is not null.
     *
     * @param crc the crc
     * @param symbol the symbol name; not null
     */
    public ModVersion {
        Objects.requireNonNull(symbol, "symbol");
    }

    /**
     * The line {@code modprobe --show-modversions} / {@code --show-exports} prints, without the
     * newline: {@code 0x%08x\tSYMBOL}.
     *
     * @return the line, e.g. {@code 0x1234abcd\tprintk}
     */
    public String format() {
        return String.format("0x%08x\t%s", crc, symbol);
    }
}
