#!/bin/bash
# The resolve-all benchmark with libkmod (resolve_all.c, compiled against libkmod-dev into
# kmod-core/target/bench/): the same work, modes and lines as resolve-all.sh. Without MODE it runs
# the warm mode, then the fresh mode, so its last line is the fresh mode's
# `keys=K modules_emitted=M best_pass_ms=T`.
# Usage: resolve-all-libkmod.sh MODDIR KEYSFILE PASSES [fresh|warm]
set -euo pipefail
[ $# -eq 3 ] || [ $# -eq 4 ] || { echo "usage: resolve-all-libkmod.sh MODDIR KEYSFILE PASSES [fresh|warm]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../target/bench"
mkdir -p "$out"
if [ ! -x "$out/resolve_all" ] || [ "$here/resolve_all.c" -nt "$out/resolve_all" ]; then
    gcc -O2 -Wall -o "$out/resolve_all" "$here/resolve_all.c" $(pkg-config --cflags --libs libkmod)
fi
for mode in ${4:-warm fresh}; do
    "$out/resolve_all" "$mode" "$1" "$2" "$3"
done
