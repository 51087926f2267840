package io.github.jkmod.core.internal.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jkmod.KmodException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NativeDirectoryTest {

    private static final List<Path> FALLBACKS = NativeDirectory.FALLBACKS;

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void javaTmpdirFirstWhenWritable() throws KmodException {
        assertEquals(Optional.of(Path.of("/var/cache/x")), NativeDirectory.choose(
                props("java.io.tmpdir", "/var/cache/x"), FALLBACKS, p -> true));
    }

    @Test
    void kernelHelperEnvironmentOnlyTmpWritable() throws KmodException {
        // HOME=/ (user.home /root, read-only), java.io.tmpdir unusable, only /tmp writable.
        Set<Path> writable = Set.of(Path.of("/tmp"));
        assertEquals(Optional.of(Path.of("/tmp")), NativeDirectory.choose(
                props("java.io.tmpdir", "/nonexistent", "user.home", "/root"), FALLBACKS, writable::contains));
    }

    @Test
    void devShmWhenTmpIsReadOnly() throws KmodException {
        Set<Path> writable = Set.of(Path.of("/dev/shm"), Path.of("/var/tmp"));
        assertEquals(Optional.of(Path.of("/dev/shm")), NativeDirectory.choose(
                props("java.io.tmpdir", "/tmp"), FALLBACKS, writable::contains));
    }

    @Test
    void theUsersChoiceIsLeftAlone() throws KmodException {
        assertEquals(Optional.empty(), NativeDirectory.choose(props("jna.tmpdir", "/x"), FALLBACKS, p -> false));
        assertEquals(Optional.empty(),
                NativeDirectory.choose(props("jna.boot.library.path", "/usr/lib/jni"), FALLBACKS, p -> false));
    }

    @Test
    void nothingWritableFailsWithWhatToDo() {
        KmodException e = assertThrows(KmodException.class, () -> NativeDirectory.choose(
                props("java.io.tmpdir", "/tmp"), FALLBACKS, p -> false));
        assertEquals("cannot make system calls: JNA must unpack its native library (libjnidispatch.so) but no"
                + " directory is writable (tried /tmp, /dev/shm, /run, /var/tmp); set -Djna.tmpdir=DIR to a"
                + " writable directory, or -Djna.boot.library.path=DIR to a directory that holds"
                + " libjnidispatch.so", e.getMessage());
    }
}
