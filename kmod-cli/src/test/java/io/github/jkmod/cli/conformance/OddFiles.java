package io.github.jkmod.cli.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Files that are not good modules, for {@code --show-exports}: too short, not ELF, bad ELF
 * headers, truncated, compressed (well and badly), a directory, a link.
 */
final class OddFiles {
    private OddFiles() {
    }

    static Path write(Path parent, RealTree tree) throws IOException {
        Path dir = parent.resolve("odd-files");
        Files.createDirectories(dir);
        byte[] ko = tree.plainModule("kernel/lib/crc16.ko");
        Files.write(dir.resolve("crc16.ko"), ko);
        Files.write(dir.resolve("empty"), new byte[0]);
        Files.writeString(dir.resolve("five"), "abcde");
        Files.writeString(dir.resolve("six"), "abcdef");
        Files.writeString(dir.resolve("text"), "not a module at all\n");
        for (int n : new int[] {4, 5, 6, 16, 17, 63, 64, 65, 1000, ko.length / 2, ko.length - 1}) {
            Files.write(dir.resolve("head-" + n), Arrays.copyOf(ko, n));
        }
        Files.write(dir.resolve("bad-class"), patch(ko, 4, 7));
        Files.write(dir.resolve("bad-data"), patch(ko, 5, 9));
        Files.write(dir.resolve("class32"), patch(ko, 4, 1));
        Files.write(dir.resolve("big-endian"), patch(ko, 5, 2));
        Files.write(dir.resolve("shentsize"), patch(ko, 0x3a, 0x41));
        Files.write(dir.resolve("shstrndx"), patch(patch(ko, 0x3e, 0xff), 0x3f, 0x7f));
        Files.write(dir.resolve("bad.xz"), bytes(0xfd, '7', 'z', 'X', 'Z', 0, 'g', 'a', 'r', 'b'));
        Files.write(dir.resolve("bad.zst"), bytes(0x28, 0xb5, 0x2f, 0xfd, 'g', 'a', 'r', 'b'));
        Files.write(dir.resolve("magic.xz"), bytes(0xfd, '7', 'z', 'X', 'Z', 0));
        Files.write(dir.resolve("magic.zst"), bytes(0x28, 0xb5, 0x2f, 0xfd, 0, 0));
        Files.write(dir.resolve("crc16.ko.gz"), gzip(ko));
        Files.createSymbolicLink(dir.resolve("link.ko"), dir.resolve("crc16.ko"));
        Files.createSymbolicLink(dir.resolve("dangling.ko"), dir.resolve("nothing-here"));
        Files.createDirectories(dir.resolve("subdir.ko"));
        compress(dir, "xz", ko);
        compress(dir, "zstd", ko);
        return dir;
    }

    /** Compresses crc16.ko with the system's xz or zstd, if installed. */
    private static void compress(Path dir, String tool, byte[] ko) throws IOException {
        String suffix = tool.equals("xz") ? ".xz" : ".zst";
        Path out = dir.resolve("crc16.ko" + suffix);
        ProcessBuilder pb = new ProcessBuilder(tool, "-c", dir.resolve("crc16.ko").toString());
        pb.redirectOutput(out.toFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            if (pb.start().waitFor() != 0) {
                Files.deleteIfExists(out);
                return;
            }
        } catch (IOException e) {
            Files.deleteIfExists(out);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] c = Files.readAllBytes(out);
        Files.write(dir.resolve("truncated" + suffix), Arrays.copyOf(c, c.length / 2));
    }

    private static byte[] patch(byte[] data, int at, int value) {
        byte[] copy = data.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(data);
        }
        return b.toByteArray();
    }
}
