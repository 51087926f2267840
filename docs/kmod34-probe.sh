#!/usr/bin/env bash
# Runs the same command lines with kmod 30 (this Debian 12 machine: /usr/sbin/{modprobe,depmod,modinfo})
# and kmod 34.2 (the Debian 13 chroot of .ci/fetch-trixie, through .ci/kmod34) and prints, per case,
# the command and each version's exit code, stdout and stderr. docs/kmod30-vs-kmod34.md is written
# from its output (docs/kmod34-probe.out).
#   docs/kmod34-probe.sh [WORKDIR]      (default /var/tmp/jkmod-probe; rebuilt on each run)
# Needs: .ci/fetch-trixie done, .ci/fetch-real-tree done (its uncompressed Debian 12 modules are the
# fixture's modules), strace. Runs no module load: every command is -n, --show-depends, -R, -c or
# fails before the kernel. Fixture: a tree of 7 real modules (ext4, jbd2, mbcache, crc16,
# crc32c_generic, xfs, libcrc32c) with Debian 12's modules.builtin and modules.builtin.modinfo,
# indexed by kmod 34.2's depmod, release 9.9.9-probe.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
W=${1:-/var/tmp/jkmod-probe}
REL=9.9.9-probe
R12=$(cat /var/tmp/jkmod-realtree/release)
T12=/var/tmp/jkmod-realtree/root
R13=$(cat /var/tmp/jkmod-realtree-trixie/release)
T13=/var/tmp/jkmod-realtree-trixie/root
src=$T12/lib/modules/$R12

run() {  # run VERSION TOOL ARGS...
  local v=$1 tool=$2; shift 2
  (cd "${PROBE_CWD:-.}" &&
    if [ "$v" = 30 ]; then exec "/usr/sbin/$tool" "$@"; else exec "$here/.ci/kmod34" "/usr/sbin/$tool" "$@"; fi)
}
show() {  # show LABEL TOOL ARGS...: both versions, output shortened, the work dir written as W
  local label=$1; shift
  local v rc
  for v in 30 34; do
    run "$v" "$@" >"$W/.out$v" 2>"$W/.err$v"; echo $? >"$W/.rc$v"
  done
  if cmp -s "$W/.out30" "$W/.out34" && cmp -s "$W/.err30" "$W/.err34" && cmp -s "$W/.rc30" "$W/.rc34"; then
    echo "### $label [same]"
  else
    echo "### $label [DIFFERENT]"
  fi
  echo "\$ $*" | sed "s#$W#W#g"
  for v in 30 34; do
    echo "-- kmod $v: exit $(cat "$W/.rc$v")"
    sed "s#$W#W#g; s/^/   out| /" "$W/.out$v" | head -n "${MAXL:-12}"
    [ "$(wc -l <"$W/.out$v")" -le "${MAXL:-12}" ] || echo "   out| ... ($(wc -l <"$W/.out$v") lines)"
    sed "s#$W#W#g; s/^/   err| /" "$W/.err$v" | head -n "${MAXL:-12}"
    [ "$(wc -l <"$W/.err$v")" -le "${MAXL:-12}" ] || echo "   err| ... ($(wc -l <"$W/.err$v") lines)"
  done
  echo
}

rm -rf "$W"
mkdir -p "$W/pristine/lib/modules/$REL"
P=$W/pristine/lib/modules/$REL
for m in fs/ext4/ext4 fs/jbd2/jbd2 fs/mbcache lib/crc16 crypto/crc32c_generic fs/xfs/xfs lib/libcrc32c; do
  mkdir -p "$P/kernel/$(dirname "$m")"
  cp "$src/kernel/$m.ko" "$P/kernel/$m.ko"
done
cp "$src/modules.builtin" "$src/modules.builtin.modinfo" "$P/"
(cd "$P" && find kernel -name '*.ko' | sort > modules.order)
"$here/.ci/kmod34" depmod -b "$W/pristine" "$REL"
mkdir -p "$W/conf-empty"

