package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes happen in whole 4096-byte blocks, like glibc's fully buffered stdout. */
class StdioOutputStreamTest {
    private final List<Integer> writes = new ArrayList<>();
    private final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) {
            writes.add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(len);
        }
    };

    @Test
    void fillsEachBlockBeforeWritingIt() throws IOException {
        StdioOutputStream s = new StdioOutputStream(sink);
        byte[] line = new byte[100];
        for (int i = 0; i < 90; i++) {
            s.write(line);
        }
        assertEquals(List.of(4096, 4096), writes); // 9000 bytes: two full blocks out, 808 held
        s.write(new byte[4096 - 808]);
        assertEquals(List.of(4096, 4096), writes); // exactly full: held until more comes
        s.write('x');
        assertEquals(List.of(4096, 4096, 4096), writes);
        s.flush();
        assertEquals(List.of(4096, 4096, 4096, 1), writes);
        s.flush();
        assertEquals(4, writes.size());
    }
}
