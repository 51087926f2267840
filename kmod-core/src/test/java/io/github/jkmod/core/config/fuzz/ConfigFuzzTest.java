package io.github.jkmod.core.config.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.jkmod.core.config.ConfigLoader;
import io.github.jkmod.core.config.ConfigWarning;
import io.github.jkmod.core.config.ModprobeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fuzzes {@link ConfigLoader}: the input is written, under an in-memory root, as a configuration
 * file ({@code etc/modprobe.d/fuzz.conf}), as the module directory's {@code modules.softdep} and
 * as the kernel command line, and the configuration is loaded with weak dependencies on and off.
 * The only allowed outcome is a configuration (with warnings); every query and the
 * {@code modprobe -c} dump then answer. Anything thrown is a finding. Seeds: Debian's modprobe.d
 * files, the real {@code modules.softdep}, typical hand-written configurations and a command line.
 */
class ConfigFuzzTest {
    private static final FileSystem FS = Jimfs.newFileSystem(Configuration.unix());
    private static final Path ROOT = FS.getPath("/root");
    private static final Path MODULE_DIR = ROOT.resolve("lib/modules/6.1.0-jkmod-fuzz");
    private static final Path CMDLINE = ROOT.resolve("proc/cmdline");
    private static final List<String> NAMES = List.of("snd-hda-intel", "snd_hda_intel", "pcspkr", "nouveau",
            "usb:v046DpC52Bd1200dc00dsc00dp00ic03isc01ip02in00", "ext4", "a");

    /** Every warning is also logged: keep the output (and the speed) free of them. Held strongly:
     * java.util.logging forgets the level of a logger nobody references. */
    private static final Logger QUIET = quiet();

    private static Logger quiet() {
        Logger logger = Logger.getLogger(ConfigLoader.class.getName());
        logger.setLevel(Level.OFF);
        return logger;
    }

    @FuzzTest
    void config(byte[] input) {
        write(ROOT.resolve("etc/modprobe.d/fuzz.conf"), input);
        write(MODULE_DIR.resolve("modules.softdep"), input);
        write(CMDLINE, input);
        for (boolean weakdeps : new boolean[] {false, true}) {
            ModprobeConfig config = ConfigLoader.builder().configRoot(ROOT).moduleDir(MODULE_DIR)
                    .cmdlineFile(CMDLINE).weakdeps(weakdeps).build();
            query(config);
        }
    }

    private static void query(ModprobeConfig config) {
        config.dump();
        for (ConfigWarning w : config.warnings()) {
            w.stderrLine();
        }
        for (String name : NAMES) {
            config.aliasesMatching(name);
            config.isBlacklisted(name);
            config.optionsFor(name);
            config.optionsFor(name, "alias");
            config.installCommand(name);
            config.removeCommand(name);
            config.softdep(name);
            config.weakdep(name);
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
