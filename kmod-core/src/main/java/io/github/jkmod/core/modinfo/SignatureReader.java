package io.github.jkmod.core.modinfo;

import io.github.jkmod.core.elf.ModuleFormatException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and decodes the signature appended to a module image: the trailer, the 12-byte
 * {@code struct module_signature} before it ({@code u8 algo, hash, id_type, signer_len, key_id_len,
 * pad[3]; be32 sig_len}), and for PKCS#7 the few DER fields that {@code modinfo} shows.
 */
final class SignatureReader {
    private static final byte[] MAGIC = ModuleSignature.MAGIC.getBytes(StandardCharsets.US_ASCII);
    private static final int STRUCT_SIZE = 12;
    private static final List<String> HASHES =
            List.of("md4", "md5", "sha1", "rmd160", "sha256", "sha384", "sha512", "sha224", "sm3");
    private static final Map<String, String> HASH_OIDS = Map.of(
            "1.2.840.113549.2.4", "md4", "1.2.840.113549.2.5", "md5", "1.3.14.3.2.26", "sha1",
            "1.3.36.3.2.1", "rmd160", "2.16.840.1.101.3.4.2.1", "sha256", "2.16.840.1.101.3.4.2.2", "sha384",
            "2.16.840.1.101.3.4.2.3", "sha512", "2.16.840.1.101.3.4.2.4", "sha224", "1.2.156.10197.1.401", "sm3");
    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    private static final String COMMON_NAME = "2.5.4.3";

    private SignatureReader() {
    }

