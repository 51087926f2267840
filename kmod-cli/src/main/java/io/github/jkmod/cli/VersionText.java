package io.github.jkmod.cli;

import io.github.jkmod.core.KmodProfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code -V} text, in modprobe's two-line format: {@code kmod version 34.2} then the feature
 * list. jkmod prints its own name and version honestly, with the kmod release its profile follows
 * ({@code jkmod version 0.1.0 (kmod 34.2)}), so that nobody mistakes it for kmod, and lists the
 * features in the order and spelling of that release: module compression it can read
 * ({@code +ZSTD +XZ +ZLIB}, through aircompressor, XZ for Java and java.util.zip), no signature
 * crypto (kmod 30: {@code -LIBCRYPTO -EXPERIMENTAL}, kmod 34: {@code -OPENSSL}).
 */
final class VersionText {
    /** The feature line of the kmod 30 profile, in kmod 30's format. */
    static final String FEATURES_KMOD30 = "+ZSTD +XZ +ZLIB -LIBCRYPTO -EXPERIMENTAL";
    /** The feature line of the kmod 34 profile, in kmod 34's format. */
    static final String FEATURES_KMOD34 = "+ZSTD +XZ +ZLIB -OPENSSL";

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

    /** Both lines of {@code profile}, newline-terminated. */
    static String render(KmodProfile profile) {
        return "jkmod version " + version() + " (kmod " + profile.kmodVersion() + ")\n"
                + (profile == KmodProfile.KMOD_30 ? FEATURES_KMOD30 : FEATURES_KMOD34) + "\n";
    }
}
