package io.github.jkmod.core.modinfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code modinfo} knows of one module: its name, where it comes from (a file, or the kernel
 * image for a builtin module, whose fields come from {@code modules.builtin.modinfo}), every field in
 * order and, for a signed file, its signature. The typed accessors read the raw {@link #fields()}.
 *
 * @param name the module name ({@code -} as {@code _})
 * @param file the module file, or empty for a builtin module
 * @param fields every field in order: the {@code .modinfo} records, then, for a signed file, the
 *     signature fields ({@code sig_id}, {@code signer}, {@code sig_key}, {@code sig_hashalgo},
 *     {@code signature}) as {@code modinfo} prints them
 * @param signature the decoded signature of a signed file
 */
public record ModuleInfo(String name, Optional<Path> file, List<ModinfoField> fields,
        Optional<ModuleSignature> signature) {

    /**
     * Checks that nothing is null and copies the list.
     *
     * @param name the module name
     * @param file the module file, or empty for a builtin module
     * @param fields every field in order; copied
     * @param signature the decoded signature, or empty
     */
    public ModuleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        fields = List.copyOf(fields);
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * The information of a module file as {@code modinfo FILE} shows it.
     *
     * @param name the module name
     * @param module the file, read
     * @return its information
     * @throws io.github.jkmod.core.elf.ModuleFormatException when its {@code .modinfo} section is
     *     malformed (a signature that cannot be decoded is left out, as {@code modinfo} does)
     */
    public static ModuleInfo of(String name, ModuleFile module)
            throws io.github.jkmod.core.elf.ModuleFormatException {
        Optional<ModuleSignature> signature;
        try {
            signature = module.signature();
        } catch (io.github.jkmod.core.elf.ModuleFormatException e) {
            signature = Optional.empty();
        }
        return new ModuleInfo(name, Optional.of(module.file()), module.info(), signature);
    }

    /**
     * The information of a builtin module.
     *
     * @param name the module name
     * @param fields its fields from {@code modules.builtin.modinfo}
     * @return its information
     */
    public static ModuleInfo builtin(String name, List<ModinfoField> fields) {
        return new ModuleInfo(name, Optional.empty(), fields, Optional.empty());
    }

    /**
     * Whether the module is built into the kernel image (it has no file).
     *
     * @return true for a builtin module, false for one read from a file
     */
    public boolean isBuiltin() {
        return file.isEmpty();
    }

    /**
     * Every value of the fields named {@code key}, in order.
     *
     * @param key a field name, e.g. {@code alias}
     * @return the values; empty when there is none
     */
    public List<String> values(String key) {
        List<String> out = new ArrayList<>();
        for (ModinfoField f : fields) {
            if (f.key().equals(key)) {
                out.add(f.value());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The first value of the field named {@code key}.
     *
     * @param key a field name
     * @return the value, if the field is there
     */
    public Optional<String> value(String key) {
        for (ModinfoField f : fields) {
            if (f.key().equals(key)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The first {@code license} field (e.g. {@code GPL}), if any; a few modules have two ({@link
     * #values(String) values("license")} gives all).
     *
     * @return the first license, or empty when the module declares none
     */
    public Optional<String> license() {
        return value("license");
    }

    /**
     * The {@code description} field, if any.
     *
     * @return the description, or empty
     */
    public Optional<String> description() {
        return value("description");
    }

    /**
     * The {@code author} fields, in order.
     *
     * @return the authors; empty when none is named
     */
    public List<String> authors() {
        return values("author");
    }

    /**
     * The {@code alias} fields (patterns such as {@code pci:v00008086d*}), in order.
     *
     * @return the alias patterns; empty when there are none
     */
    public List<String> aliases() {
        return values("alias");
    }

    /**
     * The {@code firmware} fields (files under {@code /lib/firmware}), in order.
     *
     * @return the firmware file names; empty when there are none
     */
    public List<String> firmware() {
        return values("firmware");
    }

    /**
     * The {@code softdep} fields (e.g. {@code pre: crc32c}), in order.
     *
     * @return the softdep values as written; empty when there are none
     */
    public List<String> softdeps() {
        return values("softdep");
    }

    /**
     * The {@code vermagic} field, if any.
     *
     * @return the version magic, or empty
     */
    public Optional<String> vermagic() {
        return value("vermagic");
    }

    /**
     * The modules named by the {@code depends} field (comma-separated; empty names left out), in
     * order; empty when the field is missing or empty.
     *
     * @return the module names; empty when it depends on none
     */
    public List<String> depends() {
        List<String> out = new ArrayList<>();
        for (String value : values("depends")) {
            for (String d : value.split(",", -1)) {
                if (!d.isEmpty()) {
                    out.add(d);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The parameters, merged from the {@code parm} and {@code parmtype} fields by name, in the
     * order of each name's first record ({@code modinfo} prints them in the reverse order). A
     * record without {@code :} is left out, as {@code modinfo} leaves it out (with an error
     * message).
     *
     * @return the parameters; empty when it has none
     */
    public List<ModuleParameter> parameters() {
        Map<String, String[]> merged = new LinkedHashMap<>();
        for (ModinfoField f : fields) {
            boolean isType = f.key().equals("parmtype");
            if (!isType && !f.key().equals("parm")) {
                continue;
            }
            int colon = f.value().indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] p = merged.computeIfAbsent(f.value().substring(0, colon), k -> new String[2]);
            p[isType ? 0 : 1] = f.value().substring(colon + 1);
        }
        List<ModuleParameter> out = new ArrayList<>();
        merged.forEach((n, p) -> out.add(new ModuleParameter(n, Optional.ofNullable(p[0]), Optional.ofNullable(p[1]))));
        return List.copyOf(out);
    }
}
