package io.github.jkmod.core.depmod;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.elf.ElfFile;
import io.github.jkmod.core.elf.ElfSection;
import io.github.jkmod.core.elf.ElfSymbol;
import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.internal.jna.NativeXz;
import io.github.jkmod.core.modinfo.ModuleFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads from one module file what depmod needs, as libkmod hands it to depmod: the exported
 * symbols ({@code __crc_*} entries of {@code .symtab}, or else the strings of
 * {@code __ksymtab_strings}), the undefined symbols with their {@code __versions} crcs, and the
 * {@code alias}, {@code softdep} and {@code weakdep} records of {@code .modinfo}.
 */
final class ModuleReader {
    private static final String CRC_PREFIX = "__crc_";
    private static final int EM_SPARC = 2;
    private static final int EM_SPARCV9 = 43;
    private static final int STT_REGISTER = 13;
    private static final int STB_WEAK = 2;
    private static final int ELF_MAGIC = 0x7f454c46;
    private static final int XZ_MAGIC = 0xfd377a58;
    private static final byte[] CRC_BYTES = CRC_PREFIX.getBytes(StandardCharsets.ISO_8859_1);

    private ModuleReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @param file the module file, compressed or not
     * @return its contents
     * @throws KmodException when it cannot be read, decompressed or parsed as ELF
     */
    static ModuleContents read(Path file) throws KmodException {
        ByteBuffer map = mapped(file);
        if (map.capacity() > 6 && map.getInt(0) == XZ_MAGIC) {
            try (NativeXz.Decoded decoded = NativeXz.decode(map, ModuleFile.MAX_IMAGE_SIZE)) {
                if (decoded != null) {
                    return read(file, elfImage(file, decoded.buffer()));
                }
            }
        }
        ByteBuffer image = map;
        if (map.capacity() < 4 || map.getInt(0) != ELF_MAGIC) {
            byte[] raw = new byte[map.capacity()];
            map.get(0, raw);
            image = ByteBuffer.wrap(ModuleFile.uncompressed(file, raw));
        }
        return read(file, elfImage(file, image));
    }

    private static ModuleContents read(Path file, ByteBuffer image) throws KmodException {
        ElfFile elf = ElfFile.parse(file, image);
        List<ElfSymbol> symbols = List.of();
        Optional<ElfSection> symtab = elf.section(".symtab");
        Optional<ElfSection> strtab = elf.section(".strtab");
        if (symtab.isPresent() && strtab.isPresent()) {
            symbols = relevantSymbols(elf, symtab.get(), strtab.get());
        }
        List<ModuleContents.Symbol> exports = exports(elf, symbols);
        List<ModuleContents.Symbol> deps = dependencySymbols(elf, symbols);
        List<String> aliases = new ArrayList<>();
        List<String> softdeps = new ArrayList<>();
        List<String> weakdeps = new ArrayList<>();
        Optional<ElfSection> modinfo = elf.section(".modinfo");
        if (modinfo.isPresent()) {
            for (String record : strings(elf.bytes(modinfo.get()), 0)) {
                int eq = record.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = record.substring(0, eq);
                String value = record.substring(eq + 1);
                switch (key) {
                    case "alias":
                        aliases.add(value);
                        break;
                    case "softdep":
                        softdeps.add(value);
                        break;
                    case "weakdep":
                        weakdeps.add(value);
                        break;
                    default:
                        break;
                }
            }
        }
        return new ModuleContents(exports, deps, aliases, softdeps, weakdeps);
    }

