#!/bin/bash
# Builds the wide-window test module (see gen-manyparams.sh) for kernel release KV with Debian's
# linux-headers-KV package and kbuild, into a cache directory (never into the project):
#   build-manyparams.sh KV [CACHEDIR]     (default CACHEDIR /var/tmp/jkmod-vm-cache)
# Prints the path of the built .ko on stdout. Reuses an earlier build of the same source.
# Needs /usr/src/linux-headers-KV (apt-get install linux-headers-KV), make and a gcc close to the
# kernel's own (Debian 12's kernels: gcc-12).
set -euo pipefail
kv=${1:?usage: build-manyparams.sh KV [CACHEDIR]}
cache=${2:-/var/tmp/jkmod-vm-cache}
name=jkmod_manyparams
here=$(cd "$(dirname "$0")" && pwd)
hdr=/usr/src/linux-headers-$kv
[ -d "$hdr" ] || { echo "build-manyparams: $hdr missing: apt-get install linux-headers-$kv" >&2; exit 3; }
dir=$cache/$kv/manyparams
src=$(mktemp -d "$cache/manyparams-src.XXXXXX")
trap 'rm -rf "$src"' EXIT
"$here/gen-manyparams.sh" "$src" "$name"
sum=$(cat "$src/$name.c" "$src/Kbuild" | sha256sum | cut -c1-16)
if [ -s "$dir/$name.ko" ] && [ "$(cat "$dir/source.sha" 2>/dev/null)" = "$sum" ]; then
  echo "$dir/$name.ko"; exit 0
fi
rm -rf "$dir"; mkdir -p "$dir"
cp "$src/$name.c" "$src/Kbuild" "$dir/"
make -s -C "$hdr" M="$dir" modules >&2
strip --strip-debug "$dir/$name.ko"
echo "$sum" > "$dir/source.sha"
echo "$dir/$name.ko"