tree() {  # tree NAME: a fresh copy of the pristine tree (real copies: the cases overwrite files)
  rm -rf "$W/$1"; cp -a "$W/pristine" "$W/$1"; echo "$W/$1"
}
corrupt() {  # corrupt FILE MODE
  local f=$1 mode=$2
  case $mode in
    pristine) ;;
    zero) : >"$f" ;;
    short8) head -c 8 "$f" >"$f.x" && mv "$f.x" "$f" ;;            # magic + version, no root offset
    badmagic) printf '\xde\xad\xbe\xef' | dd of="$f" bs=1 seek=0 conv=notrunc status=none ;;
    badmajor) printf '\x00\x03\x00\x01' | dd of="$f" bs=1 seek=4 conv=notrunc status=none ;;
    badminor) printf '\x00\x02\x00\x07' | dd of="$f" bs=1 seek=4 conv=notrunc status=none ;;
    garbage) printf 'this is not an index\n\x01\x02\x03\nsoftdep\n' >"$f" ;;
    absent) rm -f "$f" ;;
  esac
}

echo "# kmod 30: $(/usr/sbin/modprobe -V | head -n1); kmod 34: $("$here/.ci/kmod34" modprobe -V | head -n1)"
echo "# fixture: W=$W release $REL; Debian 12 tree $R12; Debian 13 tree $R13"
echo

echo "## 1. Index files"
C="-C $W/conf-empty"
for f in modules.dep.bin modules.alias.bin modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin; do
  for mode in pristine zero short8 badmagic badmajor badminor absent; do
    D=$(tree "t-$f-$mode")
    corrupt "$D/lib/modules/$REL/$f" "$mode"
    MAXL=4 show "$f $mode: module" modprobe $C -d "$D" -S "$REL" --show-depends ext4
    MAXL=4 show "$f $mode: alias" modprobe $C -d "$D" -S "$REL" -R crypto-crc32c
    MAXL=4 show "$f $mode: symbol" modprobe $C -d "$D" -S "$REL" --show-depends symbol:jbd2__journal_restart
    MAXL=4 show "$f $mode: builtin" modprobe $C -d "$D" -S "$REL" --show-depends unix
    MAXL=4 show "$f $mode: builtin alias" modprobe $C -d "$D" -S "$REL" -R net-pf-1
    MAXL=4 show "$f $mode: remove" modprobe $C -d "$D" -S "$REL" -n -v -r ext4
  done
done
for f in modules.softdep modules.weakdep modules.builtin.modinfo; do
  for mode in pristine zero garbage absent; do
    D=$(tree "t-$f-$mode")
    corrupt "$D/lib/modules/$REL/$f" "$mode"
    MAXL=6 show "$f $mode: -c softdep/weakdep lines" modprobe $C -d "$D" -S "$REL" -c
    MAXL=6 show "$f $mode: module" modprobe $C -d "$D" -S "$REL" --show-depends ext4
    MAXL=6 show "$f $mode: builtin" modprobe $C -d "$D" -S "$REL" -n -v unix
    MAXL=6 show "$f $mode: modinfo builtin" modinfo -b "$D" -k "$REL" unix
  done
done

echo "## 2. Configuration"
mkdir -p "$W/conf-weak" "$W/conf-bad" "$W/conf-soft"
cat >"$W/conf-weak/w.conf" <<'CONF'
# jkmod probe fixture: weakdep next to the other commands
alias myalias ext4
softdep ext4 pre: mbcache post: crc16
weakdep ext4 xfs libcrc32c
options ext4 probeopt=1
weakdep jbd2 crc16
blacklist xfs
install myinst /bin/true
remove myinst /bin/false
CONF
MAXL=30 show "weakdep in modprobe.d: -c" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" -c
MAXL=30 show "weakdep in modprobe.d: --show-depends ext4" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" --show-depends ext4
MAXL=30 show "weakdep in modprobe.d: -n -v ext4" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" -n -v ext4
MAXL=30 show "weakdep in modprobe.d: -n -v -r ext4" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" -n -v -r ext4
D=$(tree t-weakdepfile)
printf '# Weak dependencies extracted from modules themselves.\nweakdep ext4 xfs\nweakdep jbd2 crc16 libcrc32c\n' >"$D/lib/modules/$REL/modules.weakdep"
MAXL=14 show "modules.weakdep with lines: -c" modprobe -C "$W/conf-empty" -d "$D" -S "$REL" -c
MAXL=14 show "modules.weakdep with lines: --show-depends ext4" modprobe -C "$W/conf-empty" -d "$D" -S "$REL" --show-depends ext4
MAXL=14 show "modules.weakdep with lines: -n -v ext4" modprobe -C "$W/conf-empty" -d "$D" -S "$REL" -n -v ext4

