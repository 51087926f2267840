package io.github.jkmod.index.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.jkmod.index.BinaryIndex;
import io.github.jkmod.index.IndexFormatException;
import io.github.jkmod.index.IndexValue;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes {@link BinaryIndex}: the input is the bytes of a {@code modules.*.bin} file. Every
 * lookup, wildcard search and dump either answers or throws {@link IndexFormatException}; any
 * other throwable (and a hang or an out-of-memory error) is a finding. Seeds: real Debian indexes
 * (kmod 30 and kmod 34 layouts), the depmod fixtures and the hand-made corrupt files.
 */
class BinaryIndexFuzzTest {
    private static final Path NAME = Path.of("fuzz/modules.alias.bin");

    /** How many dumped keys are looked up and searched again (bounds the work per input). */
    private static final int KEYS_REUSED = 4;

    private static final List<String> QUERIES = List.of("", "a", "ext4", "crc8",
            "pci:v00008086d00001234sv00000000sd00000000bc02sc00i00",
            "usb:v046DpC52Bd1200dc00dsc00dp00ic03isc01ip02in00", "symbol:crc8", "fs-ext4", "char-major-10-229");

    @FuzzTest
    void binaryIndex(byte[] input) {
        BinaryIndex index;
        try {
            index = BinaryIndex.of(ByteBuffer.wrap(input), NAME);
        } catch (IndexFormatException rejected) {
            return;
        }
        List<String> keys = new ArrayList<>();
        try {
            index.forEach((key, value) -> {
                if (keys.size() < KEYS_REUSED) {
                    keys.add(key);
                }
            });
        } catch (IndexFormatException rejected) {
            // the dump stops at the first corrupt node; the keys seen so far are still used
        }
        keys.addAll(QUERIES);
        for (String key : keys) {
            try {
                index.lookup(key);
            } catch (IndexFormatException rejected) {
                // allowed
            }
            try {
                List<IndexValue> found = index.search(key);
                if (found == null) {
                    throw new AssertionError("search returned null for '" + key + "'");
                }
            } catch (IndexFormatException rejected) {
                // allowed
            }
        }
    }
}
