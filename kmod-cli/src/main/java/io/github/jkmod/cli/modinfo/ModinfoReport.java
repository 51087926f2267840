package io.github.jkmod.cli.modinfo;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.core.ModuleDependencies;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.elf.ModuleFormatException;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.modinfo.ModinfoField;
import io.github.jkmod.core.modinfo.ModinfoPrinter;
import io.github.jkmod.core.modinfo.ModuleFile;
import io.github.jkmod.index.Aliases;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code modinfo} prints for each argument, on the run's streams: the header
 * ({@code filename:}, or {@code name:} and {@code filename: (builtin)}), then the fields, or the
 * error that stopped it, in kmod's words. Text is kept as bytes (one char per byte) end to end.
 */
final class ModinfoReport {
    private final String programName;
    private final KmodProfile profile;
    private final ToolRun run;
    private ModinfoPrinter printer;
    private String dirname;
    private KmodContext context;

    ModinfoReport(String programName, KmodProfile profile, ToolRun run) {
        this.programName = programName;
        this.profile = profile;
        this.run = run;
    }

    /** The printer, the module directory as shown ({@code dirname}) and its context (null: no module directory). */
    void use(ModinfoPrinter printer, String dirname, KmodContext context) {
        this.printer = printer;
        this.dirname = dirname;
        this.context = context;
    }

    /** modinfo's error line on standard error. */
    void error(String message) {
        run.err().print(programName + ": ERROR: " + message + "\n");
        run.err().flush();
    }

    /**
     * libkmod's own error line of the profile ({@link KmodProfile#libkmodLine}), for an error kmod's
     * modinfo logs under both releases.
     */
    void libkmod(String location, String message) {
        run.err().print(profile.libkmodLine(location, message) + "\n");
        run.err().flush();
    }

    /** libkmod's own error line (kmod 34 only: kmod 30's modinfo logs none of them). */
    private void libkmodError(String function, String message) {
        if (profile != KmodProfile.KMOD_30) {
            run.err().print("libkmod: ERROR: " + function + ": " + message + "\n");
            run.err().flush();
        }
    }

    /** A module file given as {@code arg}, shown as {@code shown}; whether it succeeded. */
    boolean file(String arg, String shown) {
        return module(ModuleFile.moduleName(arg), arg, shown);
    }

    /** {@code -m NAME}. */
    boolean name(String arg) {
        Optional<KernelModule> found;
        try {
            found = context == null ? Optional.empty() : context.lookupName(arg);
        } catch (KmodException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            error("Module name " + arg + " not found.");
            return false;
        }
        return module(found.get());
    }

    /** A name or alias: every module it gives. */
    boolean alias(String arg) {
        List<KernelModule> found;
        try {
            Aliases.normalize(arg);
            found = context == null ? List.of() : context.lookup(arg);
        } catch (KmodException e) {
            error("Module alias " + arg + " not found.");
            return false;
        }
        if (found.isEmpty()) {
            error("Module " + arg + " not found.");
            return false;
        }
        boolean ok = true;
        for (KernelModule m : found) {
            ok &= module(m);
        }
        return ok;
    }

    private boolean module(KernelModule m) {
        Optional<ModuleDependencies> dep;
        try {
            dep = context.dependencies(m.name());
        } catch (KmodException e) {
            dep = Optional.empty();
        }
        if (dep.isEmpty()) {
            return builtin(m.name());
        }
        Path file = dep.get().file();
        Path dir = context.moduleDirectory().path();
        String shown = file.startsWith(dir) ? dirname + "/" + raw(dir.relativize(file).toString()) : raw(file.toString());
        return module(m.name(), shown, shown);
    }

    /** A module with a file: {@code open} is the path to read (as given), {@code shown} the path printed. */
    private boolean module(String name, String open, String shown) {
        print(printer.formatFile(shown, List.of(), this::error));
        if (!printer.needsFields()) {
            return true;
        }
        ModuleRead read = ModuleRead.of(open, profile);
        read.decoderMessage().ifPresent(m -> libkmodError(
                "xz_uncompress_belch", m));
        if (read.errno() != 0) {
            error("could not get modinfo from '" + name + "': " + Errno.strerror(read.errno()));
            return false;
        }
        return fields(read.fields());
    }

    private boolean builtin(String name) {
        print(printer.formatBuiltin(name, List.of(), this::error));
        if (!printer.needsFields()) {
            return true;
        }
        List<ModinfoField> fields;
        try {
            if (!context.isBuiltin(name)) {
                return true; // no file and not builtin: kmod stops silently
            }
            fields = context.builtinModinfo(name);
        } catch (ModuleFormatException e) {
            libkmodError("get_strings", "get_strings: unexpected string without modname prefix");
            error("could not get modinfo from '" + name + "': " + Errno.strerror(Errno.EINVAL));
            return false;
        } catch (KmodException e) {
            error("could not get modinfo from '" + name + "': " + Errno.strerror(Errno.EIO));
            return false;
        }
        if (fields.isEmpty() && profile == KmodProfile.KMOD_30
                && java.nio.file.Files.exists(context.moduleDirectory().path().resolve("modules.builtin.modinfo"))) {
            // kmod 30 fails a module its modules.builtin.modinfo does not list
            error("could not get modinfo from '" + name + "': " + Errno.strerror(Errno.ENOSYS));
            return false;
        }
        return fields(fields);
    }

    private boolean fields(List<ModinfoField> fields) {
        List<ModinfoField> raw = new ArrayList<>(fields.size());
        for (ModinfoField f : fields) {
            raw.add(new ModinfoField(raw(f.key()), raw(f.value())));
        }
        print(printer.formatFields(raw, this::error));
        return true;
    }

    private void print(String text) {
        run.out().print(text);
    }

    /** A text decoded from UTF-8 as the bytes it came from, one char per byte. */
    private static String raw(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return text;
    }
}