cat >"$W/conf-bad/bad.conf" <<'CONF'
frobnicate x y
alias onlyone
alias
options
options ext4
blacklist
install ext4
remove ext4
softdep
softdep ext4
weakdep
weakdep ext4
include other.conf
alias a b c
blacklist xfs extra
  alias   spaced	ext4
CONF
mkdir -p "$W/conf-w2"
printf 'weakdep   ext4    xfs\tcrc16  \nweakdep ext4 mbcache\nweakdep xfs ext4 # comment\nweakdep Ext-4 crc-16\n' >"$W/conf-w2/a.conf"
MAXL=30 show "weakdep spacing, repeats, comment, dashes: -c" modprobe -C "$W/conf-w2" -d "$W/pristine" -S "$REL" -c
MAXL=30 show "bad config lines: -c" modprobe -C "$W/conf-bad" -d "$W/pristine" -S "$REL" -c
MAXL=30 show "bad config file given as -C FILE: -c" modprobe -C "$W/conf-bad/bad.conf" -d "$W/pristine" -S "$REL" -c

cat >"$W/conf-soft/s.conf" <<'CONF'
softdep m1 pre: a b post: c d
softdep m2 a b
softdep m3 pre: a post: b pre: c
softdep m4 pre:
softdep m5 post:
softdep m6 pre: post:
softdep m7 x pre: a
softdep m8	pre:	a	post:	b
softdep m9 pre:a post:b
softdep ext4 pre: xfs
softdep ext4 post: crc16
CONF
MAXL=30 show "softdep parsing: -c" modprobe -C "$W/conf-soft" -d "$W/pristine" -S "$REL" -c
MAXL=30 show "softdep parsing: --show-depends ext4 (two softdep lines)" modprobe -C "$W/conf-soft" -d "$W/pristine" -S "$REL" --show-depends ext4
MAXL=30 show "softdep in config and in modules.softdep: config wins?" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" --show-depends ext4

echo "## 3. Directories read (strace, -c with the default configuration, no -d)"
for v in 30 34; do
  echo "-- kmod $v: modprobe -S $REL -c"
  if [ $v = 30 ]; then b=(/usr/sbin/modprobe); else b=("$here/.ci/kmod34" modprobe); fi
  strace -f -e trace=openat,open,stat,newfstatat,statx,access "${b[@]}" -S "$REL" -c 2>&1 >/dev/null |
    grep -E '"(/|modules)' | grep -vE '\.so(\.[0-9]+)*"|ld\.so|locale|gconv|/var/tmp/jkmod-trixie|/dev/tty|x86_64-linux-gnu|bash|/work|/root' |
    sed -E 's/^\[pid +[0-9]+\] //; s/0x[0-9a-f]+/ADDR/g' | sed "s#$W#W#g" | head -40
  echo "-- kmod $v: modprobe -d W/pristine -S $REL --show-depends ext4"
  strace -f -e trace=openat,open,stat,newfstatat,statx,access "${b[@]}" -d "$W/pristine" -S "$REL" --show-depends ext4 2>&1 >/dev/null |
    grep -E '"(/|modules)' | grep -vE '\.so(\.[0-9]+)*"|ld\.so|locale|gconv|/var/tmp/jkmod-trixie|/dev/tty|x86_64-linux-gnu|bash|/work|/root' |
    sed -E 's/^\[pid +[0-9]+\] //; s/0x[0-9a-f]+/ADDR/g' | sed "s#$W#W#g" | head -40
done
echo

