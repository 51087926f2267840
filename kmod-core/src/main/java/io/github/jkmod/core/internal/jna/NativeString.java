package io.github.jkmod.core.internal.jna;

import com.sun.jna.Memory;
import java.nio.charset.Charset;

/** C strings: NUL-terminated copies of Java strings in native memory, for libc calls. */
final class NativeString {
    private NativeString() {
    }

    /**
     * {@code s} encoded with {@code charset}, then a NUL byte, in new native memory (which the
     * caller closes, or keeps for as long as C may read it).
     */
    static Memory copy(String s, Charset charset) {
        byte[] bytes = s.getBytes(charset);
        Memory m = new Memory(bytes.length + 1L);
        m.write(0, bytes, 0, bytes.length);
        m.setByte(bytes.length, (byte) 0);
        return m;
    }
}