    static Optional<ModuleSignature> read(Path file, byte[] image) throws ModuleFormatException {
        int len = image.length;
        if (len < MAGIC.length
                || !Arrays.equals(image, len - MAGIC.length, len, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        int at = len - MAGIC.length - STRUCT_SIZE;
        if (at < 0) {
            throw new ModuleFormatException(file, len - MAGIC.length,
                    "signature trailer without room for struct module_signature");
        }
        int hash = image[at + 1] & 0xff;
        int idType = image[at + 2] & 0xff;
        int signerLen = image[at + 3] & 0xff;
        int keyIdLen = image[at + 4] & 0xff;
        long sigLen = ((image[at + 8] & 0xffL) << 24) | ((image[at + 9] & 0xff) << 16)
                | ((image[at + 10] & 0xff) << 8) | (image[at + 11] & 0xff);
        if (sigLen == 0) {
            throw new ModuleFormatException(file, at + 8, "empty module signature");
        }
        long extra = idType == 2 ? 0 : signerLen + keyIdLen;
        if (sigLen + extra > at) {
            throw new ModuleFormatException(file, at + 8, "signature length " + sigLen
                    + (extra > 0 ? " (plus " + extra + " bytes of signer and key id)" : "")
                    + " exceeds the " + at + " bytes before it");
        }
        int sigStart = (int) (at - sigLen);
        byte[] sig = Arrays.copyOfRange(image, sigStart, at);
        switch (idType) {
            case 0:
            case 1: {
                if (hash >= HASHES.size()) {
                    throw new ModuleFormatException(file, at + 1, "unknown signature hash algorithm " + hash);
                }
                int signerStart = sigStart - keyIdLen - signerLen;
                String signer = new String(image, signerStart, signerLen, StandardCharsets.UTF_8);
                byte[] keyId = Arrays.copyOfRange(image, signerStart + signerLen, sigStart);
                return Optional.of(new ModuleSignature(idType == 0 ? "PGP" : "X509", signer, keyId,
                        HASHES.get(hash), sig, signerStart));
            }
            case 2:
                return Optional.of(pkcs7(file, sigStart, sig));
            default:
                throw new ModuleFormatException(file, at + 2, "unknown signature id type " + idType);
        }
    }

    private static ModuleSignature pkcs7(Path file, int base, byte[] der) throws ModuleFormatException {
        Der d = new Der(file, base, der);
        Der.Tlv content = d.root();
        if (content.tag() != Der.SEQUENCE) {
            throw d.error(0, "PKCS#7 signature is not a DER SEQUENCE");
        }
        Der.Tlv type = d.expect(content.start(), content, Der.OID, "content type");
        if (!SIGNED_DATA.equals(d.oid(type))) {
            throw d.error(type.headerStart(), "PKCS#7 content type " + d.oid(type) + " is not signedData");
        }
        Der.Tlv explicit = d.expect(type.end(), content, Der.CONTEXT_0, "signedData content");
        Der.Tlv signed = d.expect(explicit.start(), explicit, Der.SEQUENCE, "SignedData");
        Der.Tlv version = d.expect(signed.start(), signed, Der.INTEGER, "SignedData version");
        Der.Tlv digests = d.expect(version.end(), signed, Der.SET, "digestAlgorithms");
        Der.Tlv inner = d.expect(digests.end(), signed, Der.SEQUENCE, "contentInfo");
        int at = inner.end();
        while (at < signed.end()) { // skip certificates [0] and crls [1]
            Der.Tlv optional = d.read(at, signed.end());
            if (optional.tag() != 0xa0 && optional.tag() != 0xa1) {
                break;
            }
            at = optional.end();
        }
        Der.Tlv signerInfos = d.expect(at, signed, Der.SET, "signerInfos");
        Der.Tlv info = d.expect(signerInfos.start(), signerInfos, Der.SEQUENCE, "SignerInfo");
        Der.Tlv infoVersion = d.expect(info.start(), info, Der.INTEGER, "SignerInfo version");
        Der.Tlv sid = d.read(infoVersion.end(), info.end());
        if (sid.tag() != Der.SEQUENCE) {
            throw d.error(sid.headerStart(), "signer identified by subject key identifier is not supported");
        }
        Der.Tlv issuer = d.expect(sid.start(), sid, Der.SEQUENCE, "issuer name");
        Der.Tlv serial = d.expect(issuer.end(), sid, Der.INTEGER, "serial number");
        Der.Tlv digestAlg = d.expect(sid.end(), info, Der.SEQUENCE, "digestAlgorithm");
        Der.Tlv digestOid = d.expect(digestAlg.start(), digestAlg, Der.OID, "digest algorithm");
        String hash = HASH_OIDS.get(d.oid(digestOid));
        if (hash == null) {
            throw d.error(digestOid.headerStart(), "unsupported signature hash algorithm " + d.oid(digestOid));
        }
        at = digestAlg.end();
        if (at < info.end() && d.read(at, info.end()).tag() == Der.CONTEXT_0) { // authenticatedAttributes
            at = d.read(at, info.end()).end();
        }
        Der.Tlv encAlg = d.expect(at, info, Der.SEQUENCE, "digestEncryptionAlgorithm");
        Der.Tlv encrypted = d.expect(encAlg.end(), info, Der.OCTET_STRING, "encryptedDigest");
        return new ModuleSignature("PKCS#7", signer(d, issuer), magnitude(d.bytes(serial)), hash,
                d.bytes(encrypted), base);
    }

    /** The first common name of the issuer, or else its last attribute value. */
    private static String signer(Der d, Der.Tlv name) throws ModuleFormatException {
        String last = "";
        for (int rdnAt = name.start(); rdnAt < name.end();) {
            Der.Tlv rdn = d.expect(rdnAt, name, Der.SET, "relative distinguished name");
            for (int attrAt = rdn.start(); attrAt < rdn.end();) {
                Der.Tlv attr = d.expect(attrAt, rdn, Der.SEQUENCE, "name attribute");
                Der.Tlv oid = d.expect(attr.start(), attr, Der.OID, "name attribute type");
                if (oid.end() >= attr.end()) {
                    throw d.error(attr.headerStart(), "missing name attribute value");
                }
                Der.Tlv value = d.read(oid.end(), attr.end());
                last = text(value.tag(), d.bytes(value));
                if (COMMON_NAME.equals(d.oid(oid))) {
                    return last;
                }
                attrAt = attr.end();
            }
            rdnAt = rdn.end();
        }
        return last;
    }

    private static String text(int tag, byte[] bytes) {
        if (tag == 0x1e) {
            return new String(bytes, StandardCharsets.UTF_16BE); // BMPString
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The serial number's magnitude, without leading zero bytes (zero has none). */
    private static byte[] magnitude(byte[] integer) {
        if (integer.length > 0 && integer[0] < 0) {
            integer = new BigInteger(integer).negate().toByteArray();
        }
        int i = 0;
        while (i < integer.length && integer[i] == 0) {
            i++;
        }
        return Arrays.copyOfRange(integer, i, integer.length);
    }
}
