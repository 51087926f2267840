package io.github.jkmod.index.bench;

import io.github.jkmod.index.BinaryIndex;
import io.github.jkmod.index.IndexValue;
import io.github.jkmod.index.TestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The reader on the real Debian vectors: exact lookups in modules.dep.bin, wildcard searches in
 * modules.alias.bin (a mix of hits and misses), dumping, and opening a small and a large file.
 * Run with {@code mvn -o -pl kmod-index test-compile exec:exec@jmh} (see kmod-index/pom.xml).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IndexBenchmark {

    /** Module names, present and absent. */
    static final String[] DEP_KEYS = {
        "ext4", "e1000e", "snd_hda_intel", "xfs", "nouveau", "usbcore", "i915", "btrfs",
        "no_such_module", "ext44", "snd_hda_codec_realtek", "virtio_net", "zzz", "amdgpu",
    };

    /** Modalias strings: PCI and USB devices and other buses, matching and not. */
    static final String[] ALIAS_QUERIES = {
        "pci:v00008086d00001502sv00000000sd00000000bc02sc00i00",
        "pci:v000010DEd00001234sv00000000sd00000000bc03sc00i00",
        "pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00",
        "pci:v0000ABCDd00001234sv00000000sd00000000bcFFsc00i00",
        "pci:v00008086d0000A0EFsv00001028sd00000A20bc04sc03i00",
        "usb:v0000p0000d0000dc09dsc00dp00ic09isc00ip00in00",
        "usb:v05ACp12A8d0000dc00dsc00dp00ic06isc01ip01in00",
        "usb:v1234p5678d0100dcFFdscFFdpFFicFFiscFFipFFin00",
        "usb:v046Dp0825d0010dcEFdsc02dp01ic01isc01ip00in00",
        "acpi:PNP0C0A:",
        "fs_ext4",
        "cpu:type:x86,ven0000fam0006mod0086:feature:,0000",
        "platform:i8042",
        "nosuchthing",
    };

    @Param({"kmod30", "kmod34"})
    public String layout;

    private BinaryIndex dep;
    private BinaryIndex alias;
    private Path aliasFile;
    private Path builtinAliasFile;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dep = BinaryIndex.open(TestVectors.file(layout, "modules.dep.bin"));
        aliasFile = TestVectors.file(layout, "modules.alias.bin");
        builtinAliasFile = TestVectors.file(layout, "modules.builtin.alias.bin");
        alias = BinaryIndex.open(aliasFile);
    }

    /** One exact lookup in modules.dep.bin (704 KB), cycling through {@link #DEP_KEYS}. */
    @Benchmark
    public Optional<String> lookupDep() throws Exception {
        next = (next + 1) % DEP_KEYS.length;
        return dep.lookup(DEP_KEYS[next]);
    }

    /** One wildcard search in modules.alias.bin (1.26 MB), cycling through {@link #ALIAS_QUERIES}. */
    @Benchmark
    public List<IndexValue> searchAlias() throws Exception {
        next = (next + 1) % ALIAS_QUERIES.length;
        return alias.search(ALIAS_QUERIES[next]);
    }

    /** The whole alias index dumped (26,222 entries). */
    @Benchmark
    public void forEachAlias(Blackhole bh) throws Exception {
        alias.forEach((key, value) -> bh.consume(value));
    }

    /** Opening (mapping and checking the header of) the 1.26 MB alias index. */
    @Benchmark
    public BinaryIndex openLarge() throws Exception {
        return BinaryIndex.open(aliasFile);
    }

    /** Baseline: reading the whole 1.26 MB alias index into memory, which open() does not do. */
    @Benchmark
    public byte[] readAllBytesLarge() throws Exception {
        return Files.readAllBytes(aliasFile);
    }

    /** Opening the 2.4 KB builtin alias index: about the cost of the large one. */
    @Benchmark
    public BinaryIndex openSmall() throws Exception {
        return BinaryIndex.open(builtinAliasFile);
    }
}
