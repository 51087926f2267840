package io.github.jkmod.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

/**
 * The real Debian 6.1.0-56-amd64 index files kept (gzip-compressed) under
 * {@code src/test/resources/vectors}: unpacked once per JVM into a temporary directory.
 */
public final class TestVectors {
    /** The kernel release the vectors were made from. */
    public static final String RELEASE = "6.1.0-56-amd64";

    private static Path unpacked;

    private TestVectors() {
    }

    /**
     * The unpacked file {@code sub/name}, e.g. {@code file("kmod34", "modules.alias.bin")} or
     * {@code file("text", "modules.dep")}.
     */
    public static synchronized Path file(String sub, String name) {
        try {
            if (unpacked == null) {
                unpacked = Files.createTempDirectory("jkmod-vectors");
                Path dir = unpacked;
                // deleteOnExit cannot remove a directory that is not empty: delete the tree.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
                    } catch (IOException e) {
                        // Best effort: a temporary directory left behind.
                    }
                }));
            }
            Path out = unpacked.resolve(sub).resolve(name);
            if (!Files.exists(out)) {
                Files.createDirectories(out.getParent());
                String res = "/vectors/debian-" + RELEASE + "/" + sub + "/" + name + ".gz";
                try (InputStream in = TestVectors.class.getResourceAsStream(res)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no test vector " + res);
                    }
                    Files.copy(new GZIPInputStream(in), out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