echo "## 4. Module given as a path"
mkdir -p "$W/outside"
cp "$W/pristine/lib/modules/$REL/kernel/fs/ext4/ext4.ko" "$W/outside/ext4.ko"
cp "$W/pristine/lib/modules/$REL/kernel/lib/crc16.ko" "$W/outside/crc16.ko"
printf 'not a module\n' >"$W/outside/text.ko"
IN=$W/pristine/lib/modules/$REL/kernel/fs/ext4/ext4.ko
for a in "$IN" "$W/outside/ext4.ko" "$W/outside/crc16.ko" ./ext4.ko ext4.ko "$W/outside/text.ko" "$W/outside/nosuch.ko" "$W/outside"; do
  PROBE_CWD=$W/outside MAXL=8 show "path $a: --show-depends" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" --show-depends "$a"
  PROBE_CWD=$W/outside MAXL=8 show "path $a: -n -v" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" -n -v "$a"
done
PROBE_CWD=$W/outside MAXL=8 show "path: -n -v -r" modprobe -C "$W/conf-empty" -d "$W/pristine" -S "$REL" -n -v -r "$W/outside/ext4.ko"
PROBE_CWD=$W/outside MAXL=8 show "path: -n -v -a two paths" modprobe -C "$W/conf-empty" -d "$W/pristine" -S "$REL" -n -v -a ./crc16.ko "$W/outside/ext4.ko"
PROBE_CWD=$W/outside MAXL=8 show "path: -n -v with parameters" modprobe -C "$W/conf-empty" -d "$W/pristine" -S "$REL" -n -v ./crc16.ko foo=1
PROBE_CWD=$W/outside MAXL=8 show "path: -R" modprobe -C "$W/conf-empty" -d "$W/pristine" -S "$REL" -R ./crc16.ko
cp "$W/outside/crc16.ko" "$W/outside/my-mod.ko"; cp "$W/outside/crc16.ko" "$W/outside/unix.ko"; cp "$W/outside/crc16.ko" "$W/outside/xfs.ko"
xz -c "$W/outside/crc16.ko" >"$W/outside/crc16x.ko.xz"
for a in ../outside/crc16.ko outside/crc16.ko ./my-mod.ko ./unix.ko ./crc16x.ko.xz ./ "$W/outside/../outside/crc16.ko" /bin/true; do
  PROBE_CWD=$W/outside MAXL=8 show "path rule $a: -n -v" modprobe -C "$W/conf-empty" -d "$W/pristine" -S "$REL" -n -v "$a"
done
PROBE_CWD=$W/outside MAXL=8 show "path rule: -R ./my-mod.ko" modprobe -C "$W/conf-empty" -d "$W/pristine" -S "$REL" -R ./my-mod.ko
PROBE_CWD=$W/outside MAXL=8 show "path rule: -q -n -v ./nosuch.ko" modprobe -C "$W/conf-empty" -d "$W/pristine" -S "$REL" -q -n -v ./nosuch.ko
PROBE_CWD=$W/outside MAXL=8 show "path rule: blacklisted name -b ./xfs.ko" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" -n -v -b ./xfs.ko

