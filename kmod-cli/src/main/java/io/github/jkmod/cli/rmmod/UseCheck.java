package io.github.jkmod.cli.rmmod;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.common.SystemErrors;
import io.github.jkmod.cli.common.ToolLog;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.ModuleState;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * rmmod's check before {@code delete_module} (skipped with {@code -f}): the module is loaded and not
 * builtin, no module holds it ({@code /sys/module/NAME/holders}, in directory order), its
 * {@code refcnt} is 0, each failure with kmod's message. A name kmod does not check (empty,
 * {@code a/b}) is looked up as kmod does, by the path it makes: {@code /sys/module/} is a directory
 * without {@code initstate}, so the empty name is a module coming.
 */
final class UseCheck {
    private final KernelState state;
    private final Path root;
    private final KmodProfile profile;
    private final ToolLog log;
    private final PrintStream err;

    UseCheck(KernelState state, KmodProfile profile, ToolLog log, PrintStream err) {
        this.state = state;
        this.root = state.root();
        this.profile = profile;
        this.log = log;
        this.err = err;
    }

    /**
     * Whether {@code name} may be removed; when not, kmod's message is out.
     *
     * @param name the module name
     * @return true when the removal may be tried
     */
    boolean removable(String name) {
        ModuleState s = state(name);
        if (s == ModuleState.BUILTIN) {
            log.error("Module " + name + " is builtin.\n");
            return false;
        }
        if (s == ModuleState.NOT_LOADED) {
            log.error("Module " + name + " is not currently loaded\n");
            return false;
        }
        List<String> holders = holders(name);
        if (!holders.isEmpty()) {
            inUseBy(name, holders);
            return false;
        }
        Path refcnt = directory(name).resolve("refcnt");
        String text;
        try {
            text = Files.readString(refcnt, StandardCharsets.ISO_8859_1).strip();
        } catch (IOException e) {
            log.error("Module unloading is not supported\n");
            return false;
        }
        long count;
        try {
            count = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return false; // kmod fails the module without a word of rmmod's
        }
        if (count > 0) {
            log.error("Module " + name + " is in use\n");
            return false;
        }
        return count == 0;
    }

    private void inUseBy(String name, List<String> holders) {
        log.error("Module " + name + " is in use by:");
        if (profile == KmodProfile.KMOD_34 && log.toSyslog()) {
            // kmod 34.2 with -s: each piece is a message of its own, nothing on stderr
            for (String h : holders) {
                log.error(" " + h);
            }
            log.error("\n");
            return;
        }
        // the holders follow on stderr, unprefixed (kmod 30: even with -s)
        StringBuilder b = new StringBuilder();
        for (String h : holders) {
            b.append(' ').append(h);
        }
        err.print(b.append('\n'));
        err.flush();
    }

    private ModuleState state(String name) {
        if (ordinary(name)) {
            try {
                return state.state(name);
            } catch (KmodException e) {
                return ModuleState.NOT_LOADED;
            }
        }
        Path dir = directory(name);
        try {
            return ModuleState.fromInitstate(Files.readString(dir.resolve("initstate"), StandardCharsets.ISO_8859_1)
                    .strip()).orElse(ModuleState.NOT_LOADED);
        } catch (IOException e) {
            return Files.isDirectory(dir) ? ModuleState.COMING : ModuleState.NOT_LOADED;
        }
    }

    private List<String> holders(String name) {
        Path dir = directory(name).resolve("holders");
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            log.error(profile.logPrefix("../libkmod/libkmod-module.c:1998", "kmod_module_get_holders")
                    + "could not open '/sys/module/" + name + "/holders': " + SystemErrors.text(e) + "\n");
            return List.of();
        }
        return names;
    }

    /** {@code ROOT/sys/module/NAME} as kmod makes it: by text, for any name. */
    private Path directory(String name) {
        return Path.of(root.toString() + "/sys/module/" + name);
    }

    private static boolean ordinary(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0;
    }
}
