package io.github.jkmod.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The real kmod that the oracle and conformance tests of this JVM compare with, chosen by the
 * system property {@code jkmod.oracle} ({@code kmod30}, the default, or {@code kmod34}):
 * <ul>
 * <li>{@link #KMOD30}: this Debian 12 machine's kmod 30 ({@code /usr/sbin/modprobe}, ...) and the
 * Debian 12 tree of {@code .ci/fetch-real-tree} (property {@code jkmod.realtree}, default
 * {@code /var/tmp/jkmod-realtree});</li>
 * <li>{@link #KMOD34}: Debian 13's kmod 34.2, run on this machine's file system by the wrappers
 * {@code CHROOT/jkmod-bin/TOOL} of {@code .ci/fetch-trixie} (CHROOT: property {@code jkmod.trixie},
 * default {@code /var/tmp/jkmod-trixie}), and the Debian 13 tree ({@code .ko.xz} modules) of
 * {@code .ci/fetch-trixie} (property {@code jkmod.realtree.trixie}, default
 * {@code /var/tmp/jkmod-realtree-trixie}).</li>
 * </ul>
 * jmodprobe follows the oracle's behaviour when it is given {@link #profile()} in the environment
 * variable {@link #PROFILE_VARIABLE} ({@link #withProfile}). A missing tool or tree is a missing
 * prerequisite ({@link Prerequisites#require}: skipped outside CI, failed under {@code .ci/run}).
 */
public enum Oracle {
    /** kmod 30 of Debian 12 (this machine) and the Debian 12 tree. */
    KMOD30("kmod30", "kmod 30 (Debian 12)"),
    /** kmod 34.2 of the Debian 13 chroot and the Debian 13 tree. */
    KMOD34("kmod34", "kmod 34.2 (Debian 13 chroot)");

    /** The system property that chooses the oracle. */
    public static final String PROPERTY = "jkmod.oracle";

    /** The environment variable that gives jmodprobe its behaviour profile. */
    public static final String PROFILE_VARIABLE = "JKMOD_PROFILE";

    private final String id;
    private final String description;

    Oracle(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /**
     * The oracle of this JVM: system property {@value #PROPERTY}, default {@code kmod30}; any other
     * value is an error.
     *
     * @return the chosen oracle
     */
    public static Oracle current() {
        String value = System.getProperty(PROPERTY, "").strip();
        if (value.isEmpty()) {
            return KMOD30;
        }
        return parse(value);
    }

    /**
     * The oracle named {@code kmod30} or {@code kmod34} (case-insensitive).
     *
     * @param value the name
     * @return the oracle
     */
    public static Oracle parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (Oracle o : values()) {
            if (o.id.equals(v)) {
                return o;
            }
        }
        throw new IllegalArgumentException(PROPERTY + "=" + value + ": expected kmod30 or kmod34");
    }

    /** {@code kmod30} or {@code kmod34}: the value of {@value #PROPERTY} and of {@link #profile()}. */
    public String id() {
        return id;
    }

    /** What to tell a reader, e.g. {@code kmod 34.2 (Debian 13 chroot)}. */
    public String description() {
        return description;
    }

    /** The {@value #PROFILE_VARIABLE} value that makes jmodprobe behave as this oracle. */
    public String profile() {
        return id;
    }

    /** Whether this JVM compares with this oracle. */
    public boolean isCurrent() {
        return current() == this;
    }

    /** The Debian 13 chroot of {@code .ci/fetch-trixie} (property {@code jkmod.trixie}). */
    public static Path trixieChroot() {
        return Path.of(System.getProperty("jkmod.trixie", "/var/tmp/jkmod-trixie")).toAbsolutePath();
    }

    /** The directory of this oracle's fetched tree, whether or not a tree is there. */
    public Path treeLocation() {
        String dir = this == KMOD30
                ? System.getProperty("jkmod.realtree", "/var/tmp/jkmod-realtree")
                : System.getProperty("jkmod.realtree.trixie", "/var/tmp/jkmod-realtree-trixie");
        return Path.of(dir).toAbsolutePath();
    }

    /** The script that fetches this oracle's tree (and tools). */
    public String fetchScript() {
        return this == KMOD30 ? ".ci/fetch-real-tree" : ".ci/fetch-trixie";
    }

    /**
     * This oracle's kmod tool {@code name} ({@code modprobe}, {@code modinfo}, {@code depmod},
     * {@code insmod}, {@code rmmod}, {@code lsmod}, {@code kmod}), or empty when it is not installed. kmod 30:
     * {@code /usr/sbin/NAME} or {@code /sbin/NAME} ({@code kmod}: {@code /usr/bin/kmod} or {@code /bin/kmod}); kmod 34.2: {@code CHROOT/jkmod-bin/NAME}, never
     * anything of {@code PATH}.
     *
     * @param name the tool's name
     * @return its path, if it is there
     */
    public Optional<Path> findTool(String name) {
        if (this == KMOD30) {
            // kmod itself is in bin, the tools (links to it) in sbin
            return name.equals("kmod") ? Prerequisites.findTool("/usr/bin/kmod", "/bin/kmod")
                    : Prerequisites.findTool("/usr/sbin/" + name, "/sbin/" + name);
        }
        Path wrapper = trixieChroot().resolve("jkmod-bin").resolve(name);
        return java.nio.file.Files.isExecutable(wrapper) ? Optional.of(wrapper) : Optional.empty();
    }

    /**
     * This oracle's kmod tool {@code name}; a missing one is a missing prerequisite.
     *
     * @param name the tool's name
     * @return its path
     */
    public Path tool(String name) {
        Optional<Path> found = findTool(name);
        Prerequisites.require(found.isPresent(), "the real " + name + " of " + description
                + (this == KMOD30 ? " (apt-get install kmod)" : " in " + trixieChroot() + "/jkmod-bin (run "
                        + fetchScript() + ")"));
        return found.orElseThrow();
    }

    /** This oracle's modprobe (a missing one is a missing prerequisite). */
    public Path modprobe() {
        return tool("modprobe");
    }

    /** This oracle's modinfo (a missing one is a missing prerequisite). */
    public Path modinfo() {
        return tool("modinfo");
    }

    /** This oracle's depmod (a missing one is a missing prerequisite). */
    public Path depmod() {
        return tool("depmod");
    }

    /** This oracle's lsmod (a missing one is a missing prerequisite). */
    public Path lsmod() {
        return tool("lsmod");
    }

    /** This oracle's kmod (a missing one is a missing prerequisite). */
    public Path kmod() {
        return tool("kmod");
    }

    /**
     * A copy of {@code env} with {@link #PROFILE_VARIABLE}={@link #profile()} unless {@code env}
     * chooses a profile itself: the environment of a jmodprobe run compared with this oracle.
     *
     * @param env an environment (not changed)
     * @return a new mutable map
     */
    public Map<String, String> withProfile(Map<String, String> env) {
        Map<String, String> out = new HashMap<>(env);
        out.putIfAbsent(PROFILE_VARIABLE, profile());
        return out;
    }

    @Override
    public String toString() {
        return id;
    }
}