echo "## 5. Messages and options"
P1=(-C "$W/conf-empty" -d "$W/pristine" -S "$REL")
MAXL=8 show "not found: -n -v" modprobe "${P1[@]}" -n -v nosuch
MAXL=8 show "not found: -q -n" modprobe "${P1[@]}" -q -n nosuch
MAXL=8 show "not found: --show-depends" modprobe "${P1[@]}" --show-depends nosuch
MAXL=8 show "not found: -R" modprobe "${P1[@]}" -R nosuch
MAXL=8 show "not found: -r -n -v" modprobe "${P1[@]}" -r -n -v nosuch
MAXL=8 show "not found: -a -n -v two" modprobe "${P1[@]}" -a -n -v nosuch ext4
MAXL=8 show "builtin: -n -v" modprobe "${P1[@]}" -n -v unix
MAXL=8 show "builtin: -n -v --first-time" modprobe "${P1[@]}" -n -v --first-time unix
MAXL=8 show "builtin: -r -n -v" modprobe "${P1[@]}" -r -n -v unix
MAXL=8 show "builtin: -r -n -v --first-time" modprobe "${P1[@]}" -r -n -v --first-time unix
MAXL=8 show "builtin alias: -r -n -v" modprobe "${P1[@]}" -r -n -v net-pf-1
MAXL=8 show "-n -v ext4" modprobe "${P1[@]}" -n -v ext4
MAXL=8 show "-n -v --first-time ext4" modprobe "${P1[@]}" -n -v --first-time ext4
MAXL=8 show "-r -n -v --first-time ext4" modprobe "${P1[@]}" -r -n -v --first-time ext4
MAXL=8 show "blacklisted alias -b" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" -n -v -b fs-xfs
MAXL=8 show "install command -n -v" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" -n -v myinst
MAXL=8 show "remove command -r -n -v" modprobe -C "$W/conf-weak" -d "$W/pristine" -S "$REL" -r -n -v myinst
MAXL=8 show "bad long option" modprobe --frob
MAXL=8 show "bad short option" modprobe -Z
MAXL=8 show "missing argument -d" modprobe -d
MAXL=8 show "missing argument -S" modprobe -n -S
MAXL=8 show "no arguments" modprobe
MAXL=8 show "-r no module" modprobe -r
MAXL=8 show "-a no module" modprobe -a
MAXL=8 show "--show-depends no module" modprobe --show-depends
MAXL=8 show "-c with module name" modprobe "${P1[@]}" -c ext4
MAXL=8 show "release without tree" modprobe -C "$W/conf-empty" -d "$W/pristine" -S nosuchrel --show-depends ext4
MAXL=8 show "release without tree -n -v" modprobe -C "$W/conf-empty" -d "$W/pristine" -S nosuchrel -n -v ext4
MAXL=8 show "release without tree -c" modprobe -C "$W/conf-empty" -d "$W/pristine" -S nosuchrel -c
MAXL=8 show "nonexistent -d" modprobe -C "$W/conf-empty" -d /nonexistent -S "$REL" -n -v ext4
MAXL=8 show "nonexistent -C" modprobe -C /nonexistent -d "$W/pristine" -S "$REL" -n -v ext4
MAXL=8 show "-w bad value" modprobe "${P1[@]}" -r -w abc ext4
MAXL=8 show "--wait= form" modprobe "${P1[@]}" -r -n --wait=100 ext4
MAXL=8 show "--dump-modversions on text" modprobe --dump-modversions "$W/outside/text.ko"
MAXL=8 show "-D ext4" modprobe "${P1[@]}" -D ext4
MAXL=8 show "-h first lines" modprobe -h
MAXL=8 show "unknown parameter in -n -v" modprobe "${P1[@]}" -n -v crc16 nosuchparam=1
MAXL=8 show "-n -vvv (debug log)" modprobe "${P1[@]}" -n -vvv crc16
MAXL=8 show "module names with dash" modprobe "${P1[@]}" --show-depends crc32c-generic

echo "## 6. -c on the real trees (default configuration of this machine)"
for t in 12 13; do
  if [ $t = 12 ]; then TR=$T12 RL=$R12; else TR=$T13 RL=$R13; fi
  run 30 modprobe -d "$TR" -S "$RL" -c >"$W/c30-$t" 2>"$W/c30-$t.err"; echo "kmod 30 on Debian $t tree: exit $? $(wc -l <"$W/c30-$t") lines, stderr $(wc -l <"$W/c30-$t.err") lines"
  run 34 modprobe -d "$TR" -S "$RL" -c >"$W/c34-$t" 2>"$W/c34-$t.err"; echo "kmod 34 on Debian $t tree: exit $? $(wc -l <"$W/c34-$t") lines, stderr $(wc -l <"$W/c34-$t.err") lines"
  echo "diff kmod30 kmod34 (Debian $t tree):"; diff "$W/c30-$t" "$W/c34-$t" | head -40; echo "(end of diff)"
  cat "$W/c30-$t.err" "$W/c34-$t.err" | head -5
done
echo

