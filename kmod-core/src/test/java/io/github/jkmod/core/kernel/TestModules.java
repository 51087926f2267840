package io.github.jkmod.core.kernel;

import io.github.jkmod.testsupport.FetchedTree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Module files for loader tests: tiny ELF-looking files, compressed copies, the real crc16.ko. */
final class TestModules {
    /** Enough of an ELF file for the kernel's (and the fake kernel's) magic check. */
    static final byte[] ELF_STUB = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private TestModules() {
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xz(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
                xz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real Debian crc16.ko of the fetched tree (has {@code __versions} and {@code vermagic=}); a
     * missing tree is a missing prerequisite ({@link FetchedTree#require}).
     */
    static byte[] realCrc16() {
        Path file = FetchedTree.require().moduleFile("kernel/lib/crc16.ko");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
