package io.github.jkmod.index;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An index file read a page (8 KiB) at a time, each page on its first use, then kept: a lookup
 * reads the few pages its trie nodes are on, not the whole file. Reading goes through
 * {@link RandomAccessFile} (plain {@code pread}-like reads through {@code java.io}): unlike a
 * memory map ({@code FileChannel.map}) it sets up no method handles and loads no NIO channel
 * classes or native libraries, which made the map the costliest step of a modprobe start.
 *
 * <p>The file stays open until every page has been read, or this reader is garbage (the JVM's
 * cleaner then closes it). Like a memory map, it keeps reading the file it opened when another
 * file is renamed over it (as depmod does). A file that shrinks while it is read fails the
 * read with an {@link UncheckedIOException} naming the file and offset. Safe for many threads.
 */
final class IndexFilePages extends IndexBytes {
    private static final int PAGE_BITS = 13;
    private static final int PAGE = 1 << PAGE_BITS;

    private final Path path;
    private final RandomAccessFile file;
    private final int size;
    private final byte[][] pages;
    private int loaded;

    /**
     * @param path the file's name, for messages
     * @param file the open file; this reader closes it
     * @param size its size, at most {@link IndexData#OFFSET_MASK}
     */
    IndexFilePages(Path path, RandomAccessFile file, int size) {
        this.path = path;
        this.file = file;
        this.size = size;
        this.pages = new byte[(size + PAGE - 1) >>> PAGE_BITS][];
    }

    @Override
    int size() {
        return size;
    }

    private synchronized byte[] page(int n) {
        byte[] p = pages[n];
        if (p == null) {
            int from = n << PAGE_BITS;
            p = new byte[Math.min(PAGE, size - from)];
            try {
                file.seek(from);
                file.readFully(p);
                if (++loaded == pages.length) {
                    file.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": cannot read " + p.length + " bytes at offset " + from
                        + " (was the file truncated?): " + e.getMessage(), e);
            }
            pages[n] = p;
        }
        return p;
    }

    @Override
    byte get(int at) {
        return page(at >>> PAGE_BITS)[at & (PAGE - 1)];
    }

    @Override
    int getInt(int at) {
        int in = at & (PAGE - 1);
        if (in <= PAGE - 4) {
            byte[] p = page(at >>> PAGE_BITS);
            return (p[in] & 0xff) << 24 | (p[in + 1] & 0xff) << 16 | (p[in + 2] & 0xff) << 8 | (p[in + 3] & 0xff);
        }
        return (get(at) & 0xff) << 24 | (get(at + 1) & 0xff) << 16 | (get(at + 2) & 0xff) << 8 | (get(at + 3) & 0xff);
    }

    @Override
    void get(int from, byte[] dst, int dstAt, int length) {
        int at = from;
        int to = dstAt;
        int left = length;
        while (left > 0) {
            int in = at & (PAGE - 1);
            int n = Math.min(left, PAGE - in);
            System.arraycopy(page(at >>> PAGE_BITS), in, dst, to, n);
            at += n;
            to += n;
            left -= n;
        }
    }

    @Override
    int indexOfNul(int start) {
        int at = start;
        while (at < size) {
            byte[] p = page(at >>> PAGE_BITS);
            int base = at & ~(PAGE - 1);
            for (int i = at - base; i < p.length; i++) {
                if (p[i] == 0) {
                    return base + i;
                }
            }
            at = base + p.length;
        }
        return -1;
    }
}
