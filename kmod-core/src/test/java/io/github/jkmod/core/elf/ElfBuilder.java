package io.github.jkmod.core.elf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small, valid relocatable ELF files shaped like kernel modules, for tests and example
 * module trees: 32- or 64-bit, little- or big-endian, with a {@code .modinfo} section
 * ({@code key=value\0} records in the order given), a {@code __versions} table, exported symbols
 * ({@code __kcrctab} + {@code __crc_X} and {@code __ksymtab_X} symbols + {@code __ksymtab_strings},
 * as a 6.1 kernel build lays them out), any extra section, and bytes appended after the ELF data
 * (e.g. a module signature).
 *
 * <pre>{@code
 * byte[] ko = ElfBuilder.elf64(false).modinfo("name", "foo").modinfo("license", "GPL")
 *         .parm("debug", "Debug level", "int").version(0x12345678L, "module_layout").build();
 * }</pre>
 */
public final class ElfBuilder {
    /** e_machine x86-64. */
    public static final int EM_X86_64 = 62;
    /** e_machine i386. */
    public static final int EM_386 = 3;
    /** e_machine PowerPC (32-bit). */
    public static final int EM_PPC = 20;
    /** e_machine PowerPC 64. */
    public static final int EM_PPC64 = 21;
    /** e_machine s390. */
    public static final int EM_S390 = 22;

    private final boolean is64;
    private final boolean bigEndian;
    private int machine;
    private final ByteArrayOutputStream modinfo = new ByteArrayOutputStream();
    private boolean hasModinfo;
    private final List<Object[]> versions = new ArrayList<>();
    private final List<Object[]> exports = new ArrayList<>();
    private final List<Object[]> absoluteCrcs = new ArrayList<>();
    private final List<String> exportStrings = new ArrayList<>();
    private final Map<String, Object[]> extra = new LinkedHashMap<>();
    private boolean symtab = true;
    private byte[] appended = new byte[0];

    private ElfBuilder(boolean is64, boolean bigEndian) {
        this.is64 = is64;
        this.bigEndian = bigEndian;
        this.machine = is64 ? (bigEndian ? EM_S390 : EM_X86_64) : (bigEndian ? EM_PPC : EM_386);
    }

    /** A 64-bit builder (x86-64 when little-endian, s390 when big-endian). */
    public static ElfBuilder elf64(boolean bigEndian) {
        return new ElfBuilder(true, bigEndian);
    }

    /** A 32-bit builder (i386 when little-endian, PowerPC when big-endian). */
    public static ElfBuilder elf32(boolean bigEndian) {
        return new ElfBuilder(false, bigEndian);
    }

    /**
     * A typical x86-64 module: {@code name}, {@code vermagic}, {@code license}, then what the
     * caller adds. Mind that the real tools print {@code .modinfo} records in file order.
     */
    public static ElfBuilder module(String name, String vermagic) {
        return elf64(false).modinfo("license", "GPL").modinfo("name", name).modinfo("vermagic", vermagic);
    }

    /** Sets {@code e_machine}. */
    public ElfBuilder machine(int machine) {
        this.machine = machine;
        return this;
    }

    /** Adds the record {@code key=value} to {@code .modinfo}. */
    public ElfBuilder modinfo(String key, String value) {
        return modinfoRecord(key + "=" + value);
    }

    /** Adds one raw NUL-terminated record to {@code .modinfo} (no {@code =} added). */
    public ElfBuilder modinfoRecord(String record) {
        hasModinfo = true;
        modinfo.writeBytes(record.getBytes(StandardCharsets.UTF_8));
        modinfo.write(0);
        return this;
    }

    /** Adds raw bytes (e.g. NUL padding) to {@code .modinfo}. */
    public ElfBuilder modinfoBytes(byte[] bytes) {
        hasModinfo = true;
        modinfo.writeBytes(bytes);
        return this;
    }

    /** Adds {@code parm=NAME:DESC} then {@code parmtype=NAME:TYPE}. */
    public ElfBuilder parm(String name, String description, String type) {
        return modinfo("parm", name + ":" + description).modinfo("parmtype", name + ":" + type);
    }

    /** Adds a {@code depends=} record. */
    public ElfBuilder depends(String... modules) {
        return modinfo("depends", String.join(",", modules));
    }

    /** Adds an {@code alias=} record. */
    public ElfBuilder alias(String alias) {
        return modinfo("alias", alias);
    }

    /** Adds an entry to {@code __versions} ({@code symbol} truncated to fit the name field). */
    public ElfBuilder version(long crc, String symbol) {
        versions.add(new Object[] {crc, symbol.getBytes(StandardCharsets.UTF_8)});
        return this;
    }

    /** Adds an entry to {@code __versions} whose name field is exactly {@code name} (no NUL added). */
    public ElfBuilder versionRaw(long crc, byte[] name) {
        versions.add(new Object[] {crc, name});
        return this;
    }

