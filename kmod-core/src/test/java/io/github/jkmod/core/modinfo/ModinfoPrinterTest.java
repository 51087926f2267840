package io.github.jkmod.core.modinfo;

import io.github.jkmod.core.KmodProfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.elf.ElfBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corners of modinfo's output format, as observed on kmod 30: padding of long and empty keys,
 * records without {@code =}, NUL padding, the merging and order of parameters, {@code -F},
 * {@code -0} and builtin modules.
 */
class ModinfoPrinterTest {
    @TempDir
    Path tmp;

    private Path odd() throws Exception {
        return ElfBuilder.elf64(false).modinfo("license", "GPL").parm("a", "desc a", "int")
                .modinfo("parmtype", "b:uint").modinfo("parm", "b:desc b").modinfo("parm", "c:only desc")
                .modinfo("parmtype", "d:only type").modinfoRecord("noequals").modinfoBytes(new byte[3])
                .modinfo("abcdefghijklmnop", "16 key").modinfo("abcdefghijklmno", "15 key")
                .modinfo("abcdefghijklmnopqrst", "20 key").modinfo("", "empty key").modinfo("parm", "nocolon")
                .modinfo("parmtype", "nocolon2").modinfo("parm", "e:").modinfo("parmtype", "e:")
                .modinfo("parm", "a:again").modinfo("parm", "w:x:y").write(tmp.resolve("odd.ko"));
    }

    @Test
    void everyField() throws Exception {
        Path file = odd();
        List<String> errors = new ArrayList<>();
        String out = ModinfoPrinter.allFields().withProfile(KmodProfile.KMOD_30)
                .formatFile(file.toString(), ModuleFile.read(file).info(), errors::add);
        assertEquals(String.join("\n",
                "filename:       " + file,
                "license:        GPL",
                "noequals:       ",
                "abcdefghijklmnop: 16 key",
                "abcdefghijklmno:15 key",
                "abcdefghijklmnopqrst:     20 key",
                ":               empty key",
                "parm:           w:x:y",
                "parm:           e: ()",
                "parm:           d:only type",
                "parm:           c:only desc",
                "parm:           b:desc b (uint)",
                "parm:           a:again (int)", ""), out);
        assertEquals(List.of("Found invalid \"parm=nocolon\": missing ':'",
                "Found invalid \"parmtype=nocolon2\": missing ':'"), errors);
        // kmod 34 puts no space after a key that reaches column 16
        String kmod34 = ModinfoPrinter.allFields().formatFile(file.toString(), ModuleFile.read(file).info(), e -> { });
        assertEquals(out.replace("abcdefghijklmnop: 16 key", "abcdefghijklmnop:16 key")
                .replace("abcdefghijklmnopqrst:     20 key", "abcdefghijklmnopqrst:20 key"), kmod34);
        Oracle.assertModinfo(file);
    }

    @Test
    void nulSeparated() throws Exception {
        Path file = odd();
        String out = ModinfoPrinter.allFields().nulSeparated().formatFile(file.toString(),
                ModuleFile.read(file).info(), e -> { });
        assertEquals(String.join("\0",
                "filename:       " + file,
                "license=GPL", "noequals=", "abcdefghijklmnop=16 key", "abcdefghijklmno=15 key",
                "abcdefghijklmnopqrst=20 key", "=empty key",
                "parm:           w:x:y",
                "parm:           e: ()",
                "parm:           d:only type",
                "parm:           c:only desc",
                "parm:           b:desc b (uint)",
                "parm:           a:again (int)", ""), out);
    }

