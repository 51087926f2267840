#!/bin/bash
# Makes the module tree the guest sees as its own /lib/modules/KV: a copy of a real Debian tree
# (hard links where possible, so it costs little) with the harness's test modules added under
# extra/, then the real depmod run on it. The copy lives in a cache directory, never under /tmp
# (the guest mounts its own /tmp) and never in the project.
#   prepare-tree.sh SRCROOT KV CACHEDIR [EXTRA.ko...]
# SRCROOT holds lib/modules/KV (a linux-image package unpacked). Prints the root of the copy: a
# directory that holds usr/lib/modules/KV (and a lib -> usr/lib link) when this machine's /lib is a
# link to usr/lib, else lib/modules/KV, so it can lie over this machine's root in an overlay.
# Test modules added:
#   extra/jkmod_notamodule.ko     text, not ELF: the kernel answers ENOEXEC
#   extra/jkmod_elfnotmodule.ko   an ELF executable that is no module: ENOEXEC as well
#   extra/<name>.ko               every EXTRA.ko given (e.g. the wide-window module)
# The bogus files are written after depmod ran on valid stand-ins of the same name, so that
# modules.dep lists them like any module.
set -euo pipefail
src=${1:?usage: prepare-tree.sh SRCROOT KV CACHEDIR [EXTRA.ko...]}
kv=${2:?usage: prepare-tree.sh SRCROOT KV CACHEDIR [EXTRA.ko...]}
cache=${3:?usage: prepare-tree.sh SRCROOT KV CACHEDIR [EXTRA.ko...]}
shift 3
srcmods=$src/lib/modules/$kv
[ -d "$srcmods/kernel" ] || { echo "prepare-tree: no $srcmods/kernel" >&2; exit 3; }
if [ "$(readlink /lib || true)" = usr/lib ]; then rel=usr/lib/modules; else rel=lib/modules; fi
key=$( { echo "$src $kv $rel"; cat "$0"; stat -c '%n %s %Y' "$srcmods/modules.dep" "$@"; } | sha256sum | cut -c1-16)
root=$cache/$kv/tree-$key
if [ -f "$root/.complete" ]; then echo "$root"; exit 0; fi
find "$cache/$kv" -maxdepth 1 -name "tree-*" -mtime +1 -exec rm -rf {} + 2>/dev/null || true
rm -rf "$root"
mkdir -p "$root/$rel"
[ "$rel" = usr/lib/modules ] && ln -s usr/lib "$root/lib"
dst=$root/$rel/$kv
mkdir -p "$dst"
# Modules: hard links (same file system) or copies; index files are rewritten by depmod below.
cp -al "$srcmods/kernel" "$dst/" 2>/dev/null || cp -a "$srcmods/kernel" "$dst/"
for f in modules.order modules.builtin modules.builtin.modinfo; do
  [ -e "$srcmods/$f" ] && cp "$srcmods/$f" "$dst/"
done
mkdir -p "$dst/extra"
# Stand-ins for depmod: a small real module that exports no symbol and has no alias (ts_kmp),
# decompressed: depmod only needs a valid module, and nothing may come to depend on the stand-ins.
standin=$(find "$dst/kernel/lib" -name 'ts_kmp.ko*' | head -n1)
[ -n "$standin" ] || { echo "prepare-tree: no ts_kmp module in $srcmods to stand in" >&2; exit 3; }
for name in jkmod_notamodule jkmod_elfnotmodule; do
  case "$standin" in
    *.xz) xz -dc "$standin";; *.zst) zstd -qdc "$standin";; *.gz) gzip -dc "$standin";; *) cat "$standin";;
  esac > "$dst/extra/$name.ko"
done
for ko in "$@"; do cp "$ko" "$dst/extra/"; done
depmod -b "$root" "$kv"
if grep -q 'jkmod_\(not\|elfnot\)' "$dst/modules.symbols" "$dst/modules.alias" "$dst/modules.softdep"; then
  echo "prepare-tree: a stand-in module provides symbols or aliases" >&2; exit 3
fi
printf 'jkmod VM harness: this file is not a kernel module.\n' > "$dst/extra/jkmod_notamodule.ko"
cp /bin/true "$dst/extra/jkmod_elfnotmodule.ko"
touch "$root/.complete"
echo "$root"
