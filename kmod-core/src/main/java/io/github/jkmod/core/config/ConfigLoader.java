package io.github.jkmod.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the modprobe configuration as kmod 30 does: the configuration files (default directories
 * under a root, or explicit {@code -C} paths), the module directory's {@code modules.softdep}, and
 * the kernel command line. Problems never stop the reading: each is kept in
 * {@link ModprobeConfig#warnings()} and logged (level WARNING) to the {@link System.Logger} named
 * after this class (a command that prints {@link ConfigWarning#stderrLine()} itself should quiet it); unreadable or missing files and directories are skipped silently.
 *
 * <pre>{@code
 * ModprobeConfig config = ConfigLoader.builder()
 *         .configRoot(Path.of("/"))
 *         .moduleDir(Path.of("/lib/modules/6.1.0-56-amd64"))
 *         .cmdlineFile(Path.of("/proc/cmdline"))
 *         .build();
 * }</pre>
 */
public final class ConfigLoader {
    /** The logger, created on first use only: System.getLogger costs start-up time. */
    static final class Logging {
        static final System.Logger LOG = System.getLogger(ConfigLoader.class.getName());

        private Logging() {
        }
    }

    /**
     * The directories kmod 30 reads, highest precedence first, relative to the configuration root.
     * (kmod 30 does NOT read {@code usr/lib/modprobe.d}; see {@link #KMOD34_DIRECTORIES}.)
     */
    public static final List<String> KMOD30_DIRECTORIES = List.of(
            "etc/modprobe.d", "run/modprobe.d", "usr/local/lib/modprobe.d", "lib/modprobe.d");

    /** The directories of kmod 31 and later, highest precedence first (adds {@code usr/lib/modprobe.d}). */
    public static final List<String> KMOD34_DIRECTORIES = List.of(
            "etc/modprobe.d", "run/modprobe.d", "usr/local/lib/modprobe.d", "usr/lib/modprobe.d",
            "lib/modprobe.d");

    private ConfigLoader() {
    }

    /**
     * Loads the configuration like kmod 30.
     *
     * @param configRoot the root the default directories are resolved against ({@code /} for the
     *     running system)
     * @param explicitPaths {@code -C} paths (files or directories, used as given, not re-rooted),
     *     highest precedence first; empty for the default directories
     * @param moduleDir the module directory whose {@code modules.softdep} joins the files; may be null
     * @param cmdlineFile the kernel command line file (normally {@code /proc/cmdline}); may be null
     */
    public static ModprobeConfig load(Path configRoot, List<Path> explicitPaths, Path moduleDir,
            Path cmdlineFile) {
        Builder b = builder().configRoot(configRoot).moduleDir(moduleDir).cmdlineFile(cmdlineFile);
        for (Path p : explicitPaths) {
            b.configPath(p);
        }
        return b.build();
    }

    /** A builder with kmod 30's defaults: root {@code /}, default directories, no module directory,
     * no command line, no weak dependencies. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the inputs of one load. Not thread-safe; {@link #build()} may be called again. */
    public static final class Builder {
        private Path configRoot = Path.of("/");
        private final List<ConfigFiles.Source> explicit = new ArrayList<>();
        private List<String> directories = KMOD30_DIRECTORIES;
        private Path moduleDir;
        private Path cmdlineFile;
        private boolean weakdeps;

        private Builder() {
        }

        /** The root the default directories are resolved against (default {@code /}). */
        public Builder configRoot(Path root) {
            this.configRoot = Objects.requireNonNull(root, "configRoot");
            return this;
        }

        /** Adds a {@code -C} path (file or directory), named in messages by {@code path.toString()}. */
        public Builder configPath(Path path) {
            Objects.requireNonNull(path, "path");
            explicit.add(new ConfigFiles.Source(path, path.toString()));
            return this;
        }

        /**
         * Adds a {@code -C} path spelled exactly as on modprobe's command line, so that messages
         * name it the same way (e.g. {@code conf//x.conf} for {@code -C conf/}).
         */
        public Builder configPath(String path) {
            Objects.requireNonNull(path, "path");
            explicit.add(new ConfigFiles.Source(Path.of(path), path));
            return this;
        }

        /**
         * The default directories, highest precedence first, each relative to the root (default
         * {@link #KMOD30_DIRECTORIES}); ignored once a {@link #configPath(Path)} is given.
         */
        public Builder directories(List<String> dirs) {
            for (String d : dirs) {
                if (d.isEmpty() || d.startsWith("/")) {
                    throw new IllegalArgumentException("configuration directory must be relative: '" + d + "'");
                }
            }
            this.directories = List.copyOf(dirs);
            return this;
        }

        /** The module directory whose {@code modules.softdep} is read; null for none (default). */
        public Builder moduleDir(Path dir) {
            this.moduleDir = dir;
            return this;
        }

        /** The kernel command line file; null for none (default). */
        public Builder cmdlineFile(Path file) {
            this.cmdlineFile = file;
            return this;
        }

        /**
         * Whether to understand {@code weakdep} lines and read {@code modules.weakdep} (kmod 33 and
         * later). Off by default: kmod 30 warns about {@code weakdep} as an unknown command.
         */
        public Builder weakdeps(boolean on) {
            this.weakdeps = on;
            return this;
        }

        /** Reads everything and returns the configuration. */
        public ModprobeConfig build() {
            ConfigParser.Contents contents = new ConfigParser.Contents();
            List<ConfigFiles.Source> sources = new ArrayList<>(explicit);
            if (sources.isEmpty()) {
                for (String d : directories) {
                    sources.add(new ConfigFiles.Source(configRoot.resolve(d), "/" + d));
                }
            }
            // Anonymous classes rather than lambdas here and below: lambdas cost start-up time.
            List<ConfigFile> files = ConfigFiles.list(sources, moduleDir, weakdeps,
                    new Consumer<ConfigFile>() {
                        @Override
                        public void accept(ConfigFile dir) {
                            contents.warnings.add(new ConfigWarning(dir.path(), 0,
                                    "Directories inside directories are not supported: " + dir.displayName(),
                                    ConfigWarning.Kind.DIRECTORY_IN_DIRECTORY));
                        }
                    });
            ConfigParser parser = new ConfigParser(contents, weakdeps);
            for (ConfigFile file : files) {
                byte[] data = read(file.path());
                contents.files.add(file);
                if (data != null) {
                    parser.parse(file, data);
                }
            }
            if (cmdlineFile != null) {
                byte[] data = read(cmdlineFile);
                if (data != null) {
                    readCmdline(contents, data);
                }
            }
            for (ConfigWarning w : contents.warnings) {
                // Reported to callers through ModprobeConfig.warnings(); logged for diagnostics only.
                Logging.LOG.log(System.Logger.Level.DEBUG, w.message());
            }
            return new ModprobeConfig(contents, weakdeps);
        }

        private void readCmdline(ConfigParser.Contents contents, byte[] data) {
            byte[] head = data.length > KernelCmdline.LIMIT ? Arrays.copyOf(data, KernelCmdline.LIMIT) : data;
            KernelCmdline.parse(new String(head, StandardCharsets.ISO_8859_1), new KernelCmdline.Sink() {
                @Override
                public void option(String module, String option) {
                    contents.addOptions(module, option);
                }

                @Override
                public void blacklist(String module) {
                    contents.blacklist.add(module);
                }
            }, new Consumer<String>() {
                @Override
                public void accept(String bad) {
                    contents.warnings.add(new ConfigWarning(cmdlineFile, 0,
                            "Ignoring bad option on kernel command line while parsing module name: '" + bad + "'",
                            ConfigWarning.Kind.BAD_CMDLINE_OPTION));
                }
            });
        }

        private static byte[] read(Path file) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException | SecurityException e) {
                Logging.LOG.log(System.Logger.Level.DEBUG, "cannot read " + file + ": " + e);
                return null;
            }
        }
    }
}
