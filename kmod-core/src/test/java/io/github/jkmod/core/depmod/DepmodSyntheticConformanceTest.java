package io.github.jkmod.core.depmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.core.modinfo.CompressedModulesTest;
import io.github.jkmod.core.modinfo.Compression;
import io.github.jkmod.core.testsupport.ConformanceProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * jkmod's depmod against the oracle's real depmod on small trees of synthetic modules (made with
 * {@link ElfBuilder}; the oracle sees the same files): symbol dependencies through
 * {@code __versions}, duplicate exports, aliases, softdeps, weakdeps, devnames, compressed modules,
 * {@code modules.order} with duplicate, missing and unknown lines, odd {@code modules.builtin} and
 * {@code modules.builtin.modinfo} records, broken module files, cycles.
 */
class DepmodSyntheticConformanceTest {
    private static final String RELEASE = "4.2-jkmod-synthetic";
    private Path scratch;
    private Path root;
    private Path dir;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        RealModprobe.require();
        Oracle.current().depmod();
        scratch = OracleDepmod.scratch();
        root = scratch.resolve("root");
        dir = Files.createDirectories(root.resolve("lib/modules").resolve(RELEASE));
        config = Files.createDirectories(scratch.resolve("depmod.d"));
    }

    @AfterEach
    void cleanUp() throws IOException {
        OracleDepmod.delete(scratch);
    }

    private Path put(String relative, byte[] data) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.write(f, data);
        return f;
    }

    private static byte[] module(String name, ElfBuilder b) {
        return b.build();
    }

    private void text(String relative, String content) throws IOException {
        put(relative, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Runs both; returns the oracle's files after checking status, messages and files. */
    private Map<String, byte[]> compare(List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("-C", config.toString(), "-b", root.toString()));
        args.addAll(extraArgs);
        args.add(RELEASE);
        RealModprobe.Outcome real = OracleDepmod.run(args);
        Map<String, byte[]> expected = OracleDepmod.outputs(dir);
        List<String> messages = new ArrayList<>();
        Map<String, byte[]> actual = Map.of();
        int status = 0;
        try {
            Depmod.Builder builder = Depmod.builder();
            for (int i = 0; i < extraArgs.size(); i++) {
                switch (extraArgs.get(i)) {
                    case "-E":
                        builder.symvers(Path.of(extraArgs.get(++i)));
                        break;
                    case "-F":
                        builder.systemMap(Path.of(extraArgs.get(++i)));
                        break;
                    case "-P":
                        builder.symbolPrefix(extraArgs.get(++i).charAt(0));
                        break;
                    default:
                        break;
                }
            }
            actual = builder.root(root).release(RELEASE).configPaths(List.of(config))
                    .printUnknown(extraArgs.contains("-e"))
                    .profile(ConformanceProfile.profile()).warnDuplicates(extraArgs.contains("-w")).listener(m -> {
                        if (m.level().compareTo(DepmodMessage.Level.WARNING) <= 0) {
                            messages.add(m.line("depmod"));
                        }
                    }).build().run().files();
        } catch (KmodException e) {
            status = 1;
        }
        assertEquals(real.stderr(), messages.isEmpty() ? "" : String.join("\n", messages) + "\n", "messages");
        assertEquals(real.status(), status, "exit status");
        assertEquals(expected.keySet(), new TreeSet<>(actual.keySet()), "files written");
        for (String name : expected.keySet()) {
            DepmodConformanceTest.assertSameFile(name, expected.get(name), actual.get(name));
        }
        return expected;
    }

    private void buildTree() throws IOException {
        put("kernel/lib/core_a.ko", module("core_a", ElfBuilder.module("core_a", "v").export(0x11, "a_one")
                .export(0x12, "a_two").alias("pci:v00001234d*sv*").alias("devname:jkmod-a")
                .alias("char-major-10-200").modinfo("softdep", "pre: core_b post: c").modinfo("weakdep", "d")));
        put("kernel/lib/core-b.ko", module("core_b",
                ElfBuilder.module("core_b", "v").export(0x21, "b_one").version(0x11, "a_one")
                        .alias("usb-jkmod-b[-x]*").alias("bad[bracket").alias("block-major-+8-1")
                        .alias("devname:disk/b")));
        // Debian's kmod 30 and 34.2 are built without zlib: a .ko.gz file is no module for them
        put("kernel/lib/gz-only.ko.gz", CompressedModulesTest.compress(Compression.GZIP, module("gz_only",
                ElfBuilder.module("gz_only", "v").export(0x41, "gz_sym"))));
        put("kernel/drivers/c.ko.xz", CompressedModulesTest.compress(Compression.XZ, module("c",
                ElfBuilder.module("c", "v").export(0x31, "a_one").exportWithoutCrc("c_plain")
                        .version(0x21, "b_one").version(0x12, "a_two").version(0x99, "module_layout"))));
        put("kernel/drivers/d.ko.zst", CompressedModulesTest.compress(Compression.ZSTD, module("d",
                ElfBuilder.module("d", "v").version(0, "c_plain").alias("devname:lonely").alias("char-major-x-1"))));
        put("kernel/drivers/e.ko", module("e", ElfBuilder.module("e", "v").withoutSymtab().exportWithoutCrc("e_sym")
                .version(0, "d_missing")));
        put("updates/e.ko", module("e", ElfBuilder.module("e", "v").export(1, "e_sym").version(0, "a_one")));
        put("kernel/drivers/not-elf.ko", "this is not ELF\n".getBytes(StandardCharsets.US_ASCII));
        put("kernel/drivers/empty.ko", new byte[0]);
        byte[] whole = module("trunc", ElfBuilder.module("trunc", "v").export(5, "t_sym"));
        put("kernel/drivers/trunc.ko", java.util.Arrays.copyOf(whole, whole.length / 2));
        put("build/skipped.ko", module("skipped", ElfBuilder.module("skipped", "v")));
        put("kernel/source/skipped2.ko", module("skipped2", ElfBuilder.module("skipped2", "v")));
        text("kernel/drivers/readme.txt", "not a module\n");
        try {
            Process fifo = new ProcessBuilder("mkfifo", dir.resolve("kernel/drivers/fifo.ko").toString()).start();
            assertEquals(0, fifo.waitFor(), "mkfifo");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void syntheticTree() throws IOException {
        buildTree();
        text("modules.order", "kernel/drivers/c.ko\nkernel/missing.ko\nkernel/lib/core-b.ko\n\nkernel/lib/core_a.ko\n"
                + "kernel/drivers/c.ko\nkernel/drivers/e.ko\n");
        text("modules.builtin", "kernel/fs/ext4/ext4.ko\n1bad/line.ko\n\nkernel/lib/crc-x.ko\nkernel/noext\n");
        put("modules.builtin.modinfo", ("ext4.alias=fs-ext4\0ext4.description=x\0noperiod\0crc_x.alias=crc-x[-]*\0"
                + "crc_x.alias=bad[\0noequals.\0ext4.alias=fs-ext3\0").getBytes(StandardCharsets.ISO_8859_1));
        Map<String, byte[]> files = compare(List.of());
        if (ConformanceProfile.profile() == KmodProfile.KMOD_30) {
            // kmod 30 sorts c (listed twice in modules.order) by its last line, after core_a: c then
            // owns a_one, which core_b needs, and c needs core_b's b_one: a cycle, nothing written
            assertEquals(Map.of(), files);
        } else {
            // kmod 34 sorts c by its first line, before core_a, which then owns a_one
            String dep = new String(files.get("modules.dep"), StandardCharsets.ISO_8859_1);
            assertTrue(dep.contains("kernel/drivers/c.ko.xz: kernel/lib/core-b.ko kernel/lib/core_a.ko"), dep);
        }
    }

    @Test
    void syntheticTreeWithoutOrderOrBuiltin() throws IOException {
        buildTree();
        compare(List.of());
    }

    @Test
    void orderWithoutFinalNewline() throws IOException {
        buildTree();
        text("modules.order", "kernel/lib/core_a.ko\nkernel/drivers/c.ko");
        compare(List.of());
    }

    @Test
    void cycle() throws IOException {
        put("kernel/x.ko", module("x", ElfBuilder.module("x", "v").export(1, "xs").version(0, "ys")));
        put("kernel/y.ko", module("y", ElfBuilder.module("y", "v").export(2, "ys").version(0, "zs")));
        put("kernel/z.ko", module("z", ElfBuilder.module("z", "v").export(3, "zs").version(0, "xs")));
        put("kernel/w.ko", module("w", ElfBuilder.module("w", "v").export(4, "ws").version(0, "ws2")));
        put("kernel/w2.ko", module("w2", ElfBuilder.module("w2", "v").export(4, "ws2").version(0, "ws")));
        put("kernel/user.ko", module("user", ElfBuilder.module("user", "v").version(0, "xs")));
        put("kernel/free.ko", module("free", ElfBuilder.module("free", "v").export(9, "fs")));
        put("kernel/self.ko", module("self", ElfBuilder.module("self", "v").export(5, "self_sym").version(5, "self_sym")));
        compare(List.of());
    }

    @Test
    void warnDuplicates() throws IOException {
        buildTree();
        put("kernel/dup.ko", module("dup", ElfBuilder.module("dup", "v").alias("same").alias("same")
                .export(1, "dup_sym")));
        compare(List.of("-w"));
    }

    /** -e with -E Module.symvers (unknown symbols, crc mismatches, weak ones), -F System.map, -P. */
    @Test
    void unknownSymbolsAndVersions() throws IOException {
        put("kernel/k1.ko", module("k1", ElfBuilder.module("k1", "v").export(0x10, "k1_sym")
                .version(0x1234, "printk").version(0x9999, "kmalloc").version(0, "nobody_exports_this")));
        put("kernel/k2.ko", module("k2", ElfBuilder.module("k2", "v").version(0x11, "k1_sym")
                .version(0x55, "_GLOBAL_OFFSET_TABLE_").version(1, "__this_module").version(2, "module_layout")));
        put("kernel/k3.ko", module("k3", ElfBuilder.module("k3", "v").exportWithoutCrc("_k3_plain")
                .version(0, "_k1_sym").version(0, ".k1_sym")));
        Path symvers = scratch.resolve("Module.symvers");
        Files.writeString(symvers, "0x00001234\tprintk\tvmlinux\tEXPORT_SYMBOL\n0x00005678\tkmalloc\tvmlinux\tEXPORT_SYMBOL\n"
                + "0xzz\tbroken\tvmlinux\tEXPORT_SYMBOL\n0x1\tother\tdrivers/x\tEXPORT_SYMBOL\nshort line\n");
        Path systemMap = scratch.resolve("System.map");
        Files.writeString(systemMap, "ffffffff81000000 T _text\nffffffff82000000 r __ksymtab_printk\n"
                + "ffffffff82000010 r __ksymtab_kmalloc\nbroken\n");
        compare(List.of("-e", "-E", symvers.toString()));
        compare(List.of("-e", "-F", systemMap.toString()));
        compare(List.of("-e", "-F", systemMap.toString(), "-P", "_"));
        compare(List.of("-e"));
    }
}
