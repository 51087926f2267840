#!/bin/bash
# Runs the resolve-all benchmark with libkmod and with jkmod in the same run, on the same keys file
# (generated from MODDIR into kmod-core/target/bench/ when missing), in both modes, interleaved
# (libkmod fresh, jkmod fresh, libkmod warm, jkmod warm), and prints a table: for each mode each
# one's first pass, best pass, least CPU time of a pass (the whole process's, and the thread's that
# runs the passes), and the ratios; for fresh also the least time a pass spent opening its context
# (part of the pass). fresh: a new context in every pass; warm: one
# context kept for all passes (see resolve_all.c). Both must report the same modules_emitted.
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
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for mode in fresh warm; do
    "$here/resolve-all-libkmod.sh" "$moddir" "$keys" "$passes" "$mode" | tee "$out/libkmod-$mode.out" >&2
    "$here/resolve-all.sh" "$moddir" "$keys" "$passes" "$mode" | tee "$out/jkmod-$mode.out" >&2
done
field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1" | tail -1; }
first() { sed -n 's/^# pass 1: \([0-9.]*\) ms.*/\1/p' "$1"; }
# The least value of a field over the pass lines (open_ms, process_cpu_ms, thread_cpu_ms).
least() { sed -n "s/^# pass .*, $2=\([0-9.]*\).*/\1/p" "$1" | sort -g | head -1; }
nkeys=$(field "$out/jkmod-fresh.out" keys)
echo
echo "keys=$nkeys passes=$passes; modules_emitted per pass:" \
    "libkmod=$(field "$out/libkmod-fresh.out" modules_emitted)" \
    "jkmod=$(field "$out/jkmod-fresh.out" modules_emitted);" \
    "jkmod context heap $(field "$out/jkmod-warm.out" context_heap_mb) MB (warm, after its passes);" \
    "load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo
echo "| mode | measure | libkmod (ms) | jkmod (ms) | jkmod / libkmod |"
echo "| --- | --- | ---: | ---: | ---: |"
status=0
for mode in fresh warm; do
    lk="$out/libkmod-$mode.out"; jk="$out/jkmod-$mode.out"
    row() { awk -v m="$mode" -v what="$1" -v l="$2" -v j="$3" \
        'BEGIN { printf "| %s | %s | %.2f | %.2f | %.2f |\n", m, what, l, j, j / l }'; }
    row "first pass" "$(first "$lk")" "$(first "$jk")"
    row "best pass" "$(field "$lk" best_pass_ms)" "$(field "$jk" best_pass_ms)"
    row "least process CPU of a pass" "$(least "$lk" process_cpu_ms)" "$(least "$jk" process_cpu_ms)"
    row "least thread CPU of a pass" "$(least "$lk" thread_cpu_ms)" "$(least "$jk" thread_cpu_ms)"
    [ "$mode" = warm ] || row "least time opening the context in a pass" \
        "$(least "$lk" open_ms)" "$(least "$jk" open_ms)"
    [ "$(field "$lk" modules_emitted)" = "$(field "$jk" modules_emitted)" ] \
        || { echo "$mode: modules_emitted differ" >&2; status=1; }
done
exit $status
