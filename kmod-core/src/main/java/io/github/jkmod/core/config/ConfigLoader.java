package io.github.jkmod.core.config;

import io.github.jkmod.core.internal.io.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>Any path is read the way kmod 30 reads it, a FIFO or a character device included (kmod skips
 * only directories inside configuration directories), with two bounds kmod does not have: a file
 * longer than {@link #MAX_FILE_SIZE} bytes is skipped with a {@link ConfigWarning.Kind#TOO_LARGE}
 * warning, and a FIFO without a writer reads as empty rather than blocking forever. The kernel
 * command line file is read up to the 4095 bytes libkmod reads of it, whatever its length.
 *
 * <pre>{@code
 * ModprobeConfig config = ConfigLoader.builder()
 *         .configRoot(Path.of("/"))
 *         .moduleDir(Path.of("/lib/modules/6.1.0-jkmod-example"))
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

    /**
     * The size in bytes above which a configuration file (or {@code modules.softdep},
     * {@code modules.weakdep}) is skipped, with a warning, rather than read: 4 MiB.
     *
     * <p>Every file is held in memory whole while it is parsed, so without a bound a path that names
     * {@code /dev/zero} (or a link to it) or a huge file would use up the heap; kmod 30 itself reads
     * {@code /dev/zero} until its line buffer reaches 1 GiB. Real files are tiny: Debian's
     * {@code modprobe.d} files and a distribution kernel's {@code modules.softdep} are a few KiB
     * each, so 4 MiB is about a thousand times the largest one seen, and still small for the heap.
     */
    public static final int MAX_FILE_SIZE = 4 * 1024 * 1024;

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
     * @return the configuration, with its warnings; never null, even when nothing could be read
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
     * no command line, no weak dependencies.
     *
     * @return a new builder
     */
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
        private boolean kmod34Entries;

        private Builder() {
        }

        /**
         * The root the default directories are resolved against (default {@code /}).
         *
         * @param root the configuration root
         * @return this builder
         */
        public Builder configRoot(Path root) {
            this.configRoot = Objects.requireNonNull(root, "configRoot");
            return this;
        }

        /**
         * Adds a {@code -C} path (file or directory), named in messages by {@code path.toString()}.
         *
         * @param path a configuration file or directory
         * @return this builder
         */
        public Builder configPath(Path path) {
            Objects.requireNonNull(path, "path");
            explicit.add(new ConfigFiles.Source(path, path.toString()));
            return this;
        }

        /**
         * Adds a {@code -C} path spelled exactly as on modprobe's command line, so that messages
         * name it the same way (e.g. {@code conf//x.conf} for {@code -C conf/}).
         *
         * @param path the path as the user typed it
         * @return this builder
         */
        public Builder configPath(String path) {
            Objects.requireNonNull(path, "path");
            explicit.add(new ConfigFiles.Source(Path.of(path), path));
            return this;
        }

        /**
         * The default directories, highest precedence first, each relative to the root (default
         * {@link #KMOD30_DIRECTORIES}); ignored once a {@link #configPath(Path)} is given.
         *
         * @param dirs the directories, e.g. {@code etc/modprobe.d}
         * @return this builder
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

        /**
         * The module directory whose {@code modules.softdep} is read; null for none (default).
         *
         * @param dir the module directory, or null
         * @return this builder
         */
        public Builder moduleDir(Path dir) {
            this.moduleDir = dir;
            return this;
        }

        /**
         * The kernel command line file; null for none (default).
         *
         * @param file the kernel command line file, or null
         * @return this builder
         */
        public Builder cmdlineFile(Path file) {
            this.cmdlineFile = file;
            return this;
        }

        /**
         * Whether to understand {@code weakdep} lines and read {@code modules.weakdep} (kmod 33 and
         * later). Off by default: kmod 30 warns about {@code weakdep} as an unknown command.
         *
         * @param on true to read {@code weakdep} as kmod 33 and later do
         * @return this builder
         */
        public Builder weakdeps(boolean on) {
            this.weakdeps = on;
            return this;
        }

        /**
         * Whether files are found and read as kmod 34 does rather than as kmod 30 (the default),
         * where the two differ (both checked with the real tools): kmod 34 reads only {@code *.conf}
         * entries of a directory (kmod 30 also {@code *.alias}); it reports an entry that cannot be
         * stat'ed, a broken link ({@link ConfigWarning.Kind#CANNOT_STAT}), and leaves it out (kmod
         * 30 lists it silently, reads nothing from it, and it hides the same name in later
         * directories); and a backslash that is a file's last byte is dropped (kmod 30 reads it as
         * the byte 0xFF).
         *
         * @param on true to read the files as kmod 34 does, false as kmod 30
         * @return this builder
         */
        public Builder kmod34Reading(boolean on) {
            this.kmod34Entries = on;
            return this;
        }

        /**
         * Everything the configuration reader does as {@code profile}'s kmod: its default
         * directories ({@link #directories}), {@link #weakdeps} and {@link #kmod34Reading}.
         *
         * @param profile the kmod release followed
         * @return this builder
         */
        public Builder profile(io.github.jkmod.core.KmodProfile profile) {
            return directories(profile.configDirectories()).weakdeps(profile.weakdeps())
                    .kmod34Reading(profile == io.github.jkmod.core.KmodProfile.KMOD_34);
        }

        /**
         * Reads everything and returns the configuration.
         *
         * @return the configuration, with the problems met as {@link ModprobeConfig#warnings()}
         */
        public ModprobeConfig build() {
            ConfigParser.Contents contents = new ConfigParser.Contents();
            List<ConfigFiles.Source> sources = new ArrayList<>(explicit);
            if (sources.isEmpty()) {
                for (String d : directories) {
                    sources.add(new ConfigFiles.Source(configRoot.resolve(d), "/" + d));
                }
            }
            // Anonymous classes rather than lambdas here and below: lambdas cost start-up time.
            List<ConfigFile> files = ConfigFiles.list(sources, moduleDir, weakdeps, kmod34Entries,
                    new Consumer<ConfigFile>() {
                        @Override
                        public void accept(ConfigFile dir) {
                            contents.warnings.add(new ConfigWarning(dir.path(), 0,
                                    "Directories inside directories are not supported: " + dir.displayName(),
                                    ConfigWarning.Kind.DIRECTORY_IN_DIRECTORY));
                        }
                    },
                    new Consumer<ConfigFile>() {
                        @Override
                        public void accept(ConfigFile entry) {
                            contents.warnings.add(new ConfigWarning(entry.path(), 0,
                                    "Cannot stat directory entry: " + entry.displayName(),
                                    ConfigWarning.Kind.CANNOT_STAT));
                        }
                    });
            ConfigParser parser = new ConfigParser(contents, weakdeps, kmod34Entries);
            for (ConfigFile file : files) {
                byte[] data = read(file.path(), MAX_FILE_SIZE + 1);
                contents.files.add(file);
                if (data != null && data.length > MAX_FILE_SIZE) {
                    contents.warnings.add(new ConfigWarning(file.path(), 0, file.displayName()
                            + ": ignoring file larger than jkmod's limit of " + MAX_FILE_SIZE + " bytes",
                            ConfigWarning.Kind.TOO_LARGE));
                } else if (data != null) {
                    parser.parse(file, data);
                }
            }
            if (cmdlineFile != null) {
                byte[] data = read(cmdlineFile, KernelCmdline.LIMIT);
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
            KernelCmdline.parse(new String(data, StandardCharsets.ISO_8859_1), new KernelCmdline.Sink() {
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

        /** The first {@code max} bytes of {@code file}, or null when it cannot be read. */
        private static byte[] read(Path file, int max) {
            try {
                return SpecialFiles.head(file, max);
            } catch (java.nio.file.NoSuchFileException e) {
                // Usual (modules.weakdep before kmod 33): not worth the logger, which costs
                // jmodprobe about 10 ms of start-up to set up.
                return null;
            } catch (IOException | SecurityException e) {
                Logging.LOG.log(System.Logger.Level.DEBUG, "cannot read " + file + ": " + e);
                return null;
            }
        }
    }
}
