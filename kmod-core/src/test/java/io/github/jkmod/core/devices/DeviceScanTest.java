package io.github.jkmod.core.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.sysfs.SysfsException;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeviceScan} on fake sysfs trees made with {@link io.github.jkmod.sysfs.testing.FakeDevice}. */
class DeviceScanTest {
    @TempDir
    Path root;

    @Test
    void findsEveryDeviceWithAModaliasInNameOrderWithoutFollowingLinks() throws Exception {
        DeviceHost host = new DeviceHost(root);
        DeviceScan.Result scan = DeviceScan.of(root.resolve("sys")).run();
        assertEquals(List.of(
                "devices/LNXSYSTM:00",
                "devices/pci0000:00/0000:00:03.0",
                "devices/pci0000:00/0000:00:04.0",
                "devices/pci0000:00/0000:00:05.0",
                "devices/pci0000:00/0000:00:06.0",
                "devices/pci0000:00/0000:00:07.0",
                "devices/pci0000:00/0000:00:07.0/hdaudioC0D0",
                "devices/platform/multi",
                "devices/system/cpu/cpu0"),
                scan.devices().stream().map(Device::path).toList());
        assertEquals(List.of(), scan.problems());
        Device nic = scan.devices().get(1);
        assertEquals(new Device("devices/pci0000:00/0000:00:03.0", Optional.of("pci"), DeviceHost.NIC,
                Optional.of("a_nic")), nic);
        assertEquals(Optional.empty(), scan.devices().get(2).driver());
        // the uevent's MODALIAS= line when there is no modalias file
        assertEquals("cpu:type:x86,ven0000fam0006:feature:,0000", scan.devices().get(8).modalias());
        assertEquals(Optional.of("cpu"), scan.devices().get(8).subsystem());
        assertTrue(host.tree.root().resolve("sys/devices/pci0000:00/0000:00:03.0/loop").toFile().exists());
    }

    @Test
    void anUnreadableFileIsReportedAndTheWalkGoesOn() throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(root);
        tree.device("a").modalias("pci:first");
        Files.createDirectories(tree.device("b").dir().resolve("modalias")); // read() fails: a directory
        tree.device("c").modalias("pci:third");
        DeviceScan.Result scan = DeviceScan.of(root.resolve("sys")).run();
        assertEquals(List.of("pci:first", "pci:third"), scan.devices().stream().map(Device::modalias).toList());
        assertEquals(1, scan.problems().size(), scan.problems().toString());
        assertEquals(root.resolve("sys/devices/b/modalias"), scan.problems().get(0).file());
    }

    @Test
    void aRootWithoutDevicesIsAnErrorNamingTheDirectory() {
        SysfsException e = assertThrows(SysfsException.class, () -> DeviceScan.of(root.resolve("nosys")).run());
        assertEquals(root.resolve("nosys/devices"), e.file());
    }

    @Test
    void theUeventLineIsFoundAmongOthers() {
        assertEquals(Optional.of("usb:v0627p0001d0000dc00dsc00dp00ic03isc00ip00in00"),
                DeviceScan.ueventModalias("DEVTYPE=usb_interface\nDRIVER=usbhid\n"
                        + "MODALIAS=usb:v0627p0001d0000dc00dsc00dp00ic03isc00ip00in00\n"));
        assertEquals(Optional.empty(), DeviceScan.ueventModalias("DRIVER=x\n"));
    }
}
