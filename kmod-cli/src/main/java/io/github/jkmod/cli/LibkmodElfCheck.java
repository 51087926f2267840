package io.github.jkmod.cli;

import io.github.jkmod.core.kernel.Errno;

/**
 * The checks libkmod (kmod 30) makes when it opens a module file as ELF, and the errno each
 * failure gives, so that {@code --show-exports} and {@code --show-modversions} name the same
 * reason: a file shorter than the longest compression magic (6 bytes) is {@code EINVAL}; an image
 * of at most 16 bytes or without the ELF magic is {@code ENOEXEC}; an unknown class or data
 * encoding, a section header entry size other than the class's, a header plus section table that
 * does not fit before the end of the image, or a section name table that lies outside the image,
 * is empty or does not end with a NUL byte, is {@code EINVAL}. Bytes past the end of the image
 * read as 0 (libkmod reads a short file through a page-sized mapping).
 */
final class LibkmodElfCheck {
    /** The longest compression magic libkmod reads first (xz's six bytes). */
    static final int MAGIC_READ = 6;

    private static final int EI_NIDENT = 16;

    private LibkmodElfCheck() {
    }

    /** The errno libkmod fails a file of {@code fileSize} bytes with before looking at it. */
    static int ofFileSize(long fileSize) {
        return fileSize < MAGIC_READ ? Errno.EINVAL : 0;
    }

    /** 0 when libkmod accepts {@code image} as ELF, else the errno it fails with. */
    static int of(byte[] image) {
        if (image.length <= EI_NIDENT || image[0] != 0x7f || image[1] != 'E' || image[2] != 'L'
                || image[3] != 'F') {
            return Errno.ENOEXEC;
        }
        int elfClass = image[4];
        int data = image[5];
        if ((elfClass != 1 && elfClass != 2) || (data != 1 && data != 2)) {
            return Errno.EINVAL;
        }
        boolean is64 = elfClass == 2;
        boolean big = data == 2;
        long shoff = is64 ? read(image, 0x28, 8, big) : read(image, 0x20, 4, big);
        int at = is64 ? 0x3a : 0x2e;
        long entsize = read(image, at, 2, big);
        long count = read(image, at + 2, 2, big);
        long strndx = read(image, at + 4, 2, big);
        long headerSize = is64 ? 64 : 52;
        long shdrSize = is64 ? 64 : 40;
        if (entsize != shdrSize || headerSize + shdrSize * count >= image.length) {
            return Errno.EINVAL;
        }
        if (strndx >= count) {
            return Errno.EINVAL;
        }
        long h = shoff + strndx * entsize;
        if (shoff < 0 || h < 0 || h > image.length - shdrSize) {
            return Errno.EINVAL;
        }
        long offset = is64 ? read(image, h + 24, 8, big) : read(image, h + 16, 4, big);
        long size = is64 ? read(image, h + 32, 8, big) : read(image, h + 20, 4, big);
        if (offset < 0 || size <= 0 || offset > image.length || size > image.length - offset
                || image[(int) (offset + size - 1)] != 0) {
            return Errno.EINVAL;
        }
        return 0;
    }

    /** An unsigned field of {@code width} bytes; bytes past the end read as 0. */
    private static long read(byte[] b, long at, int width, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            long pos = bigEndian ? at + i : at + width - 1 - i;
            int octet = pos >= 0 && pos < b.length ? b[(int) pos] & 0xff : 0;
            v = (v << 8) | octet;
        }
        return v;
    }
}
