package io.github.jkmod.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line and environment as the bytes the program was given, one char per byte
 * (ISO-8859-1), the way jmodprobe handles every name. The JVM decodes {@code main}'s arguments and
 * the environment with the locale's charset, which loses bytes that are not valid in it (any byte
 * above 0x7F in the kernel's C locale); {@code /proc/self/cmdline} and {@code /proc/self/environ}
 * hold them as they were. Names meant for the file system go back through {@link #path}.
 */
final class RawArguments {
    private RawArguments() {
    }

    /**
     * The last {@code decoded.length} entries of {@code /proc/self/cmdline} (the program's own
     * arguments follow the JVM's), or {@code decoded} itself when that cannot be read or does not
     * fit.
     */
    static String[] of(String[] decoded) {
        if (allAscii(Arrays.asList(decoded))) {
            // bytes below 0x80 decode to themselves and nothing else decodes to them: nothing to
            // recover (the usual case; a start saves reading and splitting the JVM's long command line)
            return decoded;
        }
        Optional<List<String>> raw = entries(Path.of("/proc/self/cmdline"));
        if (raw.isEmpty() || raw.get().size() < decoded.length) {
            return decoded;
        }
        List<String> all = raw.get();
        String[] out = all.subList(all.size() - decoded.length, all.size()).toArray(new String[0]); // no method reference: no lambda machinery at start
        for (int i = 0; i < out.length; i++) {
            if (!sameAscii(out[i], decoded[i])) {
                return decoded; // not our arguments after all
            }
        }
        return out;
    }

    /** The environment from {@code /proc/self/environ}, else {@code decoded}. */
    static Map<String, String> environment(Map<String, String> decoded) {
        if (allAscii(decoded.keySet()) && allAscii(decoded.values())) {
            return decoded; // as for the arguments
        }
        Optional<List<String>> raw = entries(Path.of("/proc/self/environ"));
        if (raw.isEmpty()) {
            return decoded;
        }
        Map<String, String> out = new HashMap<>();
        for (String entry : raw.get()) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return out.keySet().equals(decoded.keySet()) ? out : decoded;
    }

    /**
     * The file a name of bytes (one char per byte) names: its bytes decoded with the charset this
     * JVM encodes file names with, so that they are encoded back to the same bytes.
     *
     * @throws InvalidPathException when the bytes cannot be a file name in this JVM (not valid in
     *     its file-name charset)
     */
    static Path path(String bytes) {
        Charset jnu = fileNameCharset();
        byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
        String name = new String(b, jnu);
        if (!Arrays.equals(name.getBytes(jnu), b)) {
            throw new InvalidPathException(bytes, "not a valid file name in " + jnu);
        }
        return Path.of(name);
    }

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static boolean allAscii(Iterable<String> strings) {
        for (String s : strings) {
            if (!isAscii(s)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every char of {@code s} is below 0x80. */
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether the two agree on every ASCII char (the decoder only changes the others). */
    private static boolean sameAscii(String raw, String decoded) {
        return ascii(raw).equals(ascii(decoded));
    }

    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x80) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    private static Optional<List<String>> entries(Path file) {
        byte[] data;
        // java.io, not Files.readAllBytes: NIO's channels cost a start some 50 classes and the
        // JDK's network and NIO native libraries
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            data = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                out.add(new String(data, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return Optional.of(out);
    }
}
