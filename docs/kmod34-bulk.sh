#!/usr/bin/env bash
# modprobe --show-depends for every key of the two real trees, kmod 30 and kmod 34.2 (.ci/kmod34),
# one process per key; compares stdout+stderr+exit code of the two versions.
#   docs/kmod34-bulk.sh [OUTDIR]     (default /var/tmp/jkmod-bulk; about 8 minutes on 2 cores, then
#   modinfo of every module and builtin name of both trees, both versions)
# Keys: every module name of modules.dep, one string per alias pattern of modules.alias ('*' and '?'
# -> 'x', '[...]' -> its first character), the first 500 symbol: keys, every builtin module name.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/var/tmp/jkmod-bulk}
mkdir -p "$out"
for t in 12 13; do
  if [ $t = 12 ]; then TR=/var/tmp/jkmod-realtree/root; RL=$(cat /var/tmp/jkmod-realtree/release)
  else TR=/var/tmp/jkmod-realtree-trixie/root; RL=$(cat /var/tmp/jkmod-realtree-trixie/release); fi
  M=$TR/lib/modules/$RL
  { sed -n 's#^[^:]*/\([^/:]*\)\.ko\(\.[a-z]*\)\?:.*#\1#p' "$M/modules.dep"
    awk '{print $2}' "$M/modules.alias" | sed 's/\[\(.\)[^]]*\]/\1/g; s/[*?]/x/g' | sort -u
    awk '{print $2}' "$M/modules.symbols" | head -n 500
    sed 's#.*/##; s#\.ko$##' "$M/modules.builtin"; } >"$out/keys$t"
  for v in 30 34; do
    if [ $v = 30 ]; then b=(/usr/sbin/modprobe); else b=("$here/.ci/kmod34" /usr/sbin/modprobe); fi
    while read -r n; do
      echo "## $n"; "${b[@]}" -d "$TR" -S "$RL" --show-depends "$n" 2>&1; echo "rc=$?"
    done <"$out/keys$t" >"$out/bulk$v-$t"
  done
  echo "Debian $t tree ($RL): $(wc -l <"$out/keys$t") keys, $(wc -l <"$out/bulk30-$t") lines: $(cmp -s "$out/bulk30-$t" "$out/bulk34-$t" && echo identical || echo DIFFERENT)"
done
# modinfo of every module name (and every builtin name) of both trees, both versions.
for t in 12 13; do
  if [ $t = 12 ]; then TR=/var/tmp/jkmod-realtree/root; RL=$(cat /var/tmp/jkmod-realtree/release)
  else TR=/var/tmp/jkmod-realtree-trixie/root; RL=$(cat /var/tmp/jkmod-realtree-trixie/release); fi
  M=$TR/lib/modules/$RL
  { sed -n 's#^[^:]*/\([^/:]*\)\.ko\(\.[a-z]*\)\?:.*#\1#p' "$M/modules.dep"; sed 's#.*/##; s#\.ko$##' "$M/modules.builtin"; } >"$out/mkeys$t"
  for v in 30 34; do
    if [ $v = 30 ]; then b=(/usr/sbin/modinfo); else b=("$here/.ci/kmod34" /usr/sbin/modinfo); fi
    while read -r n; do
      echo "## $n"; "${b[@]}" -b "$TR" -k "$RL" "$n" 2>&1; echo "rc=$?"
    done <"$out/mkeys$t" >"$out/modinfo$v-$t"
  done
  echo "modinfo, Debian $t tree: $(wc -l <"$out/mkeys$t") names, $(wc -l <"$out/modinfo30-$t") lines: $(cmp -s "$out/modinfo30-$t" "$out/modinfo34-$t" && echo identical || echo DIFFERENT)"
done
