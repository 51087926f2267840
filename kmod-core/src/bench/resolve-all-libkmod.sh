#!/bin/bash
# The resolve-all benchmark with libkmod (resolve_all.c, compiled against libkmod-dev into
# kmod-core/target/bench/): the same work and the same last line as resolve-all.sh.
# Usage: resolve-all-libkmod.sh MODDIR KEYSFILE PASSES
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: resolve-all-libkmod.sh MODDIR KEYSFILE PASSES" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../target/bench"
mkdir -p "$out"
if [ ! -x "$out/resolve_all" ] || [ "$here/resolve_all.c" -nt "$out/resolve_all" ]; then
    gcc -O2 -Wall -o "$out/resolve_all" "$here/resolve_all.c" $(pkg-config --cflags --libs libkmod)
fi
exec "$out/resolve_all" "$1" "$2" "$3"