echo "## 7. modinfo and depmod -n"
for t in 12 13; do
  if [ $t = 12 ]; then TR=$T12 RL=$R12; else TR=$T13 RL=$R13; fi
  MAXL=40 show "modinfo ext4 (Debian $t tree)" modinfo -b "$TR" -k "$RL" ext4
  MAXL=10 show "modinfo -F alias xfs (Debian $t tree)" modinfo -b "$TR" -k "$RL" -F alias xfs
  MAXL=10 show "modinfo builtin unix (Debian $t tree)" modinfo -b "$TR" -k "$RL" unix
  MAXL=10 show "modinfo nosuch (Debian $t tree)" modinfo -b "$TR" -k "$RL" nosuch
  MAXL=10 show "modinfo -n alias (Debian $t tree)" modinfo -b "$TR" -k "$RL" -n fs-xfs
done
MAXL=10 show "modinfo text file" modinfo "$W/outside/text.ko"
MAXL=10 show "modinfo -F license path" modinfo -F license "$W/outside/crc16.ko"
for t in 12 13; do
  if [ $t = 12 ]; then TR=$T12 RL=$R12; else TR=$T13 RL=$R13; fi
  run 30 depmod -n -b "$TR" "$RL" >"$W/d30-$t" 2>"$W/d30-$t.err"; echo "depmod 30 -n (Debian $t tree): exit $? $(wc -l <"$W/d30-$t") lines, stderr $(wc -l <"$W/d30-$t.err")"
  run 34 depmod -n -b "$TR" "$RL" >"$W/d34-$t" 2>"$W/d34-$t.err"; echo "depmod 34 -n (Debian $t tree): exit $? $(wc -l <"$W/d34-$t") lines, stderr $(wc -l <"$W/d34-$t.err")"
  echo "section headers: 30: $(grep -c '^# ' "$W/d30-$t") 34: $(grep -c '^# ' "$W/d34-$t")"
  diff "$W/d30-$t" "$W/d34-$t" | head -30; echo "(end of diff, $(diff "$W/d30-$t" "$W/d34-$t" | grep -c '^[<>]') differing lines)"
  head -3 "$W/d30-$t.err" "$W/d34-$t.err"
done

echo "## 8. Index files written by depmod 30 and depmod 34 on the same tree"
rm -rf "$W/dm30" "$W/dm34"
for v in 30 34; do
  cp -a "$W/pristine" "$W/dm$v"
  (cd "$W/dm$v/lib/modules/$REL" && rm -f modules.dep* modules.alias* modules.symbols* modules.softdep modules.weakdep modules.devname modules.builtin.bin modules.builtin.alias.bin)
  run $v depmod -b "$W/dm$v" "$REL"
done
for f in $(ls "$W/dm34/lib/modules/$REL" | grep -v kernel); do
  if cmp -s "$W/dm30/lib/modules/$REL/$f" "$W/dm34/lib/modules/$REL/$f"; then echo "same      $f"
  elif [ -e "$W/dm30/lib/modules/$REL/$f" ]; then echo "DIFFERENT $f (sizes $(stat -c %s "$W/dm30/lib/modules/$REL/$f") $(stat -c %s "$W/dm34/lib/modules/$REL/$f"); header 30: $(head -c 12 "$W/dm30/lib/modules/$REL/$f" | od -An -tx1 | tr -d '\n') 34: $(head -c 12 "$W/dm34/lib/modules/$REL/$f" | od -An -tx1 | tr -d '\n'))"
  else echo "only 34   $f"; fi
done

