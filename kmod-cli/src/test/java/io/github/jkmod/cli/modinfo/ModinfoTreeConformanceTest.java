package io.github.jkmod.cli.modinfo;

import static io.github.jkmod.cli.modinfo.ModinfoRuns.compare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jkmod's {@code modinfo} against the real one of the chosen oracle on EVERY module of both real
 * Debian trees (the Debian 12 tree of plain {@code .ko} files and the Debian 13 tree of
 * {@code .ko.xz} files; each kmod reads both), with every option: all module files of a tree in one
 * command line per option set (the real tool runs once per set), then every module name, every
 * builtin module and every alias of {@code modules.alias} through {@code -b ROOT -k RELEASE}.
 * Standard output, standard error and exit status must be equal, byte for byte.
 */
class ModinfoTreeConformanceTest {
    /** The option sets given before every module file. */
    static final List<List<String>> FILE_OPTIONS = List.of(List.of(), List.of("-0"), List.of("-p"), List.of("-0", "-p"),
            List.of("-a"), List.of("-d"), List.of("-l"), List.of("-n"), List.of("-F", "alias"),
            List.of("--field=vermagic"), List.of("-F", "signature"), List.of("-F", "parmtype"),
            List.of("-F", "depends"), List.of("-0", "--author"), List.of("-F", "nosuchfield"));

    /**
     * How many of {@link #FILE_OPTIONS}, from the first, the {@code .ko.xz} tree is given with every
     * module: decompressing its 4,000 modules takes both tools about half a minute a run on the
     * 2-core CI machine. The first four print every field of every module (the default output, with
     * {@code -0}, and the merged parameters both ways), so every byte any other option can print is
     * compared there; the other option sets run on every {@value #XZ_SAMPLE}th module of that tree
     * (and on every module of the plain tree).
     */
    static final int XZ_FULL_SETS = 4;

    /** The sampling step of the {@code .ko.xz} tree for the option sets after {@link #XZ_FULL_SETS}. */
    static final int XZ_SAMPLE = 10;

    /** The trees, by name: the Debian 12 tree of the kmod 30 oracle, the Debian 13 tree of kmod 34.2. */
    static FetchedTree tree(String name) {
        Path dir = (name.equals("debian12") ? Oracle.KMOD30 : Oracle.KMOD34).treeLocation();
        Path release = dir.resolve("release");
        Prerequisites.require(Files.isRegularFile(release), "the real Debian tree " + dir + " (its release file)");
        try {
            FetchedTree tree = new FetchedTree(dir, Files.readString(release, StandardCharsets.UTF_8).strip());
            Prerequisites.require(Files.isDirectory(tree.moduleDir()), "module directory " + tree.moduleDir());
            return tree;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every module file of the tree, sorted, as absolute paths. */
    static List<String> files(FetchedTree tree) throws IOException {
        try (Stream<Path> walk = Files.walk(tree.moduleDir())) {
            List<String> out = new ArrayList<>();
            walk.filter(p -> FetchedTree.isModuleFile(p.toString()) && Files.isRegularFile(p))
                    .forEach(p -> out.add(p.toString()));
            out.sort(null);
            assertTrue(out.size() > 1000, "a real tree has thousands of modules: " + out.size());
            return out;
        }
    }

    static Stream<Arguments> treesAndOptions() {
        List<Arguments> out = new ArrayList<>();
        for (String tree : List.of("debian12", "debian13")) {
            for (List<String> options : FILE_OPTIONS) {
                out.add(Arguments.of(tree, options));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("treesAndOptions")
    void everyModuleFile(String name, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(options);
        List<String> files = files(tree(name));
        boolean sampled = name.equals("debian13") && FILE_OPTIONS.indexOf(options) >= XZ_FULL_SETS;
        for (int i = 0; i < files.size(); i += sampled ? XZ_SAMPLE : 1) {
            args.add(files.get(i));
        }
        ModinfoRuns.Outcome o = compare(args);
        assertEquals(0, o.status());
    }

    static Stream<Arguments> treesAndNameOptions() {
        List<Arguments> out = new ArrayList<>();
        for (String tree : List.of("debian12", "debian13")) {
            for (List<String> options : List.of(List.<String>of(), List.of("-m", "-n"), List.of("-0", "-F", "name"))) {
                out.add(Arguments.of(tree, options));
            }
        }
        return out.stream();
    }

    /** Every module of modules.dep by its name (dashes kept as in the file name: kmod normalises them). */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("treesAndNameOptions")
    void everyModuleName(String name, List<String> options) throws IOException {
        FetchedTree tree = tree(name);
        List<String> args = onTree(tree, options);
        for (String file : files(tree)) {
            String base = file.substring(file.lastIndexOf('/') + 1);
            args.add(base.substring(0, base.indexOf(".ko")));
        }
        compare(args);
    }

    /** Every builtin module of modules.builtin, its fields from modules.builtin.modinfo. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("treesAndNameOptions")
    void everyBuiltinModule(String name, List<String> options) throws IOException {
        FetchedTree tree = tree(name);
        List<String> args = onTree(tree, options);
        int builtins = 0;
        for (String line : Files.readAllLines(tree.moduleDir().resolve("modules.builtin"))) {
            if (!line.isBlank()) {
                args.add(FetchedTree.moduleName(line.strip()));
                builtins++;
            }
        }
        assertTrue(builtins > 100, "a real kernel has many builtin modules: " + builtins);
        compare(args);
        compare(List.of("-b", tree.root().toString(), "-k", tree.release(), "-F", "name", args.get(args.size() - 1)));
    }

    /** Every alias pattern of modules.alias, as given to modinfo (an alias can give several modules). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void everyAlias(String name) throws IOException {
        FetchedTree tree = tree(name);
        Set<String> aliases = new LinkedHashSet<>();
        for (String line : Files.readAllLines(tree.moduleDir().resolve("modules.alias"))) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals("alias")) {
                aliases.add(parts[1]);
            }
        }
        List<String> args = onTree(tree, List.of("-n"));
        args.addAll(aliases);
        compare(args);
    }

    /** {@code -b ROOT -k RELEASE} of the tree, then {@code options}. */
    private static List<String> onTree(FetchedTree tree, List<String> options) {
        List<String> args = new ArrayList<>(List.of("-b", tree.root().toString(), "-k", tree.release()));
        args.addAll(options);
        return args;
    }

    static Stream<String> trees() {
        return Stream.of("debian12", "debian13");
    }
}
