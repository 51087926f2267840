package io.github.jkmod.sysfs.testing;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A device directory of a {@link FakeKernelTree}, under {@code sys/devices/}, as the kernel shows
 * one: a {@code modalias} file and a {@code uevent} file with its {@code MODALIAS=} line, a
 * {@code subsystem} link to {@code sys/bus/SUBSYSTEM}, a {@code driver} link to
 * {@code sys/bus/SUBSYSTEM/drivers/DRIVER} when a driver is bound, any other link, and child
 * devices in subdirectories. Links are relative, as in sysfs. Made by {@link FakeKernelTree#device}.
 *
 * <pre>{@code
 * FakeDevice nic = tree.device("pci0000:00/0000:00:03.0").subsystem("pci")
 *         .modalias("pci:v00008086d0000100Esv00001AF4sd00001100bc02sc00i00").driver("e1000");
 * nic.child("net/eth0").subsystem("net");         // a class device: no modalias
 * tree.device("system/cpu/cpu0").ueventModalias("cpu:type:x86,ven0000fam0006mod00A7:feature:,0000");
 * }</pre>
 */
public final class FakeDevice {
    private final FakeKernelTree tree;
    private final String path;
    private String subsystem;

    FakeDevice(FakeKernelTree tree, String path) {
        this.tree = tree;
        this.path = path;
        tree.writer().mkdirs(dir());
    }

    /**
     * The device's path under {@code sys/devices}, e.g. {@code pci0000:00/0000:00:03.0}.
     *
     * @return the path as given
     */
    public String path() {
        return path;
    }

    /**
     * The device's directory.
     *
     * @return {@code ROOT/sys/devices/PATH}
     */
    public Path dir() {
        return tree.root().resolve("sys/devices").resolve(path);
    }

    /**
     * Writes {@code modalias} ({@code alias} and a newline) and {@code uevent} with
     * {@code MODALIAS=alias}, as the kernel shows a device of a bus that has modaliases.
     *
     * @param alias the modalias
     * @return this device
     */
    public FakeDevice modalias(String alias) {
        synchronized (tree) {
            tree.writer().writeAtomically(dir().resolve("modalias"), alias + "\n");
            tree.writer().writeAtomically(dir().resolve("uevent"), ueventText(alias));
        }
        return this;
    }

    /**
     * Writes only {@code uevent} with {@code MODALIAS=alias} and no {@code modalias} file, as the
     * kernel shows a CPU ({@code /sys/devices/system/cpu/cpu0}).
     *
     * @param alias the modalias
     * @return this device
     */
    public FakeDevice ueventModalias(String alias) {
        synchronized (tree) {
            tree.writer().writeAtomically(dir().resolve("uevent"), ueventText(alias));
        }
        return this;
    }

    /**
     * Writes any file of the device, as given (e.g. an unreadable or odd {@code modalias}).
     *
     * @param name the file's name in the device's directory
     * @param content its content, written as it is
     * @return this device
     */
    public FakeDevice file(String name, String content) {
        synchronized (tree) {
            tree.writer().writeAtomically(dir().resolve(FakeKernelTree.checkName(name)), content);
        }
        return this;
    }

    /**
     * Links {@code subsystem} to {@code sys/bus/NAME} (created).
     *
     * @param name the bus, e.g. {@code pci}
     * @return this device
     */
    public FakeDevice subsystem(String name) {
        synchronized (tree) {
            this.subsystem = FakeKernelTree.checkName(name);
            tree.writer().mkdirs(tree.root().resolve("sys/bus").resolve(name).resolve("drivers"));
            link("subsystem", "bus/" + name);
        }
        return this;
    }

    /**
     * Binds driver {@code name}: the link {@code driver} to {@code sys/bus/SUBSYSTEM/drivers/NAME}
     * (created); the subsystem must be set first.
     *
     * @param name the driver's name, e.g. {@code e1000}
     * @return this device
     * @throws IllegalStateException when no subsystem was set
     */
    public FakeDevice driver(String name) {
        synchronized (tree) {
            if (subsystem == null) {
                throw new IllegalStateException("set the subsystem of " + path + " before its driver");
            }
            tree.writer().mkdirs(tree.root().resolve("sys/bus").resolve(subsystem).resolve("drivers")
                    .resolve(FakeKernelTree.checkName(name)));
            link("driver", "bus/" + subsystem + "/drivers/" + name);
        }
        return this;
    }

    /**
     * Makes a link {@code name} in the device's directory to {@code sys/TARGET} (relative, as
     * sysfs writes them), e.g. {@code link("firmware_node", "devices/LNXSYSTM:00/PNP0A08:00")};
     * a target above the device (its parent) makes a loop for a walker that follows links.
     *
     * @param name the link's name
     * @param sysTarget the target relative to {@code sys/}
     * @return this device
     */
    public FakeDevice link(String name, String sysTarget) {
        synchronized (tree) {
            Path link = dir().resolve(FakeKernelTree.checkName(name));
            Path sys = tree.root().resolve("sys");
            String relative = link.getParent().relativize(sys).resolve(sysTarget).toString();
            tree.writer().symlink(link, relative);
        }
        return this;
    }

    /**
     * A child device, in a subdirectory of this one.
     *
     * @param relativePath its path below this device, e.g. {@code virtio0} or {@code net/eth0}
     * @return the child's handle
     */
    public FakeDevice child(String relativePath) {
        return tree.device(path + "/" + relativePath);
    }

    private static String ueventText(String alias) {
        return "MODALIAS=" + alias + "\n";
    }

    @Override
    public String toString() {
        return "FakeDevice[" + path + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FakeDevice d && d.tree == tree && d.path.equals(path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(tree), path);
    }
}
