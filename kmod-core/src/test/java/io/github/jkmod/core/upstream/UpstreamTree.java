package io.github.jkmod.core.upstream;

import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.index.IndexWriter;
import io.github.jkmod.index.TextIndexBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small root file system for one of the cases of kmod's own test suite, written into a test's
 * temporary directory: {@code ROOT/lib/modules/RELEASE/} with hand-written {@code modules.dep},
 * {@code modules.alias}, {@code modules.symbols}, {@code modules.builtin}, {@code modules.softdep},
 * {@code modules.weakdep}, the {@code .bin} indexes built from them, the module files, and
 * {@code ROOT/etc/modprobe.d/} (given to the tools with {@code -C}).
 *
 * <p>Why hand-written text files and jkmod's own index writer rather than depmod: the cases are
 * about modprobe and libkmod, which read the indexes and never the content of a module for
 * {@code -n}, {@code --show-depends}, {@code -R} or {@code -c}; each case needs a precise,
 * sometimes odd tree (a module outside the module directory, an empty {@code modules.builtin.bin},
 * a dependency written by hand), which depmod would not write from modules; and
 * {@link TextIndexBuilder} writes the {@code .bin} files byte for byte as depmod does (kmod 34's
 * layout, {@link IndexWriter.Layout#PRE_ORDER}; both kmod 30 and 34.2 read it). Each module file is
 * still a small valid ELF module with a {@code .modinfo} section ({@link ElfBuilder}): jkmod's fake
 * kernel, {@code --show-exports} and {@code --dump-modversions} read them. Nothing here is copied
 * from kmod's trees: the files are written from the description of each case.
 */
public final class UpstreamTree {
    /** The version magic of every module written. */
    public static final String VERMAGIC = "4.4.4 SMP mod_unload ";

    private final Path root;
    private final String release;
    private final Map<String, List<String>> texts = new LinkedHashMap<>();
    private final Map<String, List<String>> confs = new LinkedHashMap<>();
    private final List<String> emptyIndexes = new ArrayList<>();

    private UpstreamTree(Path root, String release) {
        this.root = root;
        this.release = release;
    }

    /** A tree at {@code root} for {@code release}; nothing is written before {@link #write()}. */
    public static UpstreamTree at(Path root, String release) {
        return new UpstreamTree(root, release);
    }

    /** The root of the file system. */
    public Path root() {
        return root;
    }

    /** The kernel release. */
    public String release() {
        return release;
    }

    /** {@code ROOT/lib/modules/RELEASE}. */
    public Path moduleDirectory() {
        return root.resolve("lib/modules").resolve(release);
    }

    /** {@code ROOT/etc/modprobe.d} (created by {@link #write()}, empty when no file was given). */
    public Path configDirectory() {
        return root.resolve("etc/modprobe.d");
    }

    /** Sets the lines of a text file of the module directory ({@code modules.dep}, ...). */
    public UpstreamTree text(String name, String... lines) {
        texts.put(name, List.of(lines));
        return this;
    }

    /** Sets the lines of {@code modules.dep}. */
    public UpstreamTree dep(String... lines) {
        return text("modules.dep", lines);
    }

    /**
     * The text files depmod writes for modules that export nothing but {@code print<X>} and have no
     * alias, softdep or device node: {@code modules.dep} as given, the other files with only
     * depmod's comment line, {@code modules.symbols} with the exports of each module (see
     * {@link #module(Path)}); and, as in most of kmod's trees, a 0-byte
     * {@code modules.builtin.bin} (no {@code modules.builtin}).
     */
    public UpstreamTree depmodLike(String... depLines) {
        dep(depLines);
        text("modules.alias", "# Aliases extracted from modules themselves.");
        List<String> symbols = new ArrayList<>();
        symbols.add("# Aliases for symbols, used by symbol_request().");
        for (String line : depLines) {
            String path = line.substring(0, line.indexOf(':'));
            String name = nameOf(path);
            exported(name).ifPresent(sym -> symbols.add("alias symbol:" + sym + " " + name));
        }
        text("modules.symbols", symbols.toArray(String[]::new));
        text("modules.softdep", "# Soft dependencies extracted from modules themselves.");
        text("modules.devname", "# Device nodes to trigger on-demand module loading.");
        return emptyIndex("modules.builtin.bin");
    }

    /** The symbol {@link #module(Path)} exports for a module name: {@code print<X>} for {@code ..._x}. */
    public static java.util.Optional<String> exported(String name) {
        int dash = name.lastIndexOf('_');
        if (dash >= 0 && name.length() - dash == 2 && Character.isLetter(name.charAt(dash + 1))) {
            return java.util.Optional.of("print" + Character.toUpperCase(name.charAt(dash + 1)));
        }
        return java.util.Optional.empty();
    }

    /** Adds a file {@code ROOT/etc/modprobe.d/NAME} with these lines. */
    public UpstreamTree conf(String name, String... lines) {
        confs.put(name, List.of(lines));
        return this;
    }

    /** After the indexes are built, makes {@code NAME} (e.g. {@code modules.builtin.bin}) 0 bytes long. */
    public UpstreamTree emptyIndex(String name) {
        emptyIndexes.add(name);
        return this;
    }

    /** Writes the text files, builds the indexes, writes a module file for every modules.dep entry. */
    public UpstreamTree write() {
        try {
            Path dir = moduleDirectory();
            Files.createDirectories(dir);
            Files.createDirectories(configDirectory());
            for (Map.Entry<String, List<String>> e : texts.entrySet()) {
                lines(dir.resolve(e.getKey()), e.getValue());
            }
            for (Map.Entry<String, List<String>> e : confs.entrySet()) {
                lines(configDirectory().resolve(e.getKey()), e.getValue());
            }
            TextIndexBuilder.of(dir).writeAll(dir, IndexWriter.Layout.PRE_ORDER);
            for (String name : emptyIndexes) {
                Files.write(dir.resolve(name), new byte[0]);
            }
            for (String line : texts.getOrDefault("modules.dep", List.of())) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String path = line.substring(0, colon);
                    Path file = path.startsWith("/") ? Path.of(path) : dir.resolve(path);
                    if (!Files.exists(file)) {
                        module(file);
                    }
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a small ELF module at {@code file}, named after the file (up to the first dot,
     * {@code -} as {@code _}), exporting {@code print<X>} for a name ending in {@code -<x>}.
     *
     * @return the file
     */
    public static Path module(Path file) throws IOException {
        String name = nameOf(file.toString());
        ElfBuilder elf = ElfBuilder.module(name, VERMAGIC);
        exported(name).ifPresent(sym -> elf.export(0x1234ab00L + sym.charAt(5), sym));
        Files.createDirectories(file.getParent());
        Files.write(file, elf.build());
        return file;
    }

    /** The module name of a file path: the file name up to its first dot, {@code -} as {@code _}. */
    public static String nameOf(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        return (dot < 0 ? base : base.substring(0, dot)).replace('-', '_');
    }

    /** Writes {@code file} with these lines, each ended by a newline. */
    public static Path lines(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.ISO_8859_1);
        return file;
    }
}
