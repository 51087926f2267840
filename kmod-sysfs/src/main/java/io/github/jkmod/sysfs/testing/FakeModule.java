package io.github.jkmod.sysfs.testing;

import io.github.jkmod.sysfs.ModuleState;
import io.github.jkmod.sysfs.ProcModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One module of a {@link FakeKernelTree}: a handle whose fluent methods change the files under
 * {@code sys/module/NAME/} at once (and {@code proc/modules}, unless it was written by hand).
 *
 * <p>A new handle is {@linkplain Phase#ABSENT absent}: nothing is on disk. Attributes (refcount,
 * holders, parameters, sections, core size, address) can be set in any phase and in any order; they
 * are written whenever the phase shows them:
 *
 * <table>
 *   <caption>What each phase writes</caption>
 *   <tr><th>phase</th><th>{@code sys/module/NAME/}</th><th>{@code proc/modules}</th></tr>
 *   <tr><td>{@link #inWindow()}</td><td>directory, {@code holders/}, {@code parameters/}; no
 *       {@code initstate}, {@code refcnt}, {@code coresize}, {@code sections/}</td><td>{@code Loading}</td></tr>
 *   <tr><td>{@link #coming()}, {@link #live()}, {@link #going()}</td><td>all of the above, then
 *       {@code initstate} last</td><td>{@code Loading}, {@code Live}, {@code Unloading}</td></tr>
 *   <tr><td>{@link #builtin()}</td><td>directory and {@code parameters/} only (as the kernel does for
 *       a builtin module with parameters)</td><td>absent</td></tr>
 *   <tr><td>{@link #remove()}</td><td>gone (at once)</td><td>absent</td></tr>
 * </table>
 *
 * <p>Every file is written so that a concurrent reader never sees it half-written, and a module
 * directory appears and disappears at once; only the order of files within a phase change is
 * visible, as it is on a real kernel. Methods may be called from any thread (they lock the tree).
 * Failures to write are {@link java.io.UncheckedIOException}s.
 */
public final class FakeModule {

    /** Where a fake module stands. */
    public enum Phase {
        /** Not on disk. */
        ABSENT,
        /** Directory present, {@code initstate} absent: the window (docs/semantics.md). */
        WINDOW,
        /** {@code initstate} = {@code coming}. */
        COMING,
        /** {@code initstate} = {@code live}. */
        LIVE,
        /** {@code initstate} = {@code going}. */
        GOING,
        /** Compiled into the kernel: no {@code initstate}, known to {@link FakeKernelTree#builtinOracle()}. */
        BUILTIN
    }

    /** The core size written when none is set: {@value} bytes. */
    public static final long DEFAULT_CORE_SIZE = 16384;

    private final FakeKernelTree tree;
    private final String name;

    // All fields are guarded by the tree's lock.
    private Phase phase = Phase.ABSENT;
    private OptionalInt refcount = OptionalInt.empty();
    private final List<String> holders = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, Long> sections = new LinkedHashMap<>();
    private long coreSize = DEFAULT_CORE_SIZE;
    private long address;

    FakeModule(FakeKernelTree tree, String name) {
        this.tree = tree;
        this.name = name;
    }

    /**
     * The module's name.
     *
     * @return the module's kernel name
     */
    public String name() {
        return name;
    }

    /**
     * The tree this module belongs to (to go on with another module in one chain).
     *
     * @return the tree that made this handle
     */
    public FakeKernelTree tree() {
        return tree;
    }

    /**
     * The module's current phase.
     *
     * @return the phase the module's files show now
     */
    public Phase phase() {
        synchronized (tree) {
            return phase;
        }
    }

    /**
     * The directory {@code ROOT/sys/module/NAME}.
     *
     * @return the module's sysfs directory, which exists in every phase but {@link Phase#ABSENT}
     */
    public Path directory() {
        return tree.root().resolve("sys/module").resolve(name);
    }

    /**
     * Puts the module in the window: directory present, no {@code initstate} yet.
     *
     * @return this module, for chaining
     */
    public FakeModule inWindow() {
        return moveTo(Phase.WINDOW);
    }

    /**
     * Loading: {@code initstate} = {@code coming}.
     *
     * @return this module, for chaining
     */
    public FakeModule coming() {
        return moveTo(Phase.COMING);
    }

    /**
     * Loaded: {@code initstate} = {@code live}.
     *
     * @return this module, for chaining
     */
    public FakeModule live() {
        return moveTo(Phase.LIVE);
    }

    /**
     * Being removed: {@code initstate} = {@code going}.
     *
     * @return this module, for chaining
     */
    public FakeModule going() {
        return moveTo(Phase.GOING);
    }

    /**
     * Builtin: a directory without {@code initstate}, and {@link FakeKernelTree#builtinOracle()}
     * says yes.
     *
     * @return this module, for chaining
     */
    public FakeModule builtin() {
        return moveTo(Phase.BUILTIN);
    }

    /**
     * Not loaded: the directory disappears at once and the line leaves {@code proc/modules}.
     *
     * @return this module, for chaining
     */
    public FakeModule remove() {
        return moveTo(Phase.ABSENT);
    }

    /**
     * Sets {@code refcnt} (when not set: the number of holders).
     *
     * @param count the reference count to show
     * @return this module, for chaining
     */
    public FakeModule refcount(int count) {
        synchronized (tree) {
            refcount = OptionalInt.of(count);
            tree.changed(this, phase);
        }
        return this;
    }

    /**
     * Adds a holder: the link {@code holders/HOLDER -> ../../HOLDER}, as the kernel makes it.
     *
     * @param holder the name of the module that uses this one
     * @return this module, for chaining
     */
    public FakeModule holder(String holder) {
        FakeKernelTree.checkName(holder);
        synchronized (tree) {
            if (!holders.contains(holder)) {
                holders.add(holder);
            }
            tree.changed(this, phase);
        }
        return this;
    }

    /**
     * Removes a holder's link.
     *
     * @param holder the name of the holder to drop
     * @return this module, for chaining
     */
    public FakeModule removeHolder(String holder) {
        synchronized (tree) {
            if (holders.remove(holder) && phase != Phase.ABSENT) {
                tree.writer().delete(directory().resolve("holders").resolve(holder));
            }
            tree.changed(this, phase);
        }
        return this;
    }

    /**
     * Sets {@code parameters/NAME} (written with a newline, as the kernel does).
     *
     * @param parameter the parameter's name
     * @param value its value, without the newline
     * @return this module, for chaining
     */
    public FakeModule parameter(String parameter, String value) {
        FakeKernelTree.checkName(parameter);
        synchronized (tree) {
            parameters.put(parameter, value);
            tree.changed(this, phase);
        }
        return this;
    }

    /**
     * Sets {@code sections/SECTION} to {@code 0x%016x} of {@code address}.
     *
     * @param section the section's name, e.g. {@code .text}
     * @param address the section's load address
     * @return this module, for chaining
     */
    public FakeModule section(String section, long address) {
        FakeKernelTree.checkName(section);
        synchronized (tree) {
            sections.put(section, address);
            tree.changed(this, phase);
        }
        return this;
    }

    /**
     * Sets {@code coresize} (and the size column of {@code proc/modules}).
     *
     * @param bytes the size of the module's core, in bytes
     * @return this module, for chaining
     */
    public FakeModule coresize(long bytes) {
        synchronized (tree) {
            coreSize = bytes;
            tree.changed(this, phase);
        }
        return this;
    }

    /**
     * Sets the address column of {@code proc/modules} (0 when not set, as non-root readers see it).
     *
     * @param loadAddress the load address to show
     * @return this module, for chaining
     */
    public FakeModule address(long loadAddress) {
        synchronized (tree) {
            address = loadAddress;
            tree.changed(this, phase);
        }
        return this;
    }

    private FakeModule moveTo(Phase next) {
        synchronized (tree) {
            Phase previous = phase;
            phase = next;
            tree.changed(this, previous);
        }
        return this;
    }

    // ---- used by FakeKernelTree, under its lock ----

    /** The {@code proc/modules} entry of this module in its phase; empty when it has none. */
    Optional<ProcModule> procEntry() {
        Optional<ProcModule.ProcState> state = procState(phase);
        return state.map(s -> ProcModule.of(name, coreSize, effectiveRefcount(), holders, s, address));
    }

    static Optional<ProcModule.ProcState> procState(Phase phase) {
        switch (phase) {
            case WINDOW:
            case COMING:
                return Optional.of(ProcModule.ProcState.LOADING);
            case LIVE:
                return Optional.of(ProcModule.ProcState.LIVE);
            case GOING:
                return Optional.of(ProcModule.ProcState.UNLOADING);
            default:
                return Optional.empty();
        }
    }

    /** Brings the files of the module directory in line with the phase. */
    void sync(Phase previous) {
        TreeWriter writer = tree.writer();
        Path dir = directory();
        if (phase == Phase.ABSENT) {
            writer.removeTree(dir);
            return;
        }
        if (previous == Phase.ABSENT) {
            Path staged = writer.scratch("module-" + name);
            writeContent(staged, false);
            writer.moveIntoPlace(staged, dir);
            return;
        }
        writeContent(dir, true);
    }

    /** Writes the files of the phase under {@code dir} ({@code atomically} when readers may look). */
    private void writeContent(Path dir, boolean atomically) {
        TreeWriter writer = tree.writer();
        boolean withInitstate = initstate().isPresent();
        if (!withInitstate) {
            writer.delete(dir.resolve("initstate"));
        }
        writer.mkdirs(dir);
        if (phase != Phase.BUILTIN) {
            writer.mkdirs(dir.resolve("holders"));
            for (String holder : holders) {
                writer.symlink(dir.resolve("holders").resolve(holder), "../../" + holder);
            }
        } else {
            writer.removeTree(dir.resolve("holders"));
        }
        if (!parameters.isEmpty()) {
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                put(dir.resolve("parameters").resolve(p.getKey()), p.getValue() + "\n", atomically);
            }
        }
        if (withInitstate) {
            put(dir.resolve("refcnt"), effectiveRefcount() + "\n", atomically);
            put(dir.resolve("coresize"), coreSize + "\n", atomically);
            writer.mkdirs(dir.resolve("sections"));
            for (Map.Entry<String, Long> s : sections.entrySet()) {
                put(dir.resolve("sections").resolve(s.getKey()), String.format("0x%016x%n", s.getValue()), atomically);
            }
            put(dir.resolve("initstate"), initstate().get() + "\n", atomically);
        } else {
            writer.delete(dir.resolve("refcnt"));
            writer.delete(dir.resolve("coresize"));
            writer.removeTree(dir.resolve("sections"));
        }
    }

    private Optional<String> initstate() {
        switch (phase) {
            case COMING:
                return Optional.of(ModuleState.COMING.text());
            case LIVE:
                return Optional.of(ModuleState.LIVE.text());
            case GOING:
                return Optional.of(ModuleState.GOING.text());
            default:
                return Optional.empty();
        }
    }

    private int effectiveRefcount() {
        return refcount.orElse(holders.size());
    }

    private void put(Path file, String content, boolean atomically) {
        if (atomically) {
            tree.writer().writeAtomically(file, content);
        } else {
            tree.writer().write(file, content);
        }
    }

    @Override
    public String toString() {
        return "FakeModule[" + name + ", " + phase() + "]";
    }
}
