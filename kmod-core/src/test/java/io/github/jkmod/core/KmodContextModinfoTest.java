package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.modinfo.ModinfoField;
import io.github.jkmod.core.modinfo.ModuleFile;
import io.github.jkmod.core.modinfo.ModuleInfo;
import io.github.jkmod.core.modinfo.ModuleParameter;
import io.github.jkmod.core.modinfo.ModuleSignature;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.core.upstream.UpstreamTree;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KmodContext#modinfo(String)} and the typed {@link ModuleInfo}: on modules of this test's
 * own (every accessor), on a tree of its own (a path, a name, an alias giving two modules, a builtin
 * module, nothing found, a broken file), and on the real Debian tree of the oracle, cross-checked
 * field by field with the real {@code modinfo -F}.
 */
class KmodContextModinfoTest {
    @TempDir
    Path tmp;

    private static byte[] der(String name) throws IOException {
        try (InputStream in = ElfBuilder.class.getResourceAsStream(
                "/io/github/jkmod/core/modinfo/signatures/" + name + ".der")) {
            return in.readAllBytes();
        }
    }

    private static ElfBuilder richModule(String name) {
        return ElfBuilder.elf64(false).modinfo("license", "GPL v2").modinfo("name", name)
                .modinfo("vermagic", "6.1.0 SMP mod_unload ")
                .modinfo("author", "A").modinfo("author", "B").modinfo("description", "rich module")
                .alias("pci:v00001234d*").alias("usb:v1234p*").modinfo("softdep", "pre: crc32c")
                .modinfo("firmware", "rich/fw1.bin").modinfo("firmware", "rich/fw2.bin")
                .parm("debug", "Debug level", "int").modinfoRecord("parmtype=mode:charp")
                .modinfoRecord("parm=quiet:Be quiet").modinfoRecord("parm=broken").depends("dep_a", "dep_b");
    }

    @Test
    void typedAccessorsOfAFile() throws Exception {
        Path file = richModule("rich").append(ElfBuilder.pkcs7Trailer(der("s8"))).write(tmp.resolve("rich.ko"));
        KmodContext ctx = emptyTree().build();
        List<ModuleInfo> found = ctx.modinfo(file.toString());
        assertEquals(1, found.size());
        ModuleInfo info = found.get(0);
        assertEquals("rich", info.name());
        assertEquals(Optional.of(file), info.file());
        assertFalse(info.isBuiltin());
        assertEquals(Optional.of("GPL v2"), info.license());
        assertEquals(Optional.of("rich module"), info.description());
        assertEquals(List.of("A", "B"), info.authors());
        assertEquals(List.of("pci:v00001234d*", "usb:v1234p*"), info.aliases());
        assertEquals(List.of("pre: crc32c"), info.softdeps());
        assertEquals(List.of("rich/fw1.bin", "rich/fw2.bin"), info.firmware());
        assertEquals(Optional.of("6.1.0 SMP mod_unload "), info.vermagic());
        assertEquals(List.of("dep_a", "dep_b"), info.depends());
        assertEquals(List.of(new ModuleParameter("debug", Optional.of("int"), Optional.of("Debug level")),
                new ModuleParameter("mode", Optional.of("charp"), Optional.empty()),
                new ModuleParameter("quiet", Optional.empty(), Optional.of("Be quiet"))), info.parameters());
        ModuleSignature sig = info.signature().orElseThrow();
        assertEquals("PKCS#7", sig.idType());
        assertEquals("sha256", sig.hashAlgorithm());
        assertEquals(ModuleFile.read(file).info(), info.fields());
        List<String> keys = new ArrayList<>();
        info.fields().forEach(f -> keys.add(f.key()));
        assertEquals(List.of("sig_id", "signer", "sig_key", "sig_hashalgo", "signature"),
                keys.subList(keys.size() - 5, keys.size()));
    }

    @Test
    void unsignedModuleWithoutFields() throws Exception {
        Path file = ElfBuilder.elf64(false).modinfo("name", "bare").write(tmp.resolve("bare.ko"));
        ModuleInfo info = emptyTree().build().modinfo(file.toString()).get(0);
        assertEquals(Optional.empty(), info.signature());
        assertEquals(Optional.empty(), info.license());
        assertEquals(List.of(), info.depends());
        assertEquals(List.of(), info.parameters());
        assertEquals(List.of("bare"), info.values("name"));
    }

    private KmodContext.Builder emptyTree() {
        UpstreamTree t = UpstreamTree.at(tmp.resolve("empty-root"), "1.0").depmodLike().write();
        return KmodContext.builder().root(t.root()).release(t.release()).configPaths(List.of());
    }

