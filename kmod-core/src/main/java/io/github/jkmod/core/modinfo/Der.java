package io.github.jkmod.core.modinfo;

import io.github.jkmod.core.elf.ModuleFormatException;
import java.nio.file.Path;

/**
 * The little of DER that reading a PKCS#7 module signature needs: one tag-length-value at a time,
 * definite lengths only, every length checked against its enclosing value. Offsets in errors are
 * file offsets ({@code base} + position in the DER bytes).
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int CONTEXT_0 = 0xa0;

    private final Path file;
    private final long base;
    private final byte[] data;

    Der(Path file, long base, byte[] data) {
        this.file = file;
        this.base = base;
        this.data = data;
    }

    /** One DER element: its tag, where its contents start and end (in {@code data}), and where it started. */
    record Tlv(int tag, int start, int end, int headerStart) {
        int length() {
            return end - start;
        }
    }

    /** The whole DER value as one element. */
    Tlv root() throws ModuleFormatException {
        return read(0, data.length);
    }

    /** Reads the element at {@code at}, which must end no later than {@code limit}. */
    Tlv read(int at, int limit) throws ModuleFormatException {
        if (at + 2 > limit) {
            throw error(at, "truncated DER element");
        }
        int tag = data[at] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw error(at, "unsupported DER tag 0x" + Integer.toHexString(tag));
        }
        int first = data[at + 1] & 0xff;
        int pos = at + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 4) {
                throw error(at + 1, "unsupported DER length encoding 0x" + Integer.toHexString(first));
            }
            if (pos + n > limit) {
                throw error(at, "truncated DER element");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (data[pos + i] & 0xff);
            }
            pos += n;
        }
        if (length > limit - pos) {
            throw error(at, "DER element length " + length + " exceeds its container");
        }
        return new Tlv(tag, pos, pos + (int) length, at);
    }

    /** Reads the element at {@code at} inside {@code parent} and checks its tag. */
    Tlv expect(int at, Tlv parent, int tag, String what) throws ModuleFormatException {
        if (at >= parent.end()) {
            throw error(at, "missing " + what);
        }
        Tlv t = read(at, parent.end());
        if (t.tag() != tag) {
            throw error(at, "expected " + what + " (tag 0x" + Integer.toHexString(tag) + "), found tag 0x"
                    + Integer.toHexString(t.tag()));
        }
        return t;
    }

    /** The contents of {@code t}. */
    byte[] bytes(Tlv t) {
        byte[] out = new byte[t.length()];
        System.arraycopy(data, t.start(), out, 0, out.length);
        return out;
    }

    /** An OBJECT IDENTIFIER's contents in dotted form. */
    String oid(Tlv t) throws ModuleFormatException {
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean firstArc = true;
        for (int i = t.start(); i < t.end(); i++) {
            int b = data[i] & 0xff;
            if (value > (Long.MAX_VALUE >> 7)) {
                throw error(i, "object identifier arc too large");
            }
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (firstArc) {
                    long a = Math.min(value / 40, 2);
                    sb.append(a).append('.').append(value - 40 * a);
                    firstArc = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        if (firstArc || (data[t.end() - 1] & 0x80) != 0) {
            throw error(t.headerStart(), "malformed object identifier");
        }
        return sb.toString();
    }

    ModuleFormatException error(int at, String what) {
        return new ModuleFormatException(file, base + at, what);
    }
}
