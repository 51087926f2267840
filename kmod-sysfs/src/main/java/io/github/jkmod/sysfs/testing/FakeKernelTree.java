package io.github.jkmod.sysfs.testing;

import io.github.jkmod.sysfs.BuiltinOracle;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.ProcModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake kernel tree for unit tests: real files under a root directory, as the kernel shows them in
 * {@code /sys/module} and {@code /proc}, that a {@link KernelState} (or any other reader) can read.
 * Works on the default file system (a JUnit {@code @TempDir}) and on in-memory ones (Jimfs) alike.
 *
 * <pre>{@code
 * FakeKernelTree tree = FakeKernelTree.at(tempDir);
 * tree.module("ext4").live().parameter("debug", "0").section(".text", 0xffffffffc0000000L);
 * tree.module("jbd2").live().holder("ext4").refcount(1); // ext4 uses jbd2
 * tree.module("fuse").inWindow();           // directory without initstate
 * tree.compression("zstd").cmdline("root=/dev/sda1 quiet");
 * KernelState kernel = tree.kernelState(); // root + this tree's builtin oracle
 * }</pre>
 *
 * <p>Layout written under the root:
 *
 * <ul>
 *   <li>{@code sys/module/NAME/}: {@code initstate}, {@code refcnt}, {@code coresize},
 *       {@code holders/HOLDER -> ../../HOLDER} (symbolic links), {@code sections/SECTION},
 *       {@code parameters/PARAMETER}; see {@link FakeModule} for what each phase shows;
 *   <li>{@code sys/module/compression}, {@code proc/cmdline} when set;
 *   <li>{@code sys/devices/PATH/}: devices ({@link #device}, {@link FakeDevice}) with {@code modalias},
 *       {@code uevent}, links to {@code sys/bus/...};
 *   <li>{@code proc/modules}: written from the modules' phases (most recently loaded first) after every
 *       change, unless lines were given by hand with {@link #procModulesLines};
 *   <li>{@code .fake-kernel-tree/}: a staging directory for atomic writes (never read by jkmod).
 * </ul>
 *
 * <p>Modules move through their phases while a test runs ({@code inWindow()}, {@code coming()},
 * {@code live()}, {@code going()}, {@code remove()}), from any thread, to script races: each file is
 * renamed into place, so a concurrent reader never sees one half-written. Write failures are
 * {@link java.io.UncheckedIOException}s, so that the fluent calls fit in lambdas.
 */
public final class FakeKernelTree {

    private final Path root;
    private final TreeWriter writer;
    private final Map<String, FakeModule> modules = new LinkedHashMap<>();
    private final Map<String, FakeDevice> devices = new LinkedHashMap<>();
    private final Set<String> builtins = ConcurrentHashMap.newKeySet();
    /** Modules listed in {@code proc/modules}, most recently loaded first. */
    private final List<FakeModule> loadOrder = new ArrayList<>();
    private boolean procByHand;

    private FakeKernelTree(Path root) {
        this.root = root;
        this.writer = new TreeWriter(root);
        writer.mkdirs(root.resolve("sys/module"));
        writer.writeAtomically(root.resolve("proc/modules"), "");
    }

    /**
     * A new tree under {@code root} (created if needed): an empty {@code sys/module/} and an empty
     * {@code proc/modules}.
     *
     * @param root the directory to build the fake {@code sys/} and {@code proc/} in, e.g. a JUnit
     *     {@code @TempDir}
     * @return the new tree
     * @throws java.io.UncheckedIOException when the directories cannot be created
     */
    public static FakeKernelTree at(Path root) {
        return new FakeKernelTree(Objects.requireNonNull(root, "root"));
    }

    /**
     * The root given to {@link #at}.
     *
     * @return the root directory of the tree
     */
    public Path root() {
        return root;
    }

    /**
     * The handle of module {@code name}; a new handle is {@linkplain FakeModule.Phase#ABSENT absent}
     * until a phase method is called. The same handle is returned for the same name.
     *
     * @param name the module's kernel name
     * @return the module's handle
     * @throws IllegalArgumentException when {@code name} is empty, {@code .}, {@code ..} or holds a {@code /}
     */
    public synchronized FakeModule module(String name) {
        checkName(name);
        return modules.computeIfAbsent(name, n -> new FakeModule(this, n));
    }

    /**
     * The handle of the device at {@code sys/devices/PATH} (its directory created). A device and its
     * parent directories are plain directories; give it a modalias, a subsystem, a driver and
     * children through the handle.
     *
     * @param path the device's path below {@code sys/devices}, e.g. {@code pci0000:00/0000:00:03.0}
     * @return the device's handle (the same one for the same path)
     * @throws IllegalArgumentException when {@code path} is empty, absolute, or has an empty, {@code .}
     *     or {@code ..} component
     */
    public synchronized FakeDevice device(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("invalid device path '" + path + "'");
        }
        for (String part : path.split("/", -1)) {
            checkName(part);
        }
        return devices.computeIfAbsent(path, p -> new FakeDevice(this, p));
    }

    /**
     * Writes {@code sys/module/compression} ({@code gzip}, {@code xz}, {@code zstd}).
     *
     * @param method the compression method the fake kernel claims to decompress
     * @return this tree, for chaining
     */
    public synchronized FakeKernelTree compression(String method) {
        writer.writeAtomically(root.resolve("sys/module/compression"), method + "\n");
        return this;
    }

    /**
     * Writes {@code proc/cmdline} (a newline is added).
     *
     * @param commandLine the kernel command line, e.g. {@code "quiet foo.bar=1"}
     * @return this tree, for chaining
     */
    public synchronized FakeKernelTree cmdline(String commandLine) {
        writer.writeAtomically(root.resolve("proc/cmdline"), commandLine + "\n");
        return this;
    }

    /**
     * Writes {@code proc/modules} by hand (each line followed by a newline), and stops writing it from
     * the modules' phases until {@link #procModulesFromModules()}.
     *
     * @param lines the lines, without newlines
     * @return this tree, for chaining
     */
    public synchronized FakeKernelTree procModulesLines(String... lines) {
        procByHand = true;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        writer.writeAtomically(root.resolve("proc/modules"), text.toString());
        return this;
    }

    /**
     * Writes {@code proc/modules} from the modules' phases again, now and after every change.
     *
     * @return this tree, for chaining
     */
    public synchronized FakeKernelTree procModulesFromModules() {
        procByHand = false;
        writeProcModules();
        return this;
    }

    /**
     * Writes any file under the root, e.g. a malformed {@code sys/module/x/refcnt} for a test of bad
     * input. The content is written as given (no newline added).
     *
     * @param relativePath a path relative to the root, such as {@code "sys/module/x/initstate"}
     * @param content the exact bytes to write, as text
     * @return this tree, for chaining
     * @throws IllegalArgumentException when {@code relativePath} is absolute
     */
    public synchronized FakeKernelTree file(String relativePath, String content) {
        Path relative = root.getFileSystem().getPath(relativePath);
        if (relative.isAbsolute()) {
            throw new IllegalArgumentException("path must be relative to the root: '" + relativePath + "'");
        }
        writer.writeAtomically(root.resolve(relative), content);
        return this;
    }

    /**
     * Says yes for the modules that were made {@link FakeModule#builtin()}; thread-safe, live.
     *
     * @return an oracle that reads the builtin marks of this tree at each question
     */
    public BuiltinOracle builtinOracle() {
        return builtins::contains;
    }

    /**
     * A {@link KernelState} of this root that uses {@link #builtinOracle()} (default logic).
     *
     * @return a state reader of this tree
     */
    public KernelState kernelState() {
        return KernelState.ofRoot(root).withBuiltinOracle(builtinOracle());
    }

    @Override
    public String toString() {
        return "FakeKernelTree[" + root + "]";
    }

    // ---- used by FakeModule, under this lock ----

    TreeWriter writer() {
        return writer;
    }

    /** Called after any change of {@code module}; {@code previous} is its phase before the change. */
    void changed(FakeModule module, FakeModule.Phase previous) {
        FakeModule.Phase now = module.phase();
        boolean wasListed = FakeModule.procState(previous).isPresent();
        boolean listed = FakeModule.procState(now).isPresent();
        if (now == FakeModule.Phase.BUILTIN) {
            builtins.add(module.name());
        } else {
            builtins.remove(module.name());
        }
        if (listed && !wasListed) {
            // The kernel lists a module (Loading) before it creates its sysfs directory.
            loadOrder.add(0, module);
            writeProcModules();
            module.sync(previous);
        } else {
            // ... and removes its sysfs directory before it drops it from the list.
            module.sync(previous);
            if (!listed) {
                loadOrder.remove(module);
            }
            writeProcModules();
        }
    }

    private void writeProcModules() {
        if (procByHand) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (FakeModule module : loadOrder) {
            Optional<ProcModule> entry = module.procEntry();
            entry.ifPresent(e -> text.append(e.toLine()).append('\n'));
        }
        writer.writeAtomically(root.resolve("proc/modules"), text.toString());
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid name '" + name + "'");
        }
        return name;
    }
}
