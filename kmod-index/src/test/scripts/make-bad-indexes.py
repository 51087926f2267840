#!/usr/bin/env python3
"""Writes the corrupt index fixtures src/test/resources/bad/NAME-fail.bin (run from kmod-index/).

Each fixture breaks one rule of docs/index-format.md; BadIndexFilesTest names, for each, the
operation that meets the damage and the exact IndexFormatException (file, byte offset, message).
Layout reminders: header = magic b007f457, version 00020001, root node word; a node word is
offset | flags (PREFIX 0x80000000, VALUES 0x40000000, CHILDS 0x20000000); a node holds
[prefix NUL] [first last word...] [count (priority value NUL)...].
"""
import os
import struct

PREFIX, VALUES, CHILDS = 0x80000000, 0x40000000, 0x20000000
MAGIC = 0xB007F457
OUT = 'src/test/resources/bad'


def u32(*words):
    return b''.join(struct.pack('>I', w) for w in words)


def header(root, magic=MAGIC, version=0x00020001):
    return u32(magic, version, root)


FIXTURES = {
    # header
    'empty-file': b'',
    'short-header': u32(MAGIC, 0x00020001),
    'bad-magic': header(12, magic=0xDEADBEEF),
    'bad-version': header(12, version=0x00030001),
    'old-version': header(12, version=0x00010000),
    # offsets
    'root-past-end': header(CHILDS | 16) + b'\0\0\0\0',
    'root-in-header': header(VALUES | 4),
    'child-past-end': header(CHILDS | 12) + b'aa' + u32(VALUES | 0x1000),
    'child-in-header': header(CHILDS | 12) + b'aa' + u32(VALUES | 8),
    # child table
    'first-after-last': header(CHILDS | 12) + b'ba' + u32(0, 0),
    'first-not-ascii': header(CHILDS | 12) + b'\x80\x81' + u32(0, 0),
    'last-not-ascii': header(CHILDS | 12) + b'a\xff' + u32(0) * 4,
    'child-table-truncated': header(CHILDS | 12) + b'az' + u32(0, 0),
    'child-range-truncated': header(CHILDS | 12) + b'a',
    # strings
    'prefix-without-nul': header(PREFIX | VALUES | 12) + b'abc',
    'value-without-nul': header(VALUES | 12) + u32(1, 7) + b'mod',
    'child-prefix-without-nul': header(CHILDS | 12) + b'aa' + u32(PREFIX | 18) + b'bcd',
    # values
    'count-cannot-fit': header(VALUES | 12) + u32(0xFFFFFFFF, 0) + b'm\0',
    'count-truncated': header(VALUES | 12) + b'\0\0',
    'priority-truncated': header(VALUES | 12) + u32(2, 1) + b'abcdefgh\0\0\0',
    # cycles and sharing
    'self-cycle': header(CHILDS | 12) + b'aa' + u32(CHILDS | 12),
    'long-cycle': header(CHILDS | 12) + b'aa' + u32(CHILDS | 18) + b'bb' + u32(CHILDS | 12),
    'shared-subtree': header(CHILDS | 12) + b'ab' + u32(VALUES | 22, VALUES | 22) + u32(1, 0) + b'm\0',
    'overlapping-nodes': header(CHILDS | 12) + b'ab' + u32(PREFIX | VALUES | 22, PREFIX | VALUES | 23)
    + b'x' * 40 + b'\0' + u32(0),
    # root '?' -> 28 (prefix "*", a value), '@' -> 22 whose child '?' is 28 again: a search for
    # "@x" scans node 28 twice, and both times "?*" matches
    'shared-across-scans': header(CHILDS | 12) + b'?@' + u32(PREFIX | VALUES | 28, CHILDS | 22)
    + b'??' + u32(PREFIX | VALUES | 28) + b'*\0' + u32(1, 0) + b'v' * 100 + b'\0',
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in FIXTURES.items():
        with open(os.path.join(OUT, name + '-fail.bin'), 'wb') as f:
            f.write(data)
    print(len(FIXTURES), 'fixtures written to', OUT)


main()
