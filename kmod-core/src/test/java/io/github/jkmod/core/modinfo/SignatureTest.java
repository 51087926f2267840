package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.core.elf.ModuleFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Appended signatures: PKCS#7 made by OpenSSL (see {@code signatures/README.md}), the old PGP and
 * X509 forms, and the malformed or unsupported ones that modinfo silently leaves out.
 */
class SignatureTest {
    @TempDir
    Path tmp;

    static byte[] der(String name) throws IOException {
        try (InputStream in = SignatureTest.class.getResourceAsStream("signatures/" + name + ".der")) {
            return in.readAllBytes();
        }
    }

    private ModuleFile signed(String name, byte[] trailer) throws Exception {
        Path file = ElfBuilder.elf64(false).modinfo("name", name).append(trailer).write(tmp.resolve(name + ".ko"));
        Oracle.assertModinfo(file);
        return ModuleFile.read(file);
    }

    static Stream<Arguments> pkcs7() {
        return Stream.of(
                Arguments.of("s1", "Test signing key", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789", "sha512"),
                Arguments.of("s2", "No Common Name", "01", "sha1"),
                Arguments.of("s5", "EC key", "80", "sha384"),
                Arguments.of("s6", "EC key", "80", "sha224"),
                Arguments.of("s7", "Test signing key", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789", "md5"),
                Arguments.of("s8", "Unit", "FF", "sha256"),
                Arguments.of("s9", "First", "", "sha256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pkcs7")
    void pkcs7Signatures(String name, String signer, String keyHex, String hash) throws Exception {
        byte[] der = der(name);
        ModuleFile m = signed(name, ElfBuilder.pkcs7Trailer(der));
        ModuleSignature sig = m.signature().orElseThrow();
        assertEquals("PKCS#7", sig.idType());
        assertEquals(signer, sig.signer());
        assertEquals(keyHex, HexFormat.of().withUpperCase().formatHex(sig.keyId()));
        assertEquals(hash, sig.hashAlgorithm());
        assertEquals(m.imageSize() - 40 - der.length, sig.signedLength());
        assertEquals(5, m.info().size() - m.modinfo().size());
    }

    @Test
    void keyIdAndSignatureWrapAfterTwentyBytes() throws Exception {
        ModuleFile m = signed("s1", ElfBuilder.pkcs7Trailer(der("s1")));
        assertEquals("01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:\n\t\t89:AB:CD:EF:01:23:45:67:89",
                m.info().stream().filter(f -> f.key().equals("sig_key")).findFirst().orElseThrow().value());
        assertEquals("", ModuleSignature.hex(new byte[0]));
        assertEquals("00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13",
                ModuleSignature.hex(range(20)));
        assertEquals("00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:\n\t\t14",
                ModuleSignature.hex(range(21)));
    }

    private static byte[] range(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void oldPgpAndX509Forms() throws Exception {
        ModuleFile pgp = signed("pgp", ElfBuilder.signatureTrailer(1, 4, 0,
                "Signer Name".getBytes(StandardCharsets.UTF_8), range(25), range(45)));
        ModuleSignature s = pgp.signature().orElseThrow();
        assertEquals(List.of("PGP", "Signer Name", "sha256"), List.of(s.idType(), s.signer(), s.hashAlgorithm()));
        assertEquals(45, s.signature().length);
        ModuleFile sm3 = signed("sm3", ElfBuilder.signatureTrailer(1, 8, 1, new byte[] {'X'}, new byte[] {1, 2},
                new byte[] {(byte) 0xff}));
        assertEquals(List.of(new ModinfoField("name", "sm3"), new ModinfoField("sig_id", "X509"),
                new ModinfoField("signer", "X"), new ModinfoField("sig_key", "01:02"),
                new ModinfoField("sig_hashalgo", "sm3"), new ModinfoField("signature", "FF")), sm3.info());
    }

    @Test
    void unsignedModule() throws Exception {
        ModuleFile m = signed("plain", new byte[0]);
        assertEquals(Optional.empty(), m.signature());
        assertEquals(m.modinfo(), m.info());
    }

    static Stream<Arguments> unusable() throws IOException {
        byte[] tooLong = ElfBuilder.pkcs7Trailer(new byte[] {0x30, 3, 1, 2, 3});
        tooLong[tooLong.length - 32] = 0x7f; // most significant byte of sig_len
        return Stream.of(
                Arguments.of("sha3", ElfBuilder.pkcs7Trailer(der("s3")),
                        "offset 571: unsupported signature hash algorithm 2.16.840.1.101.3.4.2.8"),
                Arguments.of("keyid", ElfBuilder.pkcs7Trailer(der("s4")),
                        "offset 537: signer identified by subject key identifier is not supported"),
                Arguments.of("garbage", ElfBuilder.pkcs7Trailer(new byte[] {0x30, 3, 1, 2, 3}),
                        "offset 474: DER element length 2 exceeds its container"),
                Arguments.of("notder", ElfBuilder.pkcs7Trailer(new byte[] {0x30, (byte) 0x82, 0x7f}),
                        "offset 472: truncated DER element"),
                Arguments.of("toolong", tooLong, "offset 485: signature length 2130706437 exceeds the 477 bytes before it"),
                Arguments.of("idtype3", ElfBuilder.signatureTrailer(1, 2, 3, new byte[] {'X'}, new byte[] {1}, new byte[] {1}),
                        "offset 477: unknown signature id type 3"),
                Arguments.of("hash9", ElfBuilder.signatureTrailer(1, 9, 1, new byte[] {'X'}, new byte[] {1}, new byte[] {1}),
                        "offset 476: unknown signature hash algorithm 9"),
                Arguments.of("empty", ElfBuilder.signatureTrailer(1, 2, 1, new byte[0], new byte[0], new byte[0]),
                        "offset 480: empty module signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusable")
    void unusableSignaturesFailAndModinfoLeavesThemOut(String name, byte[] trailer, String message) throws Exception {
        ModuleFile m = signed(name, trailer);
        ModuleFormatException e = assertThrows(ModuleFormatException.class, m::signature);
        assertEquals(m.file() + ": " + message, e.getMessage());
        assertEquals(m.modinfo(), m.info());
    }
}
