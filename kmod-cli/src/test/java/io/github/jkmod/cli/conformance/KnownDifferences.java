package io.github.jkmod.cli.conformance;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The differences from kmod 30 that jmodprobe keeps, each asserted by {@link
 * KnownDifferencesTest}, and the one normalisation every comparison makes.
 */
final class KnownDifferences {
    /**
     * Odd files left out of the general comparison, asserted on their own by {@link
     * KnownDifferencesTest}: a gzip-compressed module (Debian's kmod 30 is built without zlib and
     * reads it as a non-ELF file; jkmod reads gzip), a section name table index past the section
     * count (kmod 30 dies of a failed assertion), corrupt and truncated zstd data (kmod 30 hands on
     * what it decompressed, usually nothing: "Exec format error"; jkmod refuses the corrupt
     * stream: "Invalid argument").
     */
    static final List<String> ODD_FILES_SKIPPED = List.of("crc16.ko.gz", "shstrndx", "bad.zst",
            "magic.zst", "truncated.zst");

    /**
     * With {@code -vv}, libkmod's INFO messages print the address of modprobe's log function
     * and of the context (kmod 30 after libkmod's source location, kmod 34 right after {@code INFO: }): they change with every run of the real modprobe (address space
     * randomisation), so both outputs have them replaced before comparing.
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "((?:kmod_set_log_fn\\(\\) |INFO: )custom logging function 0x|(?:kmod_unref\\(\\) |INFO: )context 0x)[0-9a-f]+");

    private KnownDifferences() {
    }

    /** The outcome with run-dependent pointer values replaced by {@code ADDR}. */
    static Outcome normalise(Outcome o) {
        if (!o.stderr().contains(" 0x")) {
            return o;
        }
        return new Outcome(o.stdout(), ADDRESS.matcher(o.stderr()).replaceAll("$1ADDR"), o.status());
    }
}
