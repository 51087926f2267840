package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.airlift.compress.zstd.ZstdOutputStream;
import io.github.jkmod.KmodException;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.RequiresOracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * A sample of ~50 real modules compressed with the real tools ({@code xz --check=crc32},
 * {@code zstd}, {@code gzip}, as kbuild does) and on the Java side, read back and compared with the
 * real tools (which read xz and zstd; this kmod lacks zlib, so gzip copies are compared with the
 * uncompressed file's output).
 */
public class CompressedModulesTest {
    /** Why the tests that compress real modules need the Debian 12 tree. */
    private static final String PLAIN_MODULES = "compresses the plain .ko files of the Debian 12 tree; the Debian 13"
            + " tree has only .ko.xz files, which RealModulesTest compares with kmod 34.2's tools as they are";

    private static final long MAX_SAMPLE_FILE = 512 * 1024;

    @TempDir
    Path tmp;

    @Test
    @RequiresOracle(value = Oracle.KMOD30, reason = PLAIN_MODULES)
    void xzAndZstdCopiesGiveTheRealToolsOutput() throws Exception {
        String xz = RealTree.tool("/usr/bin/xz", "xz");
        String zstd = RealTree.tool("/usr/bin/zstd", "zstd");
        List<Path> sample = RealTree.sample(50, MAX_SAMPLE_FILE);
        List<Path> compressed = new ArrayList<>();
        for (Path ko : sample) {
            Path x = tmp.resolve(ko.getFileName() + ".xz");
            Path z = tmp.resolve(ko.getFileName() + ".zst");
            shell(List.of(xz, "--check=crc32", "--lzma2=dict=1MiB", "-c", ko.toString()), x);
            shell(List.of(zstd, "-q", "-T1", "-c", ko.toString()), z);
            compressed.add(x);
            compressed.add(z);
        }
        assertEquals(100, compressed.size());
        List<String> command = new ArrayList<>(List.of(RealTree.modinfo()));
        compressed.forEach(p -> command.add(p.toString()));
        RealTree.Result real = RealTree.run(command);
        assertEquals(0, real.exit(), real.err());

        StringBuilder ours = new StringBuilder();
        StringBuilder exports = new StringBuilder();
        StringBuilder versions = new StringBuilder();
        for (Path p : compressed) {
            ModuleFile m = ModuleFile.read(p);
            assertEquals(p.toString().endsWith(".xz") ? Compression.XZ : Compression.ZSTD, m.compression());
            ours.append(ModinfoPrinter.allFields().withProfile(io.github.jkmod.core.testsupport.ConformanceProfile.profile()).formatFile(p.toString(), m.info(), e -> { }));
            exports.append("== ").append(p).append('\n');
            m.exports().forEach(v -> exports.append(v.format()).append('\n'));
            exports.append(m.hasExportTable() ? "rc=0\n" : "rc=1\n");
            versions.append("== ").append(p).append('\n');
            m.versions().forEach(v -> versions.append(v.format()).append('\n'));
            versions.append(m.hasVersions() ? "rc=0\n" : "rc=1\n");
        }
        RealModulesTest.assertSameText(real.out(), ours.toString());
        RealModulesTest.assertSameText(RealTree.modprobeEach("--show-exports", compressed), exports.toString());
        RealModulesTest.assertSameText(RealTree.modprobeEach("--show-modversions", compressed), versions.toString());
    }

    @Test
    @RequiresOracle(value = Oracle.KMOD30, reason = PLAIN_MODULES)
    void gzipCopiesGiveTheUncompressedImage() throws Exception {
        String gzip = RealTree.tool("/usr/bin/gzip", "/bin/gzip", "gzip");
        for (Path ko : RealTree.sample(50, MAX_SAMPLE_FILE)) {
            Path gz = tmp.resolve(ko.getFileName() + ".gz");
            shell(List.of(gzip, "-n", "-9", "-c", ko.toString()), gz);
            ModuleFile m = ModuleFile.read(gz);
            assertEquals(Compression.GZIP, m.compression());
            ModuleFile plain = ModuleFile.read(ko);
            assertArrayEquals(Files.readAllBytes(ko), m.image(), ko.toString());
            assertEquals(plain.info(), m.info());
            assertEquals(plain.exports(), m.exports());
            assertEquals(plain.versions(), m.versions());
        }
    }

    @Test
    @RequiresOracle(value = Oracle.KMOD30, reason = PLAIN_MODULES)
    void javaCompressedCopiesGiveTheUncompressedImage() throws Exception {
        for (Path ko : RealTree.sample(12, MAX_SAMPLE_FILE)) {
            byte[] plain = Files.readAllBytes(ko);
            for (Compression c : List.of(Compression.GZIP, Compression.XZ, Compression.ZSTD)) {
                Path file = tmp.resolve(ko.getFileName() + "." + c.sysfsName());
                Files.write(file, compress(c, plain));
                ModuleFile m = ModuleFile.read(file);
                assertEquals(c, m.compression());
                assertArrayEquals(plain, m.image(), file.toString());
                assertEquals(ModuleFile.read(ko).info(), m.info());
            }
        }
    }

    /** {@code data} compressed the way the kernel build does it, in Java. */
    public static byte[] compress(Compression c, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = open(c, out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static OutputStream open(Compression c, OutputStream out) throws IOException {
        switch (c) {
            case GZIP:
                return new GZIPOutputStream(out);
            case XZ:
                LZMA2Options options = new LZMA2Options();
                options.setDictSize(1 << 20);
                return new XZOutputStream(out, options, XZ.CHECK_CRC32);
            case ZSTD:
                return new ZstdOutputStream(out);
            default:
                return out;
        }
    }

    private static void shell(List<String> command, Path output) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }

    @Test
    void readFailsWithTheFileNamedWhenItIsMissing() {
        Path missing = tmp.resolve("missing.ko");
        KmodException e = org.junit.jupiter.api.Assertions.assertThrows(KmodException.class,
                () -> ModuleFile.read(missing));
        assertEquals(missing + ": No such file or directory", e.getMessage());
    }
}
