package io.github.jkmod.core.devices;

import io.github.jkmod.sysfs.SysfsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks the {@code devices/} tree of a sysfs root and collects the devices that have a modalias.
 *
 * <p>Only real directories are entered: the links of a device ({@code subsystem}, {@code driver},
 * {@code firmware_node}, {@code port}...) are never followed, so the walk cannot loop and visits
 * each device once. Entries are visited in the order of their names (parent before children), so
 * the result does not depend on the file system's order. A directory or file that cannot be read
 * is a {@link ScanProblem} and the walk goes on.
 */
public final class DeviceScan {
    private final Path sysfsRoot;

    private DeviceScan(Path sysfsRoot) {
        this.sysfsRoot = sysfsRoot;
    }

    /**
     * A scan of {@code sysfsRoot/devices}.
     *
     * @param sysfsRoot the sysfs mount point, e.g. {@code /sys}, or the {@code sys/} of a fake tree
     * @return the scan, not yet run
     */
    public static DeviceScan of(Path sysfsRoot) {
        return new DeviceScan(Objects.requireNonNull(sysfsRoot, "sysfsRoot"));
    }

    /**
     * What a scan found.
     *
     * @param devices the devices with a modalias, in walk order
     * @param problems what could not be read
     */
    public record Result(List<Device> devices, List<ScanProblem> problems) {
        /**
         * Copies the lists.
         *
         * @param devices the devices with a modalias
         * @param problems what could not be read
         */
        public Result {
            devices = List.copyOf(devices);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Walks the tree.
     *
     * @return the devices with a modalias and the problems met
     * @throws SysfsException when {@code devices/} is not a directory under the root
     */
    public Result run() throws SysfsException {
        Path top = sysfsRoot.resolve("devices");
        if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
            throw new SysfsException(top, "no devices directory (is " + sysfsRoot + " a sysfs root?)");
        }
        List<Device> devices = new ArrayList<>();
        List<ScanProblem> problems = new ArrayList<>();
        walk(top, devices, problems);
        return new Result(devices, problems);
    }

    private void walk(Path dir, List<Device> devices, List<ScanProblem> problems) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                children.add(e);
            }
        } catch (IOException e) {
            problems.add(new ScanProblem(dir, reason(e)));
            return;
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        device(dir, children, problems).ifPresent(devices::add);
        for (Path child : children) {
            if (isRealDirectory(child)) {
                walk(child, devices, problems);
            }
        }
    }

    /** The device of {@code dir}, when it has a modalias. */
    private Optional<Device> device(Path dir, List<Path> children, List<ScanProblem> problems) {
        Optional<String> modalias = Optional.empty();
        if (has(children, "modalias")) {
            modalias = read(dir.resolve("modalias"), problems).map(DeviceScan::firstLine);
        } else if (has(children, "uevent")) {
            modalias = read(dir.resolve("uevent"), problems).flatMap(DeviceScan::ueventModalias);
        }
        if (modalias.isEmpty() || modalias.get().isEmpty()) {
            return Optional.empty();
        }
        String path = sysfsRoot.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), "/");
        return Optional.of(new Device(path, linkName(dir.resolve("subsystem"), children, problems),
                modalias.get(), linkName(dir.resolve("driver"), children, problems)));
    }

    private static boolean has(List<Path> children, String name) {
        for (Path c : children) {
            if (c.getFileName().toString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRealDirectory(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> read(Path file, List<ScanProblem> problems) {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // gone since the directory was listed: a device unplugged
        } catch (IOException e) {
            problems.add(new ScanProblem(file, reason(e)));
            return Optional.empty();
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** The value of the {@code MODALIAS=} line of a {@code uevent} file. */
    static Optional<String> ueventModalias(String uevent) {
        for (String line : uevent.split("\n", -1)) {
            if (line.startsWith("MODALIAS=")) {
                return Optional.of(line.substring("MODALIAS=".length()));
            }
        }
        return Optional.empty();
    }

    /** The base name of the target of link {@code link}, when it is one of the children. */
    private static Optional<String> linkName(Path link, List<Path> children, List<ScanProblem> problems) {
        if (!has(children, link.getFileName().toString()) || !Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            Path target = Files.readSymbolicLink(link).getFileName();
            return target == null ? Optional.empty() : Optional.of(target.toString());
        } catch (IOException e) {
            problems.add(new ScanProblem(link, reason(e)));
            return Optional.empty();
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