echo "## 9. Configuration and module directories on a root that is NOT merged-/usr"
# This machine's /lib is a link to usr/lib, so /lib/modprobe.d and /usr/lib/modprobe.d are one
# directory here. A small root with separate lib/ and usr/lib/, each version's kmod binary and
# libraries copied in, run with chroot (as root). One file per directory, plus same-named files.
R=$W/nonmerged
rm -rf "$R"
mkdir -p "$R/k30/lib" "$R/k34/lib" "$R/lib/modules" "$R/usr/lib/modules"
cp /usr/bin/kmod "$R/k30/kmod"; cp -L /lib64/ld-linux-x86-64.so.2 "$R/k30/ld.so"
for l in $(ldd /usr/bin/kmod | awk '/=>/ {print $3}'); do cp -L "$l" "$R/k30/lib/"; done
CH=${JKMOD_TRIXIE:-/var/tmp/jkmod-trixie}
cp "$CH/usr/bin/kmod" "$R/k34/kmod"; cp -L "$CH/lib64/ld-linux-x86-64.so.2" "$R/k34/ld.so"
for l in libc.so.6 liblzma.so.5 libzstd.so.1 libz.so.1 libcrypto.so.3; do cp -L "$CH/usr/lib/x86_64-linux-gnu/$l" "$R/k34/lib/"; done
for d in etc/modprobe.d run/modprobe.d usr/local/lib/modprobe.d usr/lib/modprobe.d lib/modprobe.d; do
  mkdir -p "$R/$d"; n=$(echo "$d" | tr / _)
  echo "alias from_$n crc16" >"$R/$d/$n.conf"
done
echo "options same_ul from=usr_lib" >"$R/usr/lib/modprobe.d/same.conf"
echo "options same_ul from=lib" >"$R/lib/modprobe.d/same.conf"
echo "options same_lo from=usr_local" >"$R/usr/local/lib/modprobe.d/same2.conf"
echo "options same_lo from=usr_lib" >"$R/usr/lib/modprobe.d/same2.conf"
echo "options same_et from=etc" >"$R/etc/modprobe.d/same3.conf"
echo "options same_et from=run" >"$R/run/modprobe.d/same3.conf"
for m in lib usr/lib; do
  mkdir -p "$R/$m/modules/$REL"; cp -a "$W/pristine/lib/modules/$REL/." "$R/$m/modules/$REL/"
  n=$(echo "$m" | tr / _)
  printf 'softdep crc16 pre: from_%s_modules\n' "$n" >"$R/$m/modules/$REL/modules.softdep"
  printf 'weakdep crc16 from_%s_modules\n' "$n" >"$R/$m/modules/$REL/modules.weakdep"
done
for v in 30 34; do
  echo "-- kmod $v: modprobe -S $REL -c (chroot $R), configuration part"
  chroot "$R" /k$v/ld.so --library-path /k$v/lib --argv0 /sbin/modprobe /k$v/kmod -S "$REL" -c 2>&1 | sed '/^# End of configuration/q'
  echo "-- kmod $v: modprobe -S $REL --show-depends ext4"
  chroot "$R" /k$v/ld.so --library-path /k$v/lib --argv0 /sbin/modprobe /k$v/kmod -S "$REL" --show-depends ext4 2>&1 | head -n 2
done

echo "## 10. Two index files with a wrong magic: how many messages, which lookups still work"
echo "# columns: files | command | kmod 30: exit, number of 'check fail' lines, stdout lines | kmod 34 the same | same stdout?"
files=(modules.dep.bin modules.alias.bin modules.symbols.bin modules.builtin.alias.bin modules.builtin.bin)
for ((i = 0; i < 5; i++)); do for ((j = i + 1; j < 5; j++)); do
  D=$(tree t-pair)
  for f in "${files[i]}" "${files[j]}"; do printf '\x00\x00\x00\x01' | dd of="$D/lib/modules/$REL/$f" bs=1 conv=notrunc status=none; done
  for cmd in "--show-depends ext4" "-R crypto-crc32c" "--show-depends symbol:jbd2__journal_restart" "--show-depends unix" "-R net-pf-1" "-c"; do
    line="${files[i]}+${files[j]} | $cmd"
    for v in 30 34; do
      run $v modprobe -C "$W/conf-empty" -d "$D" -S "$REL" $cmd >"$W/.o$v" 2>"$W/.e$v"; rc=$?
      line="$line | $v: exit $rc, $(grep -c 'check fail' "$W/.e$v") msg, $(wc -l <"$W/.o$v") out"
    done
    cmp -s "$W/.o30" "$W/.o34" && line="$line | same" || line="$line | DIFFERENT"
    echo "$line"
  done
done; done

