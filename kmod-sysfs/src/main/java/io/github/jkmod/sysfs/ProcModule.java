package io.github.jkmod.sysfs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line of {@code /proc/modules}:
 * {@code name size refcount holders state address [(taints)]}, for example
 * {@code nvidia 56463360 3 nvidia_uvm,nvidia_modeset, Live 0xffffffffc0a00000 (POE)}.
 *
 * @param name the module's kernel name
 * @param size the size of its core, in bytes
 * @param refcount its reference count; empty when the kernel prints {@code -} (no module unloading)
 * @param holders the modules that use it, in the kernel's order
 * @param markers the bracketed words of the holders column without brackets, e.g. {@code permanent}
 * @param state Live, Loading or Unloading
 * @param address the load address (0 when the kernel hides it from the reader)
 * @param taints the taint letters between parentheses (e.g. {@code OE}); empty when there are none
 */
public record ProcModule(
        String name,
        long size,
        OptionalInt refcount,
        List<String> holders,
        List<String> markers,
        ProcState state,
        long address,
        String taints) {

    /**
     * Copies the lists and checks that nothing is null.
     *
     * @param name the module's kernel name
     * @param size the size of its core, in bytes
     * @param refcount its reference count, or empty for {@code -}
     * @param holders the modules that use it; copied
     * @param markers the bracketed words of the holders column; copied
     * @param state its state
     * @param address its load address
     * @param taints its taint letters, or empty
     */
    public ProcModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(refcount, "refcount");
        holders = List.copyOf(holders);
        markers = List.copyOf(markers);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(taints, "taints");
    }

    /**
     * A line with a reference count, no markers and no taints.
     *
     * @param name the module's kernel name
     * @param size the size of its core, in bytes
     * @param refcount its reference count
     * @param holders the modules that use it
     * @param state its state
     * @param address its load address
     * @return the entry
     */
    public static ProcModule of(String name, long size, int refcount, List<String> holders, ProcState state,
            long address) {
        return new ProcModule(name, size, OptionalInt.of(refcount), holders, List.of(), state, address, "");
    }

    /**
     * This entry as the kernel prints it, without the newline.
     *
     * @return the line, e.g. {@code fuse 139264 3 - Live 0x0000000000000000}
     */
    public String toLine() {
        StringBuilder line = new StringBuilder().append(name).append(' ').append(size).append(' ');
        if (refcount.isEmpty()) {
            line.append("- -");
        } else {
            line.append(refcount.getAsInt()).append(' ');
            if (holders.isEmpty() && markers.isEmpty()) {
                line.append('-');
            }
            holders.forEach(h -> line.append(h).append(','));
            markers.forEach(m -> line.append('[').append(m).append("],"));
        }
        line.append(' ').append(state.procName()).append(' ').append(String.format("0x%016x", address));
        if (!taints.isEmpty()) {
            line.append(" (").append(taints).append(')');
        }
        return line.toString();
    }

    /** The state column of {@code /proc/modules}. */
    public enum ProcState {
        /** {@code Live}: initialised. */
        LIVE("Live", ModuleState.LIVE),
        /** {@code Loading}: its init function is running. */
        LOADING("Loading", ModuleState.COMING),
        /** {@code Unloading}: being removed. */
        UNLOADING("Unloading", ModuleState.GOING);

        private final String procName;
        private final ModuleState moduleState;

        ProcState(String procName, ModuleState moduleState) {
            this.procName = procName;
            this.moduleState = moduleState;
        }

        /**
         * The word in {@code /proc/modules}: {@code Live}, {@code Loading} or {@code Unloading}.
         *
         * @return the word the kernel prints for this state
         */
        public String procName() {
            return procName;
        }

        /**
         * The matching {@code initstate}: LIVE, COMING or GOING.
         *
         * @return the {@link ModuleState} that {@code initstate} shows for this state
         */
        public ModuleState moduleState() {
            return moduleState;
        }

        /**
         * The state written {@code word} in {@code /proc/modules}; empty for any other word.
         *
         * @param word the state column's word, e.g. {@code Live}
         * @return the state, or empty when the kernel never prints {@code word}
         */
        public static Optional<ProcState> fromProcName(String word) {
            for (ProcState state : values()) {
                if (state.procName.equals(word)) {
                    return Optional.of(state);
                }
            }
            return Optional.empty();
        }

        /**
         * The {@code /proc/modules} state of a loaded module; empty for BUILTIN and NOT_LOADED.
         *
         * @param moduleState the state read from {@code initstate}
         * @return the matching state, or empty when the module has no line in {@code /proc/modules}
         */
        public static Optional<ProcState> of(ModuleState moduleState) {
            for (ProcState state : values()) {
                if (state.moduleState == moduleState) {
                    return Optional.of(state);
                }
            }
            return Optional.empty();
        }
    }
}
