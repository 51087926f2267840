package io.github.jkmod.core.modinfo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The signature appended to a module file (after the ELF data, before
 * {@code struct module_signature} and the {@code ~Module signature appended~\n} trailer), reduced
 * to what {@code modinfo} shows. For PKCS#7 (every kernel since 4.3) the signer is the issuer's
 * common name (or, without one, the issuer's last name attribute), the key id is the issuer
 * serial number and the hash algorithm comes from the SignerInfo; the older PGP and X509 forms
 * carry signer and key id as raw bytes. The byte arrays are copied in and out.
 *
 * @param idType {@code PKCS#7}, {@code PGP} or {@code X509}
 * @param signer who signed (the {@code signer} field)
 * @param keyId the key identifier (the {@code sig_key} field, printed in hex)
 * @param hashAlgorithm e.g. {@code sha256} (the {@code sig_hashalgo} field)
 * @param signature the raw signature bytes (the {@code signature} field, printed in hex)
 * @param signedLength how many bytes at the start of the image the signature covers (where the
 *     appended signature data begins)
 */
public record ModuleSignature(String idType, String signer, byte[] keyId, String hashAlgorithm,
        byte[] signature, long signedLength) {

    /** The trailer that ends a signed module file. */
    public static final String MAGIC = "~Module signature appended~\n";

    /**
     * Copies the arrays and checks for nulls.
     *
     * @param idType the signature's id type
     * @param signer who signed
     * @param keyId the key identifier; copied
     * @param hashAlgorithm the hash algorithm's name
     * @param signature the raw signature bytes; copied
     * @param signedLength how many bytes at the start of the image the signature covers
     */
    public ModuleSignature {
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        keyId = keyId.clone();
        signature = signature.clone();
    }

    /**
     * A copy of the key identifier.
     *
     * @return a new copy of the key identifier
     */
    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    /**
     * A copy of the signature bytes.
     *
     * @return a new copy of the signature bytes
     */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * The fields {@code modinfo} adds after the {@code .modinfo} records: {@code sig_id},
     * {@code signer}, {@code sig_key}, {@code sig_hashalgo}, {@code signature}, the byte strings in
     * {@link #hex(byte[])} form.
     *
     * @return the five fields, in the order modinfo prints them
     */
    public List<ModinfoField> fields() {
        return List.of(new ModinfoField("sig_id", idType), new ModinfoField("signer", signer),
                new ModinfoField("sig_key", hex(keyId)), new ModinfoField("sig_hashalgo", hashAlgorithm),
                new ModinfoField("signature", hex(signature)));
    }

    /**
     * Bytes the way {@code modinfo} prints keys and signatures: upper-case hex pairs joined by
     * {@code :}, 20 bytes to a line, each further line starting with two tabs
     * ({@code "AB:CD:...:EF:\n\t\t01:..."}); empty for no bytes.
     *
     * @param bytes the bytes to print
     * @return the text, without a trailing newline
     */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3 + bytes.length / 20 * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(i % 20 == 0 ? ":\n\t\t" : ":");
            }
            sb.append(Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 0xf, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(bytes[i] & 0xf, 16)));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModuleSignature s && idType.equals(s.idType) && signer.equals(s.signer)
                && Arrays.equals(keyId, s.keyId) && hashAlgorithm.equals(s.hashAlgorithm)
                && Arrays.equals(signature, s.signature) && signedLength == s.signedLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(idType, signer, Arrays.hashCode(keyId), hashAlgorithm, Arrays.hashCode(signature),
                signedLength);
    }

    @Override
    public String toString() {
        return "ModuleSignature[idType=" + idType + ", signer=" + signer + ", keyId=" + hex(keyId).replace(":\n\t\t", ":")
                + ", hashAlgorithm=" + hashAlgorithm + ", signature=" + signature.length + " bytes, signedLength="
                + signedLength + "]";
    }
}