    /**
     * The entries of {@code .symtab} that depmod looks at, in table order: the undefined ones and
     * the {@code __crc_*} ones (entry 0 skipped). Only their names are decoded: most entries of a
     * module are its own local symbols. Both tables are copied out of the image in one piece each and
     * read from the heap.
     */
    private static List<ElfSymbol> relevantSymbols(ElfFile elf, ElfSection symtab, ElfSection strtab)
            throws ModuleFormatException {
        elf.checkData(symtab);
        elf.checkData(strtab);
        boolean is64 = elf.is64();
        int entSize = is64 ? 24 : 16;
        int count = symtab.type() == ElfSection.SHT_NOBITS ? 0 : (int) (symtab.size() / entSize);
        ByteBuffer sym = ByteBuffer.wrap(elf.bytes(symtab)).order(elf.order());
        byte[] str = elf.bytes(strtab);
        int strSize = str.length;
        List<ElfSymbol> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int at = i * entSize;
            long nameIndex = sym.getInt(at) & 0xffffffffL;
            int info = sym.get(at + (is64 ? 4 : 12)) & 0xff;
            int shndx = sym.getShort(at + (is64 ? 6 : 14)) & 0xffff;
            long entryOffset = symtab.offset() + at;
            if (nameIndex >= strSize) {
                throw new ModuleFormatException(elf.file(), entryOffset, "symbol name offset " + nameIndex
                        + " outside .strtab (" + strSize + " bytes)");
            }
            int from = (int) nameIndex;
            boolean undefined = shndx == ElfSymbol.SHN_UNDEF;
            if (!undefined && !startsWith(str, from, CRC_BYTES)) {
                continue;
            }
            int end = from;
            while (end < strSize && str[end] != 0) {
                end++;
            }
            if (end == strSize) {
                throw new ModuleFormatException(elf.file(), strtab.offset() + from, "unterminated string in .strtab");
            }
            long value = is64 ? sym.getLong(at + 8) : sym.getInt(at + 4) & 0xffffffffL;
            out.add(new ElfSymbol(i, new String(str, from, end - from, StandardCharsets.ISO_8859_1), value, 0, info,
                    shndx, entryOffset));
        }
        return out;
    }

    private static boolean startsWith(byte[] b, int from, byte[] prefix) {
        if (b.length - from < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[from + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A module file mapped into memory (only the pages read are loaded). A compressed one is then
     * decoded: an xz file by liblzma when it can ({@link NativeXz}), else, and every other
     * compression, by the pure-Java decoders.
     */
    private static ByteBuffer mapped(Path file) throws KmodException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = Files.isRegularFile(file) ? ch.size() : 0;
            if (size == 0) {
                throw new UnreadableModuleException(file, "Invalid argument", null);
            }
            if (size > ModuleFile.MAX_IMAGE_SIZE) {
                throw new ModuleFormatException(file, ModuleFile.MAX_IMAGE_SIZE, "file exceeds the limit of "
                        + ModuleFile.MAX_IMAGE_SIZE + " bytes");
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw new UnreadableModuleException(file, Depmod.reason(e), e);
        }
    }

    /** {@code image}, once it is seen to start as an ELF file does. */
    private static ByteBuffer elfImage(Path file, ByteBuffer image) throws UnreadableModuleException {
        if (image.capacity() <= 16 || image.getInt(0) != ELF_MAGIC) {
            throw new UnreadableModuleException(file, "Exec format error", null);
        }
        return image;
    }

    private static List<ModuleContents.Symbol> exports(ElfFile elf, List<ElfSymbol> symbols) throws ModuleFormatException {
        List<ModuleContents.Symbol> out = new ArrayList<>();
        for (ElfSymbol s : symbols) {
            if (s.name().startsWith(CRC_PREFIX)) {
                out.add(new ModuleContents.Symbol(s.name().substring(CRC_PREFIX.length()), crc(elf, s), false));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        Optional<ElfSection> ksymtab = elf.section("__ksymtab_strings");
        if (ksymtab.isEmpty()) {
            return out;
        }
        byte[] data = elf.bytes(ksymtab.get());
        int start = 0;
        while (data.length - start > 1 && data[start] == 0) {
            start++;
        }
        if (data.length - start <= 1) {
            return out;
        }
        if (data[data.length - 1] != 0) {
            throw new ModuleFormatException(elf.file(), ksymtab.get().offset() + data.length - 1,
                    "section __ksymtab_strings does not end with a NUL byte");
        }
        for (String name : strings(data, start)) {
            out.add(new ModuleContents.Symbol(name, 0, false));
        }
        return out;
    }

    /** The crc of a {@code __crc_} symbol as libkmod resolves it (all ones when it cannot). */
    private static long crc(ElfFile elf, ElfSymbol s) {
        int shndx = s.sectionIndex();
        if (shndx == ElfSymbol.SHN_ABS || shndx == ElfSymbol.SHN_UNDEF) {
            return s.value();
        }
        try {
            ElfSection sec = elf.section(shndx, s.entryOffset());
            if (sec.size() < 4 || s.value() < 0 || s.value() > sec.size() - 4) {
                return -1L;
            }
            return elf.read(sec.offset() + s.value(), 4, "crc");
        } catch (ModuleFormatException e) {
            return -1L;
        }
    }

    private static List<ModuleContents.Symbol> dependencySymbols(ElfFile elf, List<ElfSymbol> symbols)
            throws ModuleFormatException {
        List<ModuleContents.Symbol> out = new ArrayList<>();
        List<String> versionNames = new ArrayList<>();
        List<Long> versionCrcs = new ArrayList<>();
        Optional<ElfSection> versions = elf.section("__versions");
        if (versions.isPresent() && versions.get().size() % 64 == 0) {
            byte[] data = elf.bytes(versions.get());
            int w = elf.wordSize();
            for (int at = 0; at < data.length; at += 64) {
                int end = at + w;
                while (end < at + 64 && data[end] != 0) {
                    end++;
                }
                versionNames.add(end == at + 64 ? null : new String(data, at + w, end - at - w, StandardCharsets.ISO_8859_1));
                versionCrcs.add(elf.read(versions.get().offset() + at, w, "__versions crc"));
            }
        }
        boolean[] visited = new boolean[versionNames.size()];
        Map<String, Integer> firstVersion = new HashMap<>();
        for (int v = 0; v < versionNames.size(); v++) {
            if (versionNames.get(v) != null) {
                firstVersion.putIfAbsent(versionNames.get(v), v);
            }
        }
        boolean sparc = elf.machine() == EM_SPARC || elf.machine() == EM_SPARCV9;
        for (ElfSymbol s : symbols) {
            if (s.sectionIndex() != ElfSymbol.SHN_UNDEF || (sparc && (s.info() & 0xf) == STT_REGISTER)
                    || s.name().isEmpty()) {
                continue;
            }
            long crc = 0;
            Integer v = firstVersion.get(s.name());
            if (v != null) {
                visited[v] = true;
                crc = versionCrcs.get(v);
            }
            out.add(new ModuleContents.Symbol(s.name(), crc, (s.info() >> 4) == STB_WEAK));
        }
        for (int v = 0; v < visited.length; v++) {
            if (!visited[v]) {
                if (versionNames.get(v) == null) {
                    throw new ModuleFormatException(elf.file(), versions.get().offset() + 64L * v,
                            "symbol name in __versions entry " + v + " too long");
                }
                out.add(new ModuleContents.Symbol(versionNames.get(v), versionCrcs.get(v), false));
            }
        }
        return out;
    }

    private static List<String> strings(byte[] data, int from) {
        List<String> out = new ArrayList<>();
        int start = from;
        for (int i = from; i <= data.length; i++) {
            if (i == data.length || data[i] == 0) {
                if (i > start) {
                    out.add(new String(data, start, i - start, StandardCharsets.ISO_8859_1));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