    /** Exports {@code symbol} with {@code crc} in {@code __kcrctab}, as a modversions kernel does. */
    public ElfBuilder export(long crc, String symbol) {
        exports.add(new Object[] {crc, symbol});
        exportStrings.add(symbol);
        return this;
    }

    /** Exports {@code symbol} with an absolute {@code __crc_} symbol whose value is the crc (old kernels). */
    public ElfBuilder exportAbsoluteCrc(long crc, String symbol) {
        absoluteCrcs.add(new Object[] {crc, symbol});
        exportStrings.add(symbol);
        return this;
    }

    /** Exports {@code symbol} without a crc (a kernel without modversions). */
    public ElfBuilder exportWithoutCrc(String symbol) {
        exportStrings.add(symbol);
        return this;
    }

    /** Leaves out {@code .symtab} and {@code .strtab}. */
    public ElfBuilder withoutSymtab() {
        symtab = false;
        return this;
    }

    /** Adds a section (after the generated ones, before {@code .symtab}). */
    public ElfBuilder section(String name, int type, long flags, byte[] data) {
        extra.put(name, new Object[] {type, flags, data.clone()});
        return this;
    }

    /** Bytes appended after the ELF data (a module signature and its trailer, garbage, ...). */
    public ElfBuilder append(byte[] bytes) {
        appended = bytes.clone();
        return this;
    }

