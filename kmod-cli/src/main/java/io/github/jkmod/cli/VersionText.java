package io.github.jkmod.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code -V} text, in modprobe's two-line format: {@code kmod version 30} then the feature
 * list. jkmod prints its own name and version honestly ({@code jkmod version 0.1.0}), so that
 * nobody mistakes it for kmod, and lists the features in kmod's order and spelling: module
 * compression it can read ({@code +ZSTD +XZ +ZLIB}, through aircompressor, XZ for Java and
 * java.util.zip), no signature crypto ({@code -LIBCRYPTO}), no experimental features.
 */
final class VersionText {
    /** The feature line, in kmod's format. */
    static final String FEATURES = "+ZSTD +XZ +ZLIB -LIBCRYPTO -EXPERIMENTAL";

    private VersionText() {
    }

    /** jkmod's version, from the jar's manifest, else from the build's resource. */
    static String version() {
        String fromManifest = VersionText.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        Properties p = new Properties();
        try (InputStream in = VersionText.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    /** Both lines, newline-terminated. */
    static String render() {
        return "jkmod version " + version() + "\n" + FEATURES + "\n";
    }
}