    @Test
    void namesAliasesBuiltinsAndFailuresOnATree() throws Exception {
        UpstreamTree t = UpstreamTree.at(tmp.resolve("root"), "4.4.4")
                .dep("kernel/mod-a.ko:", "kernel/mod-b.ko:", "kernel/broken.ko:")
                .text("modules.alias", "alias shared-alias mod_a", "alias shared-alias mod_b")
                .text("modules.builtin", "kernel/net/unix/unix.ko")
                .conf("x.conf", "alias conf-alias mod_b").write();
        Files.write(t.moduleDirectory().resolve("kernel/broken.ko"), "not a module at all".getBytes(StandardCharsets.US_ASCII));
        Files.write(t.moduleDirectory().resolve("modules.builtin.modinfo"),
                "unix.license=GPL\0unix.alias=net-pf-1\0".getBytes(StandardCharsets.US_ASCII));
        KmodContext ctx = KmodContext.builder().root(t.root()).release(t.release()).configPaths(List.of()).build();
        assertEquals(List.of("mod_a"), names(ctx.modinfo("mod-a")));
        assertEquals(t.moduleDirectory().resolve("kernel/mod-a.ko"), ctx.modinfo("mod_a").get(0).file().orElseThrow());
        assertEquals(List.of("mod_a", "mod_b"), names(ctx.modinfo("shared-alias")));
        ModuleInfo unix = ctx.modinfo("unix").get(0);
        assertTrue(unix.isBuiltin());
        assertEquals(List.of(new ModinfoField("license", "GPL"), new ModinfoField("alias", "net-pf-1")), unix.fields());
        assertThrows(ModuleNotFoundException.class, () -> ctx.modinfo("conf-alias"), "no configuration read");
        assertThrows(ModuleNotFoundException.class, () -> ctx.modinfo("nothing-at-all"));
        assertThrows(ModuleFormatException.class, () -> ctx.modinfo("broken"));
        KmodContext configured = KmodContext.builder().root(t.root()).release(t.release())
                .configPaths(List.of(t.configDirectory())).build();
        assertEquals(List.of("mod_b"), names(configured.modinfo("conf-alias")));
        assertEquals(Optional.of(KernelModule.named("unix")), ctx.lookupName("unix.ko"));
        assertEquals(Optional.empty(), ctx.lookupName("shared-alias"));
    }

    private static List<String> names(List<ModuleInfo> infos) {
        List<String> out = new ArrayList<>();
        infos.forEach(i -> out.add(i.name()));
        return out;
    }

    /** The typed accessors against the real {@code modinfo -F} on modules of the real tree. */
    @Test
    void realTreeAgainstTheRealModinfo() throws Exception {
        FetchedTree tree = FetchedTree.require();
        KmodContext ctx = KmodContext.builder().root(tree.root()).release(tree.release()).configPaths(List.of()).build();
        List<String> names = new ArrayList<>(List.of("ext4", "e1000e", "snd_hda_intel", "xfs"));
        List<String> dep = Files.readAllLines(tree.moduleDir().resolve("modules.dep"));
        for (int i = 0; i < dep.size(); i += 250) {
            names.add(FetchedTree.moduleName(dep.get(i).substring(0, dep.get(i).indexOf(':'))));
        }
        List<String> builtin = Files.readAllLines(tree.moduleDir().resolve("modules.builtin"));
        for (int i = 0; i < builtin.size(); i += 40) {
            names.add(FetchedTree.moduleName(builtin.get(i)));
        }
        for (String name : names) {
            List<ModuleInfo> infos = ctx.modinfo(name);
            assertEquals(1, infos.size(), name);
            ModuleInfo info = infos.get(0);
            // a module may have two licenses (pcs_xpcs of Debian 13: GPL v2, then GPL): license() is the first
            String licenses = real(tree, "license", name);
            assertEquals(licenses, lines(info.values("license")), name);
            assertEquals(licenses.isEmpty() ? Optional.empty() : Optional.of(licenses.substring(0, licenses.indexOf('\n'))),
                    info.license(), name);
            assertEquals(real(tree, "author", name), lines(info.authors()), name);
            assertEquals(real(tree, "alias", name), lines(info.aliases()), name);
            assertEquals(real(tree, "firmware", name), lines(info.firmware()), name);
            assertEquals(real(tree, "signer", name), lines(info.signature().map(ModuleSignature::signer).stream().toList()), name);
            assertEquals(real(tree, "depends", name), lines(info.isBuiltin() ? List.of() : List.of(String.join(",", info.depends()))), name);
            List<String> params = new ArrayList<>();
            for (ModuleParameter p : info.parameters()) {
                params.add(0, p.name() + ":" + p.description().orElse("") + p.type().map(ty -> " (" + ty + ")").orElse(""));
            }
            assertEquals(real(tree, "parm", name), lines(params), name);
        }
    }

    private static String lines(List<String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach(v -> sb.append(v).append('\n'));
        return sb.toString();
    }

    private static String real(FetchedTree tree, String field, String name) {
        RealModprobe.Outcome o = RealModprobe.capture(List.of(Oracle.current().modinfo().toString(), "-b",
                tree.root().toString(), "-k", tree.release(), "-F", field, name), Map.of("LC_ALL", "C"),
                StandardCharsets.UTF_8, Duration.ofSeconds(60));
        assertEquals(0, o.status(), o.stderr());
        return o.stdout();
    }
}
