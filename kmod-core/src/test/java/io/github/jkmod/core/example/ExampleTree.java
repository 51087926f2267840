package io.github.jkmod.core.example;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.index.IndexWriter;
import io.github.jkmod.index.TextIndexBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the small example module tree shipped in {@code kmod-cli/src/example}: a module
 * directory for the made-up release {@value #RELEASE} with small but valid ELF modules (a
 * {@code .modinfo} section with name, aliases, dependencies, parameters; exported symbols), the
 * text files depmod would write, and the {@code .bin} indexes written by jkmod's writer in
 * kmod 34's layout; plus a configuration directory. The real {@code modprobe} reads it too.
 *
 * <p>Regenerate with {@code java -cp ... io.github.jkmod.core.example.ExampleTree OUT_DIR};
 * {@code ExampleTreeTest} checks that the committed tree is exactly what this writes.
 */
public final class ExampleTree {

    /** The kernel release of the example tree. */
    public static final String RELEASE = "6.1.0-jkmod-example";

    private static final String VERMAGIC = RELEASE + " SMP preempt mod_unload modversions ";

    private ExampleTree() {
    }

    /** Writes {@code out/root/lib/modules/RELEASE/...} and {@code out/modprobe.d/}. */
    public static void write(Path out) throws IOException, KmodException {
        Path dir = out.resolve("root/lib/modules").resolve(RELEASE);
        Files.createDirectories(dir);
        module(dir, "kernel/lib/demo_crc.ko", ElfBuilder.module("demo_crc", VERMAGIC)
                .modinfo("description", "Demo checksum library")
                .alias("crypto-democrc")
                .parm("seed", "Initial checksum value", "uint")
                .export(0x1d2c3b4aL, "demo_crc_calc")
                .depends());
        module(dir, "kernel/lib/demo_core.ko", ElfBuilder.module("demo_core", VERMAGIC)
                .modinfo("description", "Demo core services")
                .export(0x5a6b7c8dL, "demo_core_register")
                .version(0x1d2c3b4aL, "demo_crc_calc")
                .depends("demo_crc"));
        module(dir, "kernel/drivers/net/demo_net.ko", ElfBuilder.module("demo_net", VERMAGIC)
                .modinfo("description", "Demo network driver")
                .alias("pci:v00001234d00005678sv*sd*bc02sc00i*")
                .alias("net-pf-99-proto-1")
                .parm("debug", "Debug level (0-3)", "int")
                .parm("mtu", "Default MTU", "uint")
                .version(0x5a6b7c8dL, "demo_core_register")
                .version(0x1d2c3b4aL, "demo_crc_calc")
                .depends("demo_core", "demo_crc"));
        module(dir, "kernel/fs/demofs/demofs.ko", ElfBuilder.module("demofs", VERMAGIC)
                .modinfo("description", "Demo file system")
                .alias("fs-demofs")
                .version(0x5a6b7c8dL, "demo_core_register")
                .depends("demo_core"));
        module(dir, "kernel/drivers/misc/demo-misc.ko", ElfBuilder.module("demo_misc", VERMAGIC)
                .modinfo("description", "Demo misc device")
                .alias("devname:demo-misc")
                .alias("char-major-10-250")
                .depends());
        text(dir, "modules.dep", List.of(
                "kernel/lib/demo_crc.ko:",
                "kernel/lib/demo_core.ko: kernel/lib/demo_crc.ko",
                "kernel/drivers/net/demo_net.ko: kernel/lib/demo_core.ko kernel/lib/demo_crc.ko",
                "kernel/fs/demofs/demofs.ko: kernel/lib/demo_core.ko kernel/lib/demo_crc.ko",
                "kernel/drivers/misc/demo-misc.ko:"));
        text(dir, "modules.order", List.of(
                "kernel/lib/demo_crc.ko",
                "kernel/lib/demo_core.ko",
                "kernel/drivers/net/demo_net.ko",
                "kernel/fs/demofs/demofs.ko",
                "kernel/drivers/misc/demo-misc.ko"));
        text(dir, "modules.alias", List.of(
                "# Aliases extracted from modules themselves.",
                "alias crypto-democrc demo_crc",
                "alias pci:v00001234d00005678sv*sd*bc02sc00i* demo_net",
                "alias net-pf-99-proto-1 demo_net",
                "alias fs-demofs demofs",
                "alias devname:demo-misc demo_misc",
                "alias char-major-10-250 demo_misc"));
        text(dir, "modules.symbols", List.of(
                "# Aliases for symbols, used by symbol_request().",
                "alias symbol:demo_crc_calc demo_crc",
                "alias symbol:demo_core_register demo_core"));
        text(dir, "modules.builtin", List.of(
                "kernel/drivers/demo/demo_builtin.ko"));
        Files.write(dir.resolve("modules.builtin.modinfo"),
                ("demo_builtin.description=A demo module built into the kernel\0"
                        + "demo_builtin.alias=demo-builtin-alias\0").getBytes(StandardCharsets.US_ASCII));
        text(dir, "modules.softdep", List.of(
                "# Soft dependencies extracted from modules themselves.",
                "softdep demofs pre: demo_misc"));
        text(dir, "modules.devname", List.of(
                "# Device nodes to trigger on-demand module loading.",
                "demo_misc demo-misc c10:250"));
        TextIndexBuilder.of(dir).writeAll(dir, IndexWriter.Layout.PRE_ORDER);
        Path conf = out.resolve("modprobe.d");
        Files.createDirectories(conf);
        text(conf, "example.conf", List.of(
                "# An example configuration for the example tree.",
                "alias demo-nic demo_net",
                "options demo_net debug=1",
                "options demo-nic mtu=9000",
                "softdep demo_net post: demofs",
                "install demo_misc /bin/echo installing demo_misc $CMDLINE_OPTS",
                "blacklist demo_misc"));
    }

    private static void module(Path dir, String rel, ElfBuilder elf) throws IOException {
        Path file = dir.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.write(file, elf.build());
    }

    private static void text(Path dir, String name, List<String> lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
    }

    /** Writes the tree into {@code args[0]}. */
    public static void main(String[] args) throws IOException, KmodException {
        write(Path.of(args[0]));
    }
}
