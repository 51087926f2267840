package io.github.jkmod.sysfs;

import io.github.jkmod.KmodException;
import io.github.jkmod.index.ModuleDirectory;
import io.github.jkmod.index.ModuleIndex;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link BuiltinOracle} answering from {@code modules.builtin.bin} (or its text twin) of a module
 * directory, found on first use: either given, or the running kernel's under a root
 * ({@code ROOT/lib/modules/RELEASE}, else {@code ROOT/usr/lib/modules/RELEASE}). No index, or no
 * kernel release to find it by, means no module is builtin.
 */
final class IndexBuiltinOracle implements BuiltinOracle {
    /** The kernel release is at most a line; the kernel gives at most a page. */
    private static final int MAX_RELEASE_BYTES = 4096;

    private final Path root;
    private final ModuleDirectory given;
    private volatile Optional<ModuleDirectory> directory;

    private IndexBuiltinOracle(Path root, ModuleDirectory given) {
        this.root = root;
        this.given = given;
    }

    static IndexBuiltinOracle of(ModuleDirectory directory) {
        return new IndexBuiltinOracle(null, Objects.requireNonNull(directory, "directory"));
    }

    static IndexBuiltinOracle runningKernel(Path root) {
        return new IndexBuiltinOracle(Objects.requireNonNull(root, "root"), null);
    }

    @Override
    public boolean isBuiltin(String module) throws KmodException {
        Optional<ModuleDirectory> dir = directory();
        if (dir.isEmpty()) {
            return false;
        }
        Optional<ModuleIndex> builtin = dir.get().builtin();
        return builtin.isPresent() && builtin.get().lookup(module).isPresent();
    }

    private Optional<ModuleDirectory> directory() throws SysfsException {
        Optional<ModuleDirectory> dir = directory;
        if (dir == null) {
            dir = given != null ? Optional.of(given) : release().map(r -> ModuleDirectory.open(root, r));
            directory = dir;
        }
        return dir;
    }

    /** {@code ROOT/proc/sys/kernel/osrelease}; for the root {@code /} the JVM's {@code os.version} if it cannot be read. */
    private Optional<String> release() throws SysfsException {
        Optional<String> text = KernelFiles.read(root.resolve("proc/sys/kernel/osrelease"), MAX_RELEASE_BYTES);
        Optional<String> release = text.map(String::strip).filter(s -> !s.isEmpty() && s.indexOf('/') < 0);
        if (release.isEmpty() && root.getParent() == null && root.getFileSystem().equals(java.nio.file.FileSystems.getDefault())
                && "Linux".equals(System.getProperty("os.name"))) {
            return Optional.ofNullable(System.getProperty("os.version")).filter(s -> !s.isEmpty() && s.indexOf('/') < 0);
        }
        return release;
    }
}
