package io.github.jkmod.core.devices;

import io.github.jkmod.sysfs.SysfsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Waits until the devices of a sysfs tree stop changing (new devices appear after a driver loads). */
final class DeviceSettle {
    static final System.Logger LOG = System.getLogger(DeviceSettle.class.getName());
    private static final long POLL_MILLIS = 100;

    private DeviceSettle() {
    }

    /**
     * Reads the devices with a modalias every 100 ms until the list has not changed for
     * {@code quiet}, or ten times {@code quiet} have passed.
     *
     * @return true when the tree was quiet, false when it was still changing at the end
     */
    static boolean waitUntilQuiet(Path sysfsRoot, Duration quiet) throws SysfsException, InterruptedException {
        long quietNanos = quiet.toNanos();
        long deadline = System.nanoTime() + 10 * quietNanos;
        List<Device> last = DeviceScan.of(sysfsRoot).run().devices();
        long since = System.nanoTime();
        while (System.nanoTime() - since < quietNanos) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
            List<Device> now = DeviceScan.of(sysfsRoot).run().devices();
            if (!now.equals(last)) {
                last = now;
                since = System.nanoTime();
            }
        }
        return true;
    }
}
