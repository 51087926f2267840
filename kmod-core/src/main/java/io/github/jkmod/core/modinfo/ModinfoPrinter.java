package io.github.jkmod.core.modinfo;

import io.github.jkmod.core.KmodProfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Formats a module's fields exactly as kmod's {@code modinfo} prints them.
 *
 * <p>Every field (the default): first {@code filename:} (for a builtin module {@code name:} then
 * {@code filename: (builtin)}), then each field in order as {@code key:} followed by spaces up to
 * column 16 and the value ({@code key=value} with {@code -0}), then the parameters, the
 * {@code parm} and {@code parmtype} records of one name merged into {@code parm: NAME:DESC (TYPE)}
 * (the last record of each kind wins), in the reverse order of each name's first record.
 *
 * <p>One field ({@code -F FIELD}, also {@code -a -d -l -p -n}): the bare values, one per line;
 * {@code filename} gives the file (or {@code (builtin)}), {@code parm} the merged parameters.
 * {@code -0} ends each entry with NUL instead of a newline. A {@code parm} or {@code parmtype}
 * record without {@code :} is reported to the error callback (as
 * {@code Found invalid "parm=X": missing ':'}) and skipped.
 */
public final class ModinfoPrinter {
    private static final String PARM = "parm";
    private static final String PARMTYPE = "parmtype";

    private final Optional<String> field;
    private final char separator;
    private final KmodProfile profile;

    private ModinfoPrinter(Optional<String> field, char separator, KmodProfile profile) {
        this.field = field;
        this.separator = separator;
        this.profile = profile;
    }

    /**
     * Prints every field, one per line, as the {@linkplain KmodProfile#DEFAULT default profile}'s
     * modinfo.
     *
     * @return a printer of every field
     */
    public static ModinfoPrinter allFields() {
        return new ModinfoPrinter(Optional.empty(), '\n', KmodProfile.DEFAULT);
    }

    /**
     * Prints only the values of {@code field} ({@code modinfo -F FIELD}; exact, case-sensitive).
     *
     * @param field the field's name, e.g. {@code depends}
     * @return a printer of that field's values only
     */
    public static ModinfoPrinter onlyField(String field) {
        return new ModinfoPrinter(Optional.of(Objects.requireNonNull(field, "field")), '\n', KmodProfile.DEFAULT);
    }

    /**
     * The same printer ending entries with NUL instead of newline ({@code modinfo -0}).
     *
     * @return a new printer; this one is unchanged
     */
    public ModinfoPrinter nulSeparated() {
        return new ModinfoPrinter(field, '\0', profile);
    }

    /**
     * The same printer as {@code profile}'s modinfo: they differ for keys of 16 characters or more,
     * which kmod 30 follows with as many spaces as they overflow column 16 and kmod 34 with none.
     *
     * @param profile the kmod release followed
     * @return the printer
     */
    public ModinfoPrinter withProfile(KmodProfile profile) {
        return new ModinfoPrinter(field, separator, Objects.requireNonNull(profile, "profile"));
    }

    /**
     * The field this printer is restricted to, if any.
     *
     * @return the field's name, or empty when every field is printed
     */
    public Optional<String> field() {
        return field;
    }

    /**
     * The text {@code modinfo} prints for a module file.
     *
     * @param filename the path as modinfo shows it (absolute, as given: kmod does not resolve links)
     * @param info the fields, usually {@link ModuleFile#info()}
     * @param errors receives one message per invalid parameter record
     * @return the whole text, newlines (or NULs) included
     */
    public String formatFile(String filename, List<ModinfoField> info, Consumer<String> errors) {
        StringBuilder out = new StringBuilder();
        if (field.isEmpty()) {
            padded(out, "filename", filename);
        } else if (field.get().equals("filename")) {
            out.append(filename).append(separator);
            return out.toString();
        }
        fields(out, info, errors);
        return out.toString();
    }

