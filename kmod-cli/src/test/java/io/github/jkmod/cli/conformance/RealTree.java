package io.github.jkmod.cli.conformance;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.modinfo.ModuleFile;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.core.testsupport.AliasSamples;
import io.github.jkmod.core.testsupport.RealModprobe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Debian module tree and the real modprobe of the chosen oracle ({@code jkmod.oracle},
 * {@link io.github.jkmod.testsupport.Oracle}: kmod 30 and the Debian 12 tree, or kmod 34.2 and the
 * Debian 13 tree). {@link #require()} skips the calling test when either is missing, or fails it
 * under {@code .ci/run}.
 */
record RealTree(FetchedTree fetched, String modprobe) {

    /** The tree and the real modprobe, or a skipped test. */
    static RealTree require() {
        Path modprobe = RealModprobe.require();
        FetchedTree tree = FetchedTree.require();
        return new RealTree(tree, modprobe.toString());
    }

    /** The root to give {@code -d}. */
    Path root() {
        return fetched.root();
    }

    /** The tree's kernel release. */
    String release() {
        return fetched.release();
    }

    /** {@code ROOT/lib/modules/RELEASE}. */
    Path moduleDir() {
        return fetched.moduleDir();
    }

    /**
     * A module file of the tree, e.g. {@code kernel/lib/crc16.ko}: the plain file, or its compressed
     * one ({@code crc16.ko.xz} in the Debian 13 tree), see {@link FetchedTree#moduleFile}.
     */
    Path moduleFile(String relative) {
        return fetched.moduleFile(relative);
    }

    /** The uncompressed ELF image of {@link #moduleFile}{@code (relative)}. */
    byte[] plainModule(String relative) throws IOException {
        try {
            return ModuleFile.read(moduleFile(relative)).image();
        } catch (KmodException e) {
            throw new IOException(e);
        }
    }

    /** {@code -d ROOT -S RELEASE}. */
    List<String> rootArgs() {
        return List.of("-d", root().toString(), "-S", release());
    }

    /** {@code -C CONFIG -d ROOT -S RELEASE}, then {@code more}. */
    List<String> args(Path config, String... more) {
        List<String> out = new ArrayList<>(List.of("-C", config.toString()));
        out.addAll(rootArgs());
        out.addAll(List.of(more));
        return out;
    }

    /** Every module file of modules.dep, relative to the module directory, in file order. */
    List<String> moduleFiles() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(moduleDir().resolve("modules.dep"), StandardCharsets.ISO_8859_1)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.add(line.substring(0, colon));
            }
        }
        return out;
    }

    /** Every module name (of modules.dep, as modprobe names them: '-' as '_'). */
    List<String> moduleNames() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String f : moduleFiles()) {
            out.add(FetchedTree.moduleName(f));
        }
        return new ArrayList<>(out);
    }

    /** The names of modules.builtin. */
    List<String> builtinNames() throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : Files.readAllLines(moduleDir().resolve("modules.builtin"), StandardCharsets.ISO_8859_1)) {
            out.add(FetchedTree.moduleName(f));
        }
        return out;
    }

    /** One concrete string per line of modules.alias. */
    List<String> aliasSamples() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(moduleDir().resolve("modules.alias"), StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("alias ")) {
                out.add(AliasSamples.concrete(line.split(" ")[1]));
            }
        }
        return out;
    }
}