echo "## 11. A file read as absent before a file with a wrong magic: is the later one still opened?"
echo "# modules.builtin.bin (and for the modules.dep.bin rows also modules.symbols.bin) get a wrong magic"
for first in absent zero short8; do for f1 in modules.dep.bin modules.builtin.alias.bin; do
  D=$(tree t-order); M=$D/lib/modules/$REL
  case $first in absent) rm "$M/$f1" ;; zero) : >"$M/$f1" ;; short8) head -c 8 "$W/pristine/lib/modules/$REL/$f1" >"$M/$f1" ;; esac
  printf '\x00\x00\x00\x01' | dd of="$M/modules.builtin.bin" bs=1 conv=notrunc status=none
  [ "$f1" = modules.dep.bin ] && printf '\x00\x00\x00\x01' | dd of="$M/modules.symbols.bin" bs=1 conv=notrunc status=none
  MAXL=4 show "$f1 $first, later files bad: -R crypto-crc32c" modprobe -C "$W/conf-empty" -d "$D" -S "$REL" -R crypto-crc32c
done; done

echo "## 12. modules.builtin.bin of 0 bytes: builtin by name vs builtin by alias"
D=$(tree t-builtin-zero); : >"$D/lib/modules/$REL/modules.builtin.bin"
for cmd in "-n -v unix" "-n -v -r unix" "-n -v net-pf-1" "--show-depends net-pf-1" "-n -v -r net-pf-1"; do
  MAXL=4 show "modules.builtin.bin zero: $cmd" modprobe -C "$W/conf-empty" -d "$D" -S "$REL" $cmd
done

echo "## 13. How the version is checked and printed (modules.dep.bin bytes 4-7)"
for ver in '\x00\x1a\x00\x01' '\x00\x00\x00\x01' '\x00\x02\xff\xff' '\x00\x02\x00\x00'; do
  D=$(tree t-version)
  printf "$ver" | dd of="$D/lib/modules/$REL/modules.dep.bin" bs=1 seek=4 conv=notrunc status=none
  MAXL=4 show "modules.dep.bin version bytes $ver: --show-depends crc16" modprobe -C "$W/conf-empty" -d "$D" -S "$REL" --show-depends crc16
done

echo "## 14. Odd directory entries in modprobe.d (the non-merged root of section 9, with /dev/null)"
R=$W/nonmerged
mkdir -p "$R/dev" "$R/lib/modprobe.d" "$R/usr/lib/modprobe.d" "$R/etc/modprobe.d/dir.conf"
[ -e "$R/dev/null" ] || mknod -m 666 "$R/dev/null" c 1 3
echo "alias masked_lib crc16" >"$R/lib/modprobe.d/mask.conf"
echo "alias masked_usr_lib crc16" >"$R/usr/lib/modprobe.d/mask.conf"
ln -sf /dev/null "$R/etc/modprobe.d/mask.conf"
echo "alias dangle_target crc16" >"$R/lib/modprobe.d/dangling.conf"
ln -sf /nonexistent "$R/etc/modprobe.d/dangling.conf"
echo "alias txt_file crc16" >"$R/etc/modprobe.d/b.txt"
echo "alias hidden_file crc16" >"$R/etc/modprobe.d/.hidden.conf"
echo "alias in_subdir crc16" >"$R/etc/modprobe.d/dir.conf/x.conf"
: >"$R/etc/modprobe.d/empty.conf"
echo "alias via_symlink crc16" >"$R/usr/lib/real.conf"
ln -sf /usr/lib/real.conf "$R/etc/modprobe.d/link.conf"
printf 'alias no_newline crc16' >"$R/etc/modprobe.d/nonl.conf"
printf 'alias cont \\\n  crc16\n' >"$R/etc/modprobe.d/cont.conf"
for v in 30 34; do
  echo "-- kmod $v: modprobe -S $REL -c (chroot $R), configuration part without section 9's lines"
  chroot "$R" /k$v/ld.so --library-path /k$v/lib --argv0 /sbin/modprobe /k$v/kmod -S "$REL" -c 2>&1 |
    sed '/^# End of configuration/q' | grep -vE '^(options same|alias from_)'
done