    @Test
    void oneField() throws Exception {
        Path file = odd();
        List<ModinfoField> info = ModuleFile.read(file).info();
        assertEquals("w:x:y\ne: ()\nd: (only type)\nc:only desc\nb:desc b (uint)\na:again (int)\n",
                ModinfoPrinter.onlyField("parm").formatFile(file.toString(), info, e -> { }));
        assertEquals("a:int\nb:uint\nd:only type\nnocolon2\ne:\n",
                ModinfoPrinter.onlyField("parmtype").formatFile(file.toString(), info, e -> { }));
        assertEquals("\n", ModinfoPrinter.onlyField("noequals").formatFile(file.toString(), info, e -> { }));
        assertEquals("empty key\n", ModinfoPrinter.onlyField("").formatFile(file.toString(), info, e -> { }));
        assertEquals("", ModinfoPrinter.onlyField("LICENSE").formatFile(file.toString(), info, e -> { }));
        assertEquals(file + "\0", ModinfoPrinter.onlyField("filename").nulSeparated()
                .formatFile(file.toString(), info, e -> { }));
        List<String> errors = new ArrayList<>();
        ModinfoPrinter.onlyField("license").formatFile(file.toString(), info, errors::add);
        assertEquals(List.of(), errors, "only parameters are checked");
        for (String field : List.of("parmtype", "noequals", "", "LICENSE", "filename", "license", "parm")) {
            Oracle.assertModinfo(file, ModinfoPrinter.onlyField(field), List.of("-F", field));
        }
    }

    @Test
    void builtinModules() throws Exception {
        List<ModinfoField> fields = List.of(new ModinfoField("license", "GPL"), new ModinfoField("file", "mm/zswap"),
                new ModinfoField("parmtype", "enabled:bool"), new ModinfoField("parmtype", "max:uint"));
        assertEquals(String.join("\n", "name:           zswap", "filename:       (builtin)", "license:        GPL",
                "file:           mm/zswap", "parm:           max:uint", "parm:           enabled:bool", ""),
                ModinfoPrinter.allFields().formatBuiltin("zswap", fields, e -> { }));
        assertEquals("name:           zswap\0filename:       (builtin)\0license=GPL\0file=mm/zswap\0"
                + "parm:           max:uint\0parm:           enabled:bool\0",
                ModinfoPrinter.allFields().nulSeparated().formatBuiltin("zswap", fields, e -> { }));
        assertEquals("(builtin)\n", ModinfoPrinter.onlyField("filename").formatBuiltin("zswap", fields, e -> { }));
        assertEquals("zswap\n", ModinfoPrinter.onlyField("name").formatBuiltin("zswap", fields, e -> { }));
        assertEquals("max: (uint)\nenabled: (bool)\n",
                ModinfoPrinter.onlyField("parm").formatBuiltin("zswap", fields, e -> { }));
    }

    @Test
    void builtinModulesOfTheRealTreeLikeTheRealModinfo() throws Exception {
        Path dir = RealTree.moduleDir();
        String modinfo = RealTree.modinfo();
        Path root = dir.getParent().getParent().getParent();
        String release = dir.getFileName().toString();
        Path file = dir.resolve("modules.builtin.modinfo");
        byte[] data = Files.readAllBytes(file);
        int seen = 0;
        int compared = 0;
        for (String line : Files.readAllLines(dir.resolve("modules.builtin"))) {
            String name = line.substring(line.lastIndexOf('/') + 1).replace(".ko", "").replace('-', '_');
            if (seen++ % 3 != 0 || Files.exists(dir.resolve(line))) {
                continue; // a sample; a name that is also a module file shows the file
            }
            compared++;
            for (List<String> options : List.of(List.<String>of(), List.of("-0"), List.of("-F", "parm"),
                    List.of("-F", "name"), List.of("-F", "filename"), List.of("-F", "license"))) {
                List<String> command = new ArrayList<>(List.of(modinfo, "-b", root.toString(), "-k", release));
                command.addAll(options);
                command.add(name);
                RealTree.Result real = RealTree.run(command);
                ModinfoPrinter printer = options.isEmpty() || options.get(0).equals("-0")
                        ? ModinfoPrinter.allFields() : ModinfoPrinter.onlyField(options.get(1));
                if (options.contains("-0")) {
                    printer = printer.nulSeparated();
                }
                assertEquals(real.out(), printer.formatBuiltin(name, BuiltinModinfo.fields(file, data, name), e -> { }),
                        name + " " + options);
            }
        }
        assertEquals(true, compared > 50, "builtin modules compared: " + compared);
    }
}
