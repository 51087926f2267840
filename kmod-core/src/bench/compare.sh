#!/bin/bash
# Runs the resolve-all benchmark with libkmod and with jkmod in the same run, on the same keys file
# (generated from MODDIR into kmod-core/target/bench/ when missing), and prints a table: each one's
# first (cold) pass and best pass, and the ratios. Both must report the same modules_emitted.
# Usage: compare.sh MODDIR [PASSES]   (MODDIR: <root>/lib/modules/<release>; PASSES default 10)
set -euo pipefail
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: compare.sh MODDIR [PASSES]" >&2; exit 2; }
moddir=$1
passes=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../target/bench"
mkdir -p "$out"
keys="$out/keys-$(basename "$moddir").txt"
[ -s "$keys" ] || "$here/keys.sh" "$moddir" "$keys"
"$here/resolve-all-libkmod.sh" "$moddir" "$keys" "$passes" | tee "$out/libkmod.out" >&2
"$here/resolve-all.sh" "$moddir" "$keys" "$passes" | tee "$out/jkmod.out" >&2
field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1" | tail -1; }
first() { sed -n 's/^# pass 1: \([0-9.]*\) ms.*/\1/p' "$1"; }
lk_best=$(field "$out/libkmod.out" best_pass_ms); jk_best=$(field "$out/jkmod.out" best_pass_ms)
lk_first=$(first "$out/libkmod.out"); jk_first=$(first "$out/jkmod.out")
lk_mods=$(field "$out/libkmod.out" modules_emitted); jk_mods=$(field "$out/jkmod.out" modules_emitted)
nkeys=$(field "$out/jkmod.out" keys); heap=$(field "$out/jkmod.out" context_heap_mb)
echo
echo "keys=$nkeys passes=$passes modules_emitted: libkmod=$lk_mods jkmod=$jk_mods; jkmod context heap ${heap} MB"
echo
echo "| pass | libkmod (ms) | jkmod (ms) | jkmod / libkmod |"
echo "| --- | ---: | ---: | ---: |"
awk -v lf="$lk_first" -v jf="$jk_first" -v lb="$lk_best" -v jb="$jk_best" 'BEGIN {
    printf "| first (cold) | %.1f | %.1f | %.2f |\n", lf, jf, jf / lf
    printf "| best | %.1f | %.1f | %.2f |\n", lb, jb, jb / lb
    printf "| jkmod first vs libkmod best | %.1f | %.1f | %.2f |\n", lb, jf, jf / lb
}'
[ "$lk_mods" = "$jk_mods" ] || { echo "modules_emitted differ" >&2; exit 1; }