    /**
     * The bytes a signing tool appends to a module: signer, key id and signature, then
     * {@code struct module_signature} (algo, hash, id_type, signer_len, key_id_len, 3 pad bytes,
     * big-endian sig_len) and the {@code ~Module signature appended~\n} trailer.
     */
    public static byte[] signatureTrailer(int algo, int hash, int idType, byte[] signer, byte[] keyId,
            byte[] signature) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(signer);
        o.writeBytes(keyId);
        o.writeBytes(signature);
        o.writeBytes(new byte[] {(byte) algo, (byte) hash, (byte) idType, (byte) signer.length,
            (byte) keyId.length, 0, 0, 0});
        o.writeBytes(ByteBuffer.allocate(4).putInt(signature.length).array());
        o.writeBytes("~Module signature appended~\n".getBytes(StandardCharsets.US_ASCII));
        return o.toByteArray();
    }

    /** The trailer of a PKCS#7 signature ({@code id_type} 2), as the kernel's sign-file appends it. */
    public static byte[] pkcs7Trailer(byte[] der) {
        return signatureTrailer(0, 0, 2, new byte[0], new byte[0], der);
    }

    /** Builds the file and writes it to {@code file}. */
    public Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, build());
        return file;
    }

    /** Builds the file. */
    public byte[] build() {
        List<Sec> secs = new ArrayList<>();
        secs.add(new Sec("", 0, 0, new byte[0]));
        if (hasModinfo) {
            secs.add(new Sec(".modinfo", 1, 2, modinfo.toByteArray()));
        }
        if (!versions.isEmpty()) {
            int w = is64 ? 8 : 4;
            ByteBuffer b = order(ByteBuffer.allocate(64 * versions.size()));
            for (int i = 0; i < versions.size(); i++) {
                putWord(b, 64 * i, (Long) versions.get(i)[0]);
                byte[] name = (byte[]) versions.get(i)[1];
                b.position(64 * i + w);
                b.put(name, 0, Math.min(name.length, 64 - w));
            }
            secs.add(new Sec("__versions", 1, 2, b.array()));
        }
        int kcrctab = -1;
        if (!exports.isEmpty()) {
            ByteBuffer b = order(ByteBuffer.allocate(4 * exports.size()));
            for (Object[] e : exports) {
                b.putInt((int) (long) (Long) e[0]);
            }
            kcrctab = secs.size();
            secs.add(new Sec("__kcrctab", 1, 2, b.array()));
        }
        int ksymtab = -1;
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        if (!exportStrings.isEmpty()) {
            ksymtab = secs.size();
            secs.add(new Sec("__ksymtab", 1, 2, new byte[12 * exportStrings.size()]));
            for (String s : exportStrings) {
                strings.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                strings.write(0);
            }
            secs.add(new Sec("__ksymtab_strings", 1, 0x32, strings.toByteArray()));
        }
        for (Map.Entry<String, Object[]> e : extra.entrySet()) {
            Object[] v = e.getValue();
            secs.add(new Sec(e.getKey(), (Integer) v[0], (Long) v[1], (byte[]) v[2]));
        }
        if (symtab) {
            ByteArrayOutputStream strtab = new ByteArrayOutputStream();
            strtab.write(0);
            List<long[]> syms = new ArrayList<>();
            syms.add(new long[] {0, 0, 0, 0});
            for (int i = 0; i < exports.size(); i++) {
                syms.add(new long[] {name(strtab, "__crc_" + exports.get(i)[1]), 4L * i, 0, kcrctab});
            }
            for (Object[] e : absoluteCrcs) {
                syms.add(new long[] {name(strtab, "__crc_" + e[1]), (Long) e[0], 0, ElfSymbol.SHN_ABS});
            }
            for (int i = 0; i < exportStrings.size(); i++) {
                syms.add(new long[] {name(strtab, "__ksymtab_" + exportStrings.get(i)), 12L * i, 0, ksymtab});
            }
            int entSize = is64 ? 24 : 16;
            ByteBuffer b = order(ByteBuffer.allocate(entSize * syms.size()));
            for (int i = 0; i < syms.size(); i++) {
                long[] s = syms.get(i);
                int at = i * entSize;
                b.putInt(at, (int) s[0]);
                if (is64) {
                    b.put(at + 4, (byte) s[2]);
                    b.putShort(at + 6, (short) s[3]);
                    b.putLong(at + 8, s[1]);
                } else {
                    b.putInt(at + 4, (int) s[1]);
                    b.put(at + 12, (byte) s[2]);
                    b.putShort(at + 14, (short) s[3]);
                }
            }
            Sec sym = new Sec(".symtab", 2, 0, b.array());
            sym.link = secs.size() + 1;
            sym.info = syms.size();
            sym.entSize = entSize;
            secs.add(sym);
            secs.add(new Sec(".strtab", 3, 0, strtab.toByteArray()));
        }
        ByteArrayOutputStream shstr = new ByteArrayOutputStream();
        shstr.write(0);
        Sec shstrtab = new Sec(".shstrtab", 3, 0, null);
        secs.add(shstrtab);
        for (Sec s : secs) {
            s.nameIndex = s.name.isEmpty() ? 0 : name(shstr, s.name);
        }
        shstrtab.data = shstr.toByteArray();

        int headerSize = is64 ? 64 : 52;
        int shentsize = is64 ? 64 : 40;
        long at = headerSize;
        for (Sec s : secs) {
            if (s.data.length > 0) {
                at = (at + 7) & ~7L;
                s.offset = at;
                at += s.data.length;
            }
        }
        long shoff = (at + 7) & ~7L;
        long end = shoff + (long) shentsize * secs.size();
        ByteBuffer out = order(ByteBuffer.allocate((int) end + appended.length));
        out.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (bigEndian ? 2 : 1), 1});
        out.putShort(16, (short) 1); // ET_REL
        out.putShort(18, (short) machine);
        out.putInt(20, 1);
        if (is64) {
            out.putLong(0x28, shoff);
            out.putShort(0x34, (short) headerSize);
            out.putShort(0x3a, (short) shentsize);
            out.putShort(0x3c, (short) secs.size());
            out.putShort(0x3e, (short) (secs.size() - 1));
        } else {
            out.putInt(0x20, (int) shoff);
            out.putShort(0x28, (short) headerSize);
            out.putShort(0x2e, (short) shentsize);
            out.putShort(0x30, (short) secs.size());
            out.putShort(0x32, (short) (secs.size() - 1));
        }
        for (int i = 0; i < secs.size(); i++) {
            Sec s = secs.get(i);
            out.position((int) s.offset);
            out.put(s.data);
            int h = (int) shoff + i * shentsize;
            out.putInt(h, s.nameIndex);
            out.putInt(h + 4, s.type);
            if (is64) {
                out.putLong(h + 8, s.flags);
                out.putLong(h + 0x18, s.offset);
                out.putLong(h + 0x20, s.data.length);
                out.putInt(h + 0x28, s.link);
                out.putInt(h + 0x2c, s.info);
                out.putLong(h + 0x30, i == 0 ? 0 : 8);
                out.putLong(h + 0x38, s.entSize);
            } else {
                out.putInt(h + 8, (int) s.flags);
                out.putInt(h + 0x10, (int) s.offset);
                out.putInt(h + 0x14, s.data.length);
                out.putInt(h + 0x18, s.link);
                out.putInt(h + 0x1c, s.info);
                out.putInt(h + 0x20, i == 0 ? 0 : 4);
                out.putInt(h + 0x24, s.entSize);
            }
        }
        out.position((int) end);
        out.put(appended);
        return out.array();
    }

    private ByteBuffer order(ByteBuffer b) {
        return b.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    private void putWord(ByteBuffer b, int at, long value) {
        if (is64) {
            b.putLong(at, value);
        } else {
            b.putInt(at, (int) value);
        }
    }

    private static int name(ByteArrayOutputStream table, String name) {
        int at = table.size();
        table.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        table.write(0);
        return at;
    }

    private static final class Sec {
        final String name;
        final int type;
        final long flags;
        byte[] data;
        int nameIndex;
        long offset;
        int link;
        int info;
        int entSize;

        Sec(String name, int type, long flags, byte[] data) {
            this.name = name;
            this.type = type;
            this.flags = flags;
            this.data = data;
        }
    }
}
