package io.github.jkmod.cli.modinfo;

import static io.github.jkmod.cli.modinfo.ModinfoRuns.compare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.core.upstream.UpstreamTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases of kmod's {@code testsuite/test-modinfo.c}, recreated with this test's own fixtures
 * (modules written by {@link ElfBuilder}, signatures from kmod-core's test DER files, trees by
 * {@link UpstreamTree}) and run by the real {@code modinfo} of the chosen oracle and by jkmod's:
 * {@code -F FIELD} of a simple module for {@code filename}, {@code author}, {@code license},
 * {@code description}, {@code parm} and {@code depends}; {@code -F signer}, {@code sig_key} and
 * {@code sig_hashalgo} of signed modules (PKCS#7 with SHA-1, SHA-256 and SHA-512, and the legacy
 * X.509 and PGP forms); a module whose {@code modules.dep} path lies outside the module directory
 * ({@code test_modinfo_external}); and a builtin module found through {@code modules.builtin.bin}
 * with its fields from {@code modules.builtin.modinfo} ({@code test_modinfo_builtin}).
 */
class UpstreamModinfoConformanceTest {
    @TempDir
    static Path tmp;

    private static Path simple;
    private static final List<String> SIGNED = new ArrayList<>();

    @BeforeAll
    static void fixtures() throws IOException {
        simple = moduleSimple().write(tmp.resolve("mod-simple.ko"));
        for (String der : List.of("s2", "s8", "s1")) {
            SIGNED.add(moduleSimple().append(ElfBuilder.pkcs7Trailer(der(der)))
                    .write(tmp.resolve("mod-simple-pkcs7-" + der + ".ko")).toString());
        }
        byte[] keyId = new byte[20];
        byte[] signature = new byte[256];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) (i * 7);
            keyId[i % 20] = (byte) (0xa0 + i % 20);
        }
        byte[] signer = "Magrathea: Glacier signing key".getBytes(StandardCharsets.US_ASCII);
        SIGNED.add(moduleSimple().append(ElfBuilder.signatureTrailer(1, 2, 1, signer, keyId, signature))
                .write(tmp.resolve("mod-simple-x509-sha1.ko")).toString());
        SIGNED.add(moduleSimple().append(ElfBuilder.signatureTrailer(1, 4, 0, signer, keyId, signature))
                .write(tmp.resolve("mod-simple-pgp-sha256.ko")).toString());
    }

    private static byte[] der(String name) throws IOException {
        try (InputStream in = ElfBuilder.class.getResourceAsStream(
                "/io/github/jkmod/core/modinfo/signatures/" + name + ".der")) {
            assertTrue(in != null, "kmod-core's test signature " + name);
            return in.readAllBytes();
        }
    }

    /** A simple module: two authors, a license, a description, three parameters, no dependency. */
    private static ElfBuilder moduleSimple() {
        return ElfBuilder.module("mod_simple", UpstreamTree.VERMAGIC)
                .modinfo("author", "Lucas De Marchi <lucas.demarchi@intel.com>")
                .modinfo("author", "Another Author <another@example.org>")
                .modinfo("license", "GPL").modinfo("description", "Simple module for tests")
                .parm("arg1", "Integer argument", "int").parm("arg2", "String argument", "charp")
                .modinfoRecord("parmtype=arg3:bool").depends();
    }

    @ParameterizedTest(name = "-F {0}")
    @ValueSource(strings = {"filename", "author", "license", "description", "parm", "depends"})
    void genericFields(String field) {
        ModinfoRuns.Outcome o = compare(List.of("-F", field, simple.toString()));
        assertEquals(0, o.status());
        if (field.equals("filename")) {
            assertEquals(simple + "\n", o.stdout());
        }
    }

    @ParameterizedTest(name = "-F {0}")
    @ValueSource(strings = {"signer", "sig_key", "sig_hashalgo", "sig_id", "signature"})
    void signatureFields(String field) {
        List<String> args = new ArrayList<>(List.of("-F", field));
        args.addAll(SIGNED);
        assertEquals(0, compare(args).status());
        List<String> all = new ArrayList<>(SIGNED);
        assertEquals(0, compare(all).status());
    }

    @Test
    void externalModule() throws IOException {
        Path external = tmp.resolve("external-dir/mod-simple.ko");
        Files.createDirectories(external.getParent());
        moduleSimple().write(external);
        UpstreamTree tree = UpstreamTree.at(tmp.resolve("external"), "4.4.4").depmodLike(external + ":").write();
        ModinfoRuns.Outcome o = compare(List.of("-b", tree.root().toString(), "-k", tree.release(),
                "-F", "filename", "mod-simple"));
        assertEquals(external + "\n", o.stdout());
        assertEquals(0, o.status());
    }

    @Test
    void builtinModule() throws IOException {
        UpstreamTree tree = UpstreamTree.at(tmp.resolve("builtin"), "6.11.0")
                .text("modules.builtin", "kernel/arch/x86/events/intel/intel-uncore.ko").write();
        Files.writeString(tree.moduleDirectory().resolve("modules.builtin.modinfo"),
                "intel_cstate.license=GPL\0"
                        + "intel_uncore.file=arch/x86/events/intel/intel-uncore\0"
                        + "intel_uncore.license=GPL\0"
                        + "intel_uncore.parmtype=uncore_no_discover:bool\0"
                        + "intel_uncore.parm=uncore_no_discover:Don't enable the Intel uncore PerfMon discovery mechanism\0"
                        + "intel_uncore.alias=cpu:type:x86,ven0000fam0006mod002A:feature:*\0"
                        + "rapl.license=GPL\0", StandardCharsets.US_ASCII);
        ModinfoRuns.Outcome o = compare(List.of("-b", tree.root().toString(), "-k", tree.release(), "intel_uncore"));
        assertTrue(o.stdout().startsWith("name:           intel_uncore\nfilename:       (builtin)\n"), o.stdout());
        assertEquals(0, o.status());
    }
}
