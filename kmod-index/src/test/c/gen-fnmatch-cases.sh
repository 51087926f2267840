#!/bin/sh
# Regenerates src/test/resources/fnmatch/glibc-cases.tsv: the expected results of glibc's
# fnmatch(PATTERN, STRING, 0) for the hand-picked cases in hand-cases.in and 10,000 random ones.
# Run from this directory on a glibc system (the committed table came from glibc 2.36, Debian 12).
set -eu
out=../resources/fnmatch/glibc-cases.tsv
mkdir -p "$(dirname "$out")"
cc -O2 -Wall -o /tmp/fnmatch-oracle fnmatch-oracle.c
{ cat hand-cases.in; python3 gen-fnmatch-cases.py 42 10000; } | /tmp/fnmatch-oracle > "$out"
wc -l "$out"
