package io.github.jkmod.core.modinfo;

import io.github.jkmod.core.elf.ModuleFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one builtin module from {@code modules.builtin.modinfo} (NUL-separated
 * {@code module.key=value} records written by the kernel build), in file order, with the
 * {@code module.} prefix removed. Kept small on purpose: a full reader of that file belongs with the
 * other index files.
 */
public final class BuiltinModinfo {
    private BuiltinModinfo() {
    }

    /**
     * The fields of builtin module {@code module} (its name as the file spells it: dashes turned to
     * underscores) found in {@code data}, the contents of {@code modules.builtin.modinfo}; empty when
     * the module has none. {@code file} is named in error messages.
     *
     * @param file the {@code modules.builtin.modinfo} file, for error messages
     * @param data the file's contents
     * @param module the builtin module's name
     * @return the module's fields, in file order
     * @throws ModuleFormatException when a record of the module has no {@code =}
     */
    public static List<ModinfoField> fields(Path file, byte[] data, String module) throws ModuleFormatException {
        byte[] prefix = (module + ".").getBytes(StandardCharsets.UTF_8);
        List<ModinfoField> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i < data.length && data[i] != 0) {
                continue;
            }
            if (i - start > prefix.length && startsWith(data, start, prefix)) {
                String record = new String(data, start + prefix.length, i - start - prefix.length,
                        StandardCharsets.UTF_8);
                if (record.indexOf('=') < 0) {
                    throw new ModuleFormatException(file, start, "record without '=' for module " + module);
                }
                out.add(ModinfoField.parse(record));
            }
            start = i + 1;
        }
        return List.copyOf(out);
    }

    /**
     * The fields of builtin module {@code module} as libkmod 34 reads {@code data}, the contents of
     * {@code modules.builtin.modinfo}: string after NUL-terminated string, the block of consecutive
     * strings that start with {@code module.}, the first such block only; a string without
     * {@code .} met before the block ends makes the whole file invalid. A record without {@code =}
     * is a key with an empty value. Empty when the module has no record.
     *
     * @param file the file {@code data} comes from, named in error messages
     * @param data the file's contents
     * @param module the module name as the file spells it
     * @return the fields, in file order
     * @throws ModuleFormatException at a string without {@code .} (kmod: {@code unexpected string
     *     without modname prefix})
     */
    public static List<ModinfoField> block(Path file, byte[] data, String module) throws ModuleFormatException {
        byte[] prefix = (module + ".").getBytes(StandardCharsets.UTF_8);
        List<ModinfoField> out = new ArrayList<>();
        int start = 0;
        while (start < data.length) {
            int end = start;
            while (end < data.length && data[end] != 0) {
                end++;
            }
            boolean dot = false;
            for (int i = start; i < end && !dot; i++) {
                dot = data[i] == '.';
            }
            if (!dot) {
                throw new ModuleFormatException(file, start, "unexpected string without modname prefix");
            }
            if (end - start >= prefix.length && startsWith(data, start, prefix)) {
                out.add(ModinfoField.parse(new String(data, start + prefix.length, end - start - prefix.length,
                        StandardCharsets.UTF_8)));
            } else if (!out.isEmpty()) {
                break;
            }
            start = end + 1;
        }
        return List.copyOf(out);
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
