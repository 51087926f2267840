package io.github.jkmod.core.devices;

import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.upstream.UpstreamTree;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.nio.file.Path;
import java.util.List;

/**
 * A small host for the device tests, all under one root: a module tree ({@link UpstreamTree}: two
 * independent chains {@code a_base <- a_mid <- a_nic} and {@code b_base <- b_disk}, a sound module
 * with a pre-softdep, a blacklisted module, a builtin one reached through a configuration alias)
 * and a fake sysfs with one device per case.
 */
public final class DeviceHost {
    public static final String RELEASE = "6.1.0-jkmod-devices";
    public static final String NIC = "pci:v0000AAAAd00000001sv00000000sd00000000bc02sc00i00";
    public static final String DISK = "pci:v0000BBBBd00000002sv00000000sd00000000bc01sc06i01";
    public static final String SOUND = "hdaudio:v0000CCCCr00100000a01";
    public static final String BLACK = "pci:v0000DDDDd00000001sv00000000sd00000000bc0Csc03i30";
    public static final String BUILTIN = "pci:v0000EEEEd00000001sv00000000sd00000000bc08sc00i00";
    public static final String NOTHING = "acpi:JKMD0000:";
    public static final String MULTI = "platform:jkmod-multi";
    /** The modalias of a device that appears only once a_nic is loaded ({@link #CHILD_PATH}). */
    public static final String CHILD = "usb:v0000FFFFp0001d0100dc00dsc00dp00ic03isc01ip02in00";
    /** Where that device appears. */
    public static final String CHILD_PATH = "pci0000:00/0000:00:03.0/usb1/1-1";

    public final FakeKernelTree tree;
    public final KmodContext context;

    public DeviceHost(Path root) throws Exception {
        UpstreamTree modules = UpstreamTree.at(root, RELEASE).dep(
                "kernel/a_base.ko:",
                "kernel/a_mid.ko: kernel/a_base.ko",
                "kernel/a_nic.ko: kernel/a_mid.ko kernel/a_base.ko",
                "kernel/b_base.ko:",
                "kernel/b_disk.ko: kernel/b_base.ko",
                "kernel/c_snd.ko:",
                "kernel/soft_pre.ko:",
                "kernel/black.ko:",
                "kernel/d_child.ko: kernel/a_base.ko");
        modules.text("modules.alias", "# Aliases extracted from modules themselves.",
                "alias pci:v0000AAAAd*sv*sd*bc*sc*i* a_nic",
                "alias pci:v0000BBBBd*sv*sd*bc*sc*i* b_disk",
                "alias hdaudio:v0000CCCC* c_snd",
                "alias pci:v0000DDDDd*sv*sd*bc*sc*i* black",
                "alias platform:jkmod-multi b_disk",
                "alias platform:jkmod-multi c_snd",
                "alias usb:v0000FFFFp* d_child");
        modules.text("modules.builtin", "kernel/builtin_x.ko");
        modules.conf("host.conf", "blacklist black", "softdep c_snd pre: soft_pre",
                "alias pci:v0000EEEE* builtin_x", "options a_nic debug=1");
        modules.write();
        tree = FakeKernelTree.at(root);
        tree.cmdline("");
        tree.device("pci0000:00").file("uevent", "");
        tree.device("pci0000:00/0000:00:03.0").subsystem("pci").modalias(NIC).driver("a_nic")
                .link("firmware_node", "devices/LNXSYSTM:00").link("loop", "devices/pci0000:00");
        tree.device("pci0000:00/0000:00:03.0/net/eth0").subsystem("net");
        tree.device("pci0000:00/0000:00:04.0").subsystem("pci").modalias(DISK);
        tree.device("pci0000:00/0000:00:05.0").subsystem("pci").modalias(BLACK);
        tree.device("pci0000:00/0000:00:06.0").subsystem("pci").modalias(BUILTIN);
        tree.device("pci0000:00/0000:00:07.0").subsystem("pci").modalias("pci:v00001B36d0000000Dsv0sd0bc0Csc03i30");
        tree.device("pci0000:00/0000:00:07.0/hdaudioC0D0").subsystem("hdaudio").modalias(SOUND);
        tree.device("LNXSYSTM:00").subsystem("acpi").modalias(NOTHING);
        tree.device("platform/multi").subsystem("platform").modalias(MULTI);
        tree.device("system/cpu/cpu0").subsystem("cpu").ueventModalias("cpu:type:x86,ven0000fam0006:feature:,0000");
        context = KmodContext.builder().root(root).release(RELEASE)
                .configPaths(List.of(modules.configDirectory())).build();
    }

    public HostDevices host() {
        return HostDevices.of(context, tree.root().resolve("sys"));
    }
}