    /**
     * The text {@code modinfo} prints for a builtin module.
     *
     * @param name the module name
     * @param info its fields from {@code modules.builtin.modinfo}
     * @param errors receives one message per invalid parameter record
     * @return the whole text, newlines (or NULs) included
     */
    public String formatBuiltin(String name, List<ModinfoField> info, Consumer<String> errors) {
        StringBuilder out = new StringBuilder();
        if (field.isEmpty()) {
            padded(out, "name", name);
            padded(out, "filename", "(builtin)");
        } else if (field.get().equals("filename")) {
            return "(builtin)" + separator;
        } else if (field.get().equals("name")) {
            // then the module's own name fields too, as kmod
            out.append(name).append(separator);
        }
        fields(out, info, errors);
        return out.toString();
    }

    /**
     * Whether this printer shows any field of the module after the header: all but
     * {@code -F filename}, for which {@code modinfo} does not even read the module.
     *
     * @return whether the fields are needed
     */
    public boolean needsFields() {
        return !field.equals(Optional.of("filename"));
    }

    /**
     * The text for the fields alone, without the header of {@link #formatFile} or
     * {@link #formatBuiltin} (which print it given no fields).
     *
     * @param info the fields
     * @param errors receives one message per invalid parameter record
     * @return the text
     */
    public String formatFields(List<ModinfoField> info, Consumer<String> errors) {
        StringBuilder out = new StringBuilder();
        fields(out, info, errors);
        return out.toString();
    }

    private void fields(StringBuilder out, List<ModinfoField> info, Consumer<String> errors) {
        if (field.isPresent() && !field.get().equals(PARM)) {
            for (ModinfoField f : info) {
                if (f.key().equals(field.get())) {
                    out.append(f.value()).append(separator);
                }
            }
            return;
        }
        if (field.isEmpty()) {
            for (ModinfoField f : info) {
                if (f.key().equals(PARM) || f.key().equals(PARMTYPE)) {
                    continue;
                }
                if (separator == '\n') {
                    padded(out, f.key(), f.value());
                } else {
                    out.append(f.key()).append('=').append(f.value()).append(separator);
                }
            }
        }
        List<Param> params = new ArrayList<>(params(info, errors).values());
        for (int i = params.size() - 1; i >= 0; i--) {
            Param p = params.get(i);
            String text;
            if (p.description != null && p.type != null) {
                text = p.name + ":" + p.description + " (" + p.type + ")";
            } else if (p.description != null) {
                text = p.name + ":" + p.description;
            } else if (field.isEmpty()) {
                text = p.name + ":" + p.type;
            } else {
                text = p.name + ": (" + p.type + ")";
            }
            if (field.isEmpty()) {
                padded(out, PARM, text);
            } else {
                out.append(text).append(separator);
            }
        }
    }

    private static Map<String, Param> params(List<ModinfoField> info, Consumer<String> errors) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (ModinfoField f : info) {
            boolean isType = f.key().equals(PARMTYPE);
            if (!isType && !f.key().equals(PARM)) {
                continue;
            }
            int colon = f.value().indexOf(':');
            if (colon < 0) {
                errors.accept("Found invalid \"" + f.key() + "=" + f.value() + "\": missing ':'");
                continue;
            }
            String name = f.value().substring(0, colon);
            Param p = params.computeIfAbsent(name, Param::new);
            if (isType) {
                p.type = f.value().substring(colon + 1);
            } else {
                p.description = f.value().substring(colon + 1);
            }
        }
        return params;
    }

    /**
     * {@code key:} then spaces to column 16 (a longer key: kmod 30 as many spaces as it overflows,
     * kmod 34 none).
     */
    private void padded(StringBuilder out, String key, String value) {
        out.append(key).append(':');
        int room = 15 - key.length();
        out.append(" ".repeat(room >= 0 ? room : profile == KmodProfile.KMOD_30 ? -room : 0));
        out.append(value).append(separator);
    }

    private static final class Param {
        final String name;
        String description;
        String type;

        Param(String name) {
            this.name = name;
        }
    }
}
