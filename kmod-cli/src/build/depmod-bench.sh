#!/bin/bash
# Times jkmod depmod beside the real depmods, whole process (JVM start included), on the fetched
# Debian trees: each command N times (default 5), interleaved (one round runs every command once),
# best and median wall time and the CPU time of the best run. The trees are indexed in scratch
# images (their kernel/ directory a link to the fetched tree; modules.order, modules.builtin and
# modules.builtin.modinfo copied) with an empty configuration, as the conformance tests do.
#
# usage: depmod-bench.sh [N]    (after mvn package; needs .ci/fetch-real-tree and .ci/fetch-trixie)
# environment: JKMOD (default kmod-cli/target/jkmod), DEPMOD30 (default /usr/sbin/depmod),
#              DEPMOD34 (default /var/tmp/jkmod-trixie/jkmod-bin/depmod), TREE12, TREE13,
#              LIBLZMA13 (default Debian 13's liblzma.so.5 in /var/tmp/jkmod-trixie: one more line,
#              jkmod decoding with the liblzma that kmod 34.2 uses there)
set -euo pipefail
n=${1:-5}
here=$(cd "$(dirname "$0")/../../.." && pwd)
jk=${JKMOD:-$here/kmod-cli/target/jkmod}
d30=${DEPMOD30:-/usr/sbin/depmod}
d34=${DEPMOD34:-/var/tmp/jkmod-trixie/jkmod-bin/depmod}
t12=${TREE12:-/var/tmp/jkmod-realtree}
t13=${TREE13:-/var/tmp/jkmod-realtree-trixie}
for x in "$jk" "$d30" "$d34"; do [ -x "$x" ] || { echo "depmod-bench: missing $x" >&2; exit 3; }; done
work=$(mktemp -d /var/tmp/jkmod-depmod-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/empty"
image() { # image NAME TREE -> prints the release
  local rel; rel=$(cat "$2/release")
  local d=$work/$1/lib/modules/$rel
  mkdir -p "$d"; ln -s "$2/root/lib/modules/$rel/kernel" "$d/kernel"
  for f in modules.order modules.builtin modules.builtin.modinfo; do
    [ ! -e "$2/root/lib/modules/$rel/$f" ] || cp "$2/root/lib/modules/$rel/$f" "$d/"
  done
  echo "$rel"
}
r12=$(image plain "$t12"); r13=$(image xz "$t13")
labels=(); cmds=()
add() { labels+=("$1"); shift; cmds+=("$*"); }
add "Debian 12 .ko: depmod (kmod 30)"          "$d30 -C $work/empty -b $work/plain $r12"
add "Debian 12 .ko: jkmod depmod (kmod30)"      "env JKMOD_PROFILE=kmod30 $jk depmod -C $work/empty -b $work/plain $r12"
add "Debian 12 .ko: depmod (kmod 34.2)"        "$d34 -C $work/empty -b $work/plain $r12"
add "Debian 12 .ko: jkmod depmod"              "$jk depmod -C $work/empty -b $work/plain $r12"
add "Debian 13 .ko.xz: depmod (kmod 34.2)"     "$d34 -C $work/empty -b $work/xz $r13"
add "Debian 13 .ko.xz: jkmod depmod"           "$jk depmod -C $work/empty -b $work/xz $r13"
add "Debian 13 .ko.xz: jkmod depmod, xz-java"  "env JKMOD_JAVA_OPTIONS=-Djkmod.xz=java $jk depmod -C $work/empty -b $work/xz $r13"
# the liblzma kmod 34.2 decodes with (Debian 13's), as jkmod would use it on a Debian 13 host
lz13=${LIBLZMA13:-/var/tmp/jkmod-trixie/usr/lib/x86_64-linux-gnu/liblzma.so.5}
[ -e "$lz13" ] && add "Debian 13 .ko.xz: jkmod depmod, Debian 13's liblzma" \
  "env JKMOD_JAVA_OPTIONS=-Djkmod.liblzma=$lz13 $jk depmod -C $work/empty -b $work/xz $r13"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $n rounds; jkmod: $jk"
"$jk" depmod -C "$work/empty" -b "$work/plain" "$r12" # warm-up: page cache, archive
for i in $(seq 1 "$n"); do
  for k in "${!cmds[@]}"; do
    /usr/bin/time -f "%e %U %S" -o "$work/t" ${cmds[$k]} >/dev/null 2>"$work/err" || { echo "failed: ${cmds[$k]}" >&2; cat "$work/err" >&2; exit 1; }
    echo "$k $(cat "$work/t")" >> "$work/times"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-42s | %8s | %8s | %12s |\n' command best median "CPU (best)"
for k in "${!cmds[@]}"; do
  awk -v k="$k" '$1==k {print $2, $3+$4}' "$work/times" | sort -n | awk -v l="${labels[$k]}" '
    {w[NR]=$1; c[NR]=$2} END {printf "| %-42s | %7.2fs | %7.2fs | %11.2fs |\n", l, w[1], w[int((NR+1)/2)], c[1]}'
done
