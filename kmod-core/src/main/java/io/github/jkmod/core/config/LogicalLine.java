package io.github.jkmod.core.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One logical line of a configuration file: physical lines joined where a backslash escapes the
 * newline, as libkmod reads them.
 *
 * <p>A backslash makes the next character literal and is dropped ({@code a\b} reads {@code ab},
 * {@code \\} reads {@code \}); before a newline it joins the next physical line. A backslash that is
 * the last byte of the file reads as the byte 0xFF in kmod 30 (libkmod stores the EOF it got as a
 * char) and is dropped in kmod 34. The
 * text ends at its first NUL byte (libkmod handles it as a C string). Bytes become chars one to one
 * (ISO-8859-1).
 *
 * @param text the logical line, without its newline
 * @param number the number of its last physical line (the one its newline ends), from 1
 */
public record LogicalLine(String text, int number) {

    /**
     * Splits a file's bytes into logical lines, in order, as kmod 30 does.
     *
     * @param data the file's bytes
     * @return the logical lines
     */
    public static List<LogicalLine> split(byte[] data) {
        return split(data, false);
    }

    /**
     * Splits a file's bytes into logical lines, in order, as kmod 34 ({@code kmod34}) or kmod 30 does
     * (depmod's configuration files are read the same way).
     *
     * @param data the file's bytes
     * @param kmod34 true for kmod 34's reading of a backslash at the end of the file
     * @return the logical lines
     */
    public static List<LogicalLine> split(byte[] data, boolean kmod34) {
        List<LogicalLine> lines = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        int number = 0;
        boolean pending = false;
        int i = 0;
        lines:
        while (i < data.length) {
            // A physical line without a backslash or NUL (nearly every line) is taken whole: the
            // loop below, a char at a time, runs interpreted at start-up, several times slower.
            int end = i;
            while (end < data.length && data[end] != '\n' && data[end] != '\\' && data[end] != 0) {
                end++;
            }
            if (end < data.length && data[end] == '\n') {
                number++;
                lines.add(new LogicalLine(new String(data, i, end - i, StandardCharsets.ISO_8859_1), number));
                i = end + 1;
                continue;
            }
            for (; i < data.length; i++) {
                char c = (char) (data[i] & 0xff);
                if (c == '\\') {
                    if (i + 1 >= data.length) {
                        if (!kmod34) {
                            buf.append('\u00ff');
                        }
                        pending = true;
                        break lines;
                    }
                    char next = (char) (data[++i] & 0xff);
                    if (next == '\n') {
                        number++;
                    } else {
                        buf.append(next);
                    }
                    pending = true;
                } else if (c == '\n') {
                    number++;
                    lines.add(new LogicalLine(cString(buf), number));
                    buf.setLength(0);
                    pending = false;
                    i++;
                    continue lines;
                } else {
                    buf.append(c);
                    pending = true;
                }
            }
        }
        if (pending) {
            lines.add(new LogicalLine(cString(buf), number + 1));
        }
        return lines;
    }

    private static String cString(CharSequence s) {
        String str = s.toString();
        int nul = str.indexOf('\0');
        return nul < 0 ? str : str.substring(0, nul);
    }

    /** The bytes of a string made by this class (one byte per char). */
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
