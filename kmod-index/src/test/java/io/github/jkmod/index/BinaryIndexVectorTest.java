package io.github.jkmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader against the real Debian vectors, in both layouts (kmod 30 post-order, kmod 34 pre-order). */
class BinaryIndexVectorTest {

    private static BinaryIndex open(String layout, String name) throws Exception {
        return BinaryIndex.open(TestVectors.file(layout, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kmod30", "kmod34"})
    void everyModulesDepKeyAnswersItsLine(String layout) throws Exception {
        BinaryIndex dep = open(layout, "modules.dep.bin");
        List<Map.Entry<String, String>> expected = TextTwins.dep();
        assertEquals(4023, expected.size());
        for (Map.Entry<String, String> e : expected) {
            assertEquals(Optional.of(e.getValue()), dep.lookup(e.getKey()), e.getKey());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kmod30", "kmod34"})
    void lookupMissesAreEmpty(String layout) throws Exception {
        BinaryIndex dep = open(layout, "modules.dep.bin");
        for (String key : List.of("", "e", "ext", "ext44", "ext4x", "ext-4", "EXT4", "nosuchmodule",
                "e1000x", "snd_hda_codec_", "\u00e9xt4", "ext4\u0000")) {
            assertEquals(Optional.empty(), dep.lookup(key), key);
        }
        assertTrue(dep.lookup("e1000e").orElseThrow().startsWith("kernel/drivers/net/ethernet/intel/e1000e/e1000e.ko"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kmod30", "kmod34"})
    void builtinLookupsGiveTheEmptyValue(String layout) throws Exception {
        BinaryIndex builtin = open(layout, "modules.builtin.bin");
        List<Map.Entry<String, String>> expected = TextTwins.builtin();
        assertEquals(186, expected.size());
        for (Map.Entry<String, String> e : expected) {
            assertEquals(Optional.of(""), builtin.lookup(e.getKey()), e.getKey());
        }
        assertEquals(Optional.empty(), builtin.lookup("ext4"));
    }

    static List<Arguments> knownQueries() {
        return List.of(
                Arguments.of("pci:v00008086d00001502sv00000000sd00000000bc02sc00i00", List.of("e1000e")),
                Arguments.of("usb:v0000p0000d0000dc09dsc00dp00ic09isc00ip00in00", List.of("usbcore", "usbcore")),
                Arguments.of("pci:v000010DEd00001234sv00000000sd00000000bc03sc00i00", List.of("nouveau")),
                Arguments.of("acpi*:PNP0C0A:*", List.of("battery", "battery")),
                Arguments.of("acpi:PNP0C0A:", List.of("battery")),
                Arguments.of("fs_ext4", List.of("ext4")),
                Arguments.of("crypto_aes", List.of("aesni_intel", "padlock_aes")),
                Arguments.of("usb:v05ACp12A8d0000dc00dsc00dp00ic06isc01ip01in00", List.of("apple_mfi_fastcharge")),
                Arguments.of("pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00", List.of("virtio_pci")),
                Arguments.of("net_pf_10", List.of()),
                Arguments.of("cpu:type:x86,ven0000fam0006mod0086:feature:,0000",
                        List.of("intel_uncore", "intel_cstate", "i10nm_edac", "i10nm_edac", "intel_rapl_common")),
                Arguments.of("platform:i8042", List.of()),
                Arguments.of("", List.of()),
                Arguments.of("nosuchthing", List.of()));
    }

    /** Expected lists as printed by {@code modprobe -R} on the real tree (see the oracle test). */
    @ParameterizedTest
    @MethodSource("knownQueries")
    void knownAliasesResolveInTheReferenceOrder(String query, List<String> modules) throws Exception {
        for (String layout : List.of("kmod30", "kmod34")) {
            List<String> got = open(layout, "modules.alias.bin").search(query).stream()
                    .map(IndexValue::value).collect(Collectors.toList());
            assertEquals(modules, got, layout + " " + query);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kmod30", "kmod34"})
    void builtinAliasesResolve(String layout) throws Exception {
        BinaryIndex index = open(layout, "modules.builtin.alias.bin");
        assertEquals(List.of(new IndexValue(0, "ipv6")), index.search("net_pf_10"));
        assertEquals(List.of(new IndexValue(0, "unix")), index.search("net_pf_1"));
        assertEquals(List.of(), index.search("net_pf_99"));
    }

    @Test
    void searchResultsAreOrderedByPriority() throws Exception {
        List<IndexValue> got = open("kmod34", "modules.alias.bin")
                .search("cpu:type:x86,ven0000fam0006mod0086:feature:,0000");
        assertEquals(5, got.size());
        for (int i = 1; i < got.size(); i++) {
            assertTrue(Integer.compareUnsigned(got.get(i - 1).priority(), got.get(i).priority()) <= 0, got.toString());
        }
    }

    static List<Arguments> indexes() {
        return List.of(
                Arguments.of("modules.dep.bin", TextTwins.dep()),
                Arguments.of("modules.alias.bin", TextTwins.aliases("modules.alias")),
                Arguments.of("modules.symbols.bin", TextTwins.aliases("modules.symbols")),
                Arguments.of("modules.builtin.bin", TextTwins.builtin()),
                Arguments.of("modules.builtin.alias.bin", TextTwins.builtinAliases()));
    }

    /**
     * Both layouts dump the same entries in the same (sorted-key) order, and the entries are exactly
     * those of the text twin.
     */
    @ParameterizedTest
    @MethodSource("indexes")
    void forEachDumpsTheTextTwin(String name, List<Map.Entry<String, String>> text) throws Exception {
        List<String> dump30 = dump(open("kmod30", name));
        List<String> dump34 = dump(open("kmod34", name));
        assertEquals(dump30, dump34);
        assertEquals(text.size(), dump34.size());
        List<String> expected = text.stream().map(e -> e.getKey() + "\t" + e.getValue())
                .sorted().collect(Collectors.toList());
        List<String> sorted = new ArrayList<>(dump34);
        sorted.sort(Comparator.naturalOrder());
        assertEquals(expected, sorted);
        for (int i = 1; i < dump34.size(); i++) {
            String a = dump34.get(i - 1);
            String b = dump34.get(i);
            assertTrue(a.substring(0, a.indexOf('\t')).compareTo(b.substring(0, b.indexOf('\t'))) <= 0,
                    "dump order at " + i + ": " + a + " / " + b);
        }
    }

    @Test
    void aliasIndexHoldsEveryPattern() throws Exception {
        List<String> dump = dump(open("kmod34", "modules.alias.bin"));
        assertEquals(26222, dump.size());
    }

    private static List<String> dump(BinaryIndex index) throws Exception {
        List<String> out = new ArrayList<>();
        index.forEach((key, value) -> out.add(key + "\t" + value.value()));
        return out;
    }
}
