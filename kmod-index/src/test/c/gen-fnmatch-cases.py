#!/usr/bin/env python3
"""Generates random fnmatch cases (PATTERN<TAB>STRING lines, Latin-1) for fnmatch-oracle.c.

Usage: gen-fnmatch-cases.py SEED COUNT | ./fnmatch-oracle > cases.tsv
Deterministic for a given seed; the alphabet is chosen to hit glibc's bracket corner cases.
"""
import random
import sys

PAT = ['a', 'b', 'c', 'z', '-', ']', '[', '!', '^', '\\', '*', '?', ':', '=', '.', '\xe5',
       '[:alpha:]', '[:digit:]', '[:upper:]', '[:zz:]', '[:foo:]', '[:', ':]', '[=a=]', '[=]',
       '[.a.]', '[.-.]', '[..]', '[.', '.]', '[!', '[^', '[]', 'a-c', 'c-a', '[a-z]']
STARS = ['a', 'b', '*', '*', '?', '[ab]', '[!a]', '\\*', '[[:alpha:]]', '[a']
STR = ['a', 'b', 'c', 'z', '-', ']', '[', '!', '^', '\\', ':', '=', '.', '1', 'A', '\xe5', '*', '?']


def main():
    rnd = random.Random(int(sys.argv[1]))
    out = sys.stdout.buffer
    for _ in range(int(sys.argv[2])):
        if rnd.random() < 0.25:
            # star-heavy: exercises the backtracking
            pat = ''.join(rnd.choice(STARS) for _ in range(rnd.randint(1, 10)))
            s = ''.join(rnd.choice('ab*[') for _ in range(rnd.randint(0, 10)))
            out.write((pat + '\t' + s + '\n').encode('latin-1'))
            continue
        pat = ''.join(rnd.choice(PAT) for _ in range(rnd.randint(1, 7)))
        if rnd.random() < 0.5:
            # a string made from the pattern itself, so that many cases match
            s = ''.join(ch if rnd.random() < 0.8 else rnd.choice(STR) for ch in pat
                        if rnd.random() < 0.9)
        else:
            s = ''.join(rnd.choice(STR) for _ in range(rnd.randint(0, 6)))
        out.write((pat + '\t' + s + '\n').encode('latin-1'))


main()
