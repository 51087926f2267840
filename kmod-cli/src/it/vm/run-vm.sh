#!/bin/bash
# Boots a real Debian kernel under QEMU (software emulation is enough) and runs one scenario of the
# jkmod VM harness in it. The guest's root is this machine's root, shared read-only over 9p, with
# the module tree of prepare-tree.sh laid over it (overlayfs), so that the guest has a real
# /lib/modules/$(uname -r); only /tmp (a fresh tmpfs) is writable, as early in a real boot.
# /proc/sys/kernel/modprobe names guest/helper.sh, which runs the command under test as the kernel
# started it (kernel environment, no terminal).
#
# usage: run-vm.sh SCENARIOS [options]
#   SCENARIOS   functional, seed, widewindow, library, devices, or a comma list of them run in one boot, in that order
#               (library runs guest/LibraryDemo.java, jkmod's Java API, from the jar of --cut: jmodprobe;
#               devices runs `jkmod devices` and `jkmod coldplug`, the jkmod beside --cut, against the real modprobe)
#   --devices LIST  emulated devices added to the machine, a comma list of e1000, virtio-net, virtio-blk,
#               ahci (with a disk), xhci-tablet, hda, or none (default: all of them with the devices
#               scenario, none without)
#   --cut CMD   command under test, a modprobe command line valid on this machine
#               (default /usr/sbin/modprobe); e.g. '/path/kmod-cli/target/jmodprobe --initstate-logic=kmod18'
#   --ref CMD   reference modprobe for the functional scenario (default /usr/sbin/modprobe)
#   --tools CMD insmod, rmmod and lsmod under test in the functional scenario, as CMD TOOL ARGS
#               (default: the jkmod executable beside the --cut program, with --cut's --profile=, else kmod30)
#   --rounds N  seed rounds per thread count (default 20)
#   --threads T threads per seed round, or a comma list of counts, e.g. 3,16 (default 3)
#   --ww-rounds N, --loaders L   widewindow rounds (default 3) and loaders per round (default 3)
#   --tree DIR  real tree: DIR/release and DIR/root/{boot,lib/modules} (default /var/tmp/jkmod-realtree)
#   --cache DIR cache for the tree copy and the built test module (default /var/tmp/jkmod-vm-cache)
#   --out DIR   keep the guest's result files there (default: a temporary directory, removed)
#   --helper-fds capture|inherit  capture the helper's stdout/stderr in the guest log (default), or
#               leave the command exactly the file descriptors the kernel gave the helper
#   --report-only  print the summary, exit 0 even if rounds failed (to measure the kmod-18 logic)
#   --mem MB, --smp N, --timeout S   QEMU settings (default 3072, 2, 600)
# Output: the guest's JKVM-* lines, with one "JKVM-SUMMARY scenario=S result=pass|fail ..." line per
# scenario (per thread count for seed). Exit status: 0 all passed, 1 a scenario failed, 2 usage, 3 a prerequisite is missing, 4 the VM did not
# finish. Environment: QEMU (default qemu-system-x86_64), JKVM_ACCEL (default tcg; kvm needs /dev/kvm).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage() { sed -n '/^# usage:/,/^# finish/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
scenario=; tools_cmd=; devices=default; cut_cmd=/usr/sbin/modprobe; ref_cmd=/usr/sbin/modprobe; rounds=20; threads=3; ww_rounds=3; loaders=3; tree=/var/tmp/jkmod-realtree
cache=/var/tmp/jkmod-vm-cache; out=; helper_fds=capture; report_only=0; mem=3072; smp=2; timeout=600
while [ $# -gt 0 ]; do
  case "$1" in
    --cut) cut_cmd=$2; shift 2;; --ref) ref_cmd=$2; shift 2;; --tools) tools_cmd=$2; shift 2;;
    --rounds) rounds=$2; shift 2;; --threads) threads=$2; shift 2;;
    --ww-rounds) ww_rounds=$2; shift 2;; --loaders) loaders=$2; shift 2;;
    --tree) tree=$2; shift 2;; --cache) cache=$2; shift 2;; --out) out=$2; shift 2;;
    --helper-fds) helper_fds=$2; shift 2;; --report-only) report_only=1; shift;; --devices) devices=$2; shift 2;;
    --mem) mem=$2; shift 2;; --smp) smp=$2; shift 2;; --timeout) timeout=$2; shift 2;;
    -h|--help) usage;; -*) echo "run-vm: unknown option $1" >&2; usage;;
    *) [ -z "${scenario:-}" ] || usage; scenario=$1; shift;;
  esac
done
[ -n "${scenario:-}" ] || usage
for s in ${scenario//,/ }; do case "$s" in functional|seed|widewindow|library|devices) ;; *) usage;; esac; done
if [ "$devices" = default ]; then
  if [[ ",$scenario," == *,devices,* ]]; then devices=e1000,virtio-net,virtio-blk,ahci,xhci-tablet,hda; else devices=none; fi
fi
for d in ${devices//,/ }; do case "$d" in e1000|virtio-net|virtio-blk|ahci|xhci-tablet|hda|none) ;; *) usage;; esac; done
case "$rounds$ww_rounds$loaders${threads//,/}" in *[!0-9]*) usage;; esac
case "$helper_fds" in capture|inherit) ;; *) usage;; esac
case "$tree$cache" in /tmp/*|*:*) echo "run-vm: trees must not live under /tmp (the guest mounts its own) nor hold ':'" >&2; exit 2;; esac
need() { command -v "$1" >/dev/null || { echo "run-vm: missing $1 ($2)" >&2; exit 3; }; }
QEMU=${QEMU:-qemu-system-x86_64}
need "$QEMU" "apt-get install qemu-system-x86"; need gcc "apt-get install gcc"; need cpio "apt-get install cpio"
need depmod "apt-get install kmod"; [ -x /bin/busybox ] || { echo "run-vm: missing /bin/busybox (apt-get install busybox-static)" >&2; exit 3; }
[ -s "$tree/release" ] || { echo "run-vm: no $tree/release (.ci/fetch-real-tree $tree)" >&2; exit 3; }
kv=$(cat "$tree/release")
kernel=$tree/root/boot/vmlinuz-$kv
[ -f "$kernel" ] || { echo "run-vm: no kernel image $kernel" >&2; exit 3; }

mkdir -p "$cache"
work=$(mktemp -d "$cache/run.XXXXXX")
trap 'rm -rf "$work"' EXIT
extra=()
if [[ ",$scenario," == *,widewindow,* ]]; then
  ko=$("$here/widewindow/build-manyparams.sh" "$kv" "$cache") || { echo "run-vm: cannot build the wide-window module" >&2; exit 3; }
  extra=("$ko")
fi
modroot=$("$here/prepare-tree.sh" "$tree/root" "$kv" "$cache" "${extra[@]}")

# Layer laid over this machine's root in the guest: the harness itself, at /jkmod-vm.
stage=$work/stage
mkdir -p "$stage/jkmod-vm/bin" "$stage/jkmod-vm/log" "$stage/jkmod-vm/out" "$work/out"
cp "$here"/guest/*.sh "$stage/jkmod-vm/"
gcc -O2 -static -pthread -Wall -o "$stage/jkmod-vm/bin/sockettest" "$here/c/sockettest.c"
gcc -O2 -static -Wall -o "$stage/jkmod-vm/bin/wideloader" "$here/c/wideloader.c"
if [[ ",$scenario," == *,library,* ]]; then
  # The library scenario runs LibraryDemo against the jar of the command under test (jmodprobe is
  # a launcher with the jar at its end, which java reads as a class path entry).
  JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
  need "$JAVAC" "a JDK"
  "$JAVAC" -d "$stage/jkmod-vm/classes" -cp "${cut_cmd%% *}" "$here/guest/LibraryDemo.java" \
    || { echo "run-vm: cannot compile LibraryDemo against ${cut_cmd%% *} (the library scenario needs jmodprobe as --cut)" >&2; exit 3; }
fi
printf '%s\n' "$cut_cmd" > "$stage/jkmod-vm/cut.cmd"
printf '%s\n' "$helper_fds" > "$stage/jkmod-vm/helper.fds"
{
  printf 'SCENARIO=%q\nCUT=%q\nREF=%q\nTOOLS=%q\nROUNDS=%q\nTHREADS=%q\nWW_ROUNDS=%q\nLOADERS=%q\nKV=%q\n' \
    "$scenario" "$cut_cmd" "$ref_cmd" "$tools_cmd" "$rounds" "$threads" "$ww_rounds" "$loaders" "$kv"
} > "$stage/jkmod-vm/run.conf"

# Initramfs: busybox, the modules needed to reach the shared root, and an init that builds the
# overlay root and switches to it.
ir=$work/initramfs
mkdir -p "$ir"/{bin,dev,proc,sys,host,stage,modtree,newroot,mods}
cp /bin/busybox "$ir/bin/"
i=0
modprobe -C /dev/null -d "$tree/root" -S "$kv" --show-depends -a virtio_pci 9pnet_virtio 9p overlay \
  | awk '$1 == "insmod" && !seen[$2]++ { print $2 }' | while read -r f; do
  i=$((i + 1))
  case "$f" in *.xz) xz -dc "$f";; *.zst) zstd -qdc "$f";; *.gz) gzip -dc "$f";; *) cat "$f";; esac \
    > "$ir/mods/$(printf %02d $i).ko"
done
cat > "$ir/init" <<INIT
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in /mods/*.ko; do insmod \$m || echo "JKVM-ERROR insmod \$m failed"; done
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose hostroot /host \
  || echo "JKVM-ERROR cannot mount the host root"
# Each layer is its own 9p export: overlayfs refuses layers that lie inside each other.
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose stage /stage
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose modtree /modtree
mount -t overlay -o ro,lowerdir=/stage:/modtree:/host jkmod-root /newroot \
  || { echo "JKVM-ERROR cannot mount the overlay root"; dmesg | tail -n 5 | sed 's/^/JKVM-ERROR /'; }
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 hostout /newroot/jkmod-vm/out
mount -t tmpfs -o mode=0755 log /newroot/jkmod-vm/log
ln -s /proc/self/fd /dev/fd; ln -s fd/0 /dev/stdin; ln -s fd/1 /dev/stdout; ln -s fd/2 /dev/stderr
mount --move /proc /newroot/proc; mount --move /sys /newroot/sys; mount --move /dev /newroot/dev
mount -t tmpfs -o mode=1777 tmp /newroot/tmp
exec switch_root /newroot /bin/bash /jkmod-vm/main.sh
INIT
chmod +x "$ir/init"
(cd "$ir" && find . | cpio -o -H newc 2>/dev/null | gzip -1 > "$work/initrd.gz")

# Emulated devices (--devices): disks are small raw images of the run's directory; NICs have no
# network behind them (no -netdev), which is enough for the kernel to see and drive them.
qdev=()
for d in ${devices//,/ }; do
  case "$d" in
    e1000) qdev+=(-device e1000) ;;
    virtio-net) qdev+=(-device virtio-net-pci) ;;
    virtio-blk) truncate -s 4M "$work/vblk.img"
      qdev+=(-drive "file=$work/vblk.img,if=none,id=vblk,format=raw" -device virtio-blk-pci,drive=vblk) ;;
    ahci) truncate -s 4M "$work/ahci.img"
      qdev+=(-device ich9-ahci,id=ahci -drive "file=$work/ahci.img,if=none,id=adisk,format=raw" -device ide-hd,drive=adisk,bus=ahci.0) ;;
    xhci-tablet) qdev+=(-device qemu-xhci,id=xhci -device usb-tablet,bus=xhci.0) ;;
    hda) qdev+=(-audiodev none,id=snd -device intel-hda,id=hda -device hda-duplex,bus=hda.0,audiodev=snd) ;;
  esac
done
accel=${JKVM_ACCEL:-tcg}
start=$(date +%s.%N); echo "JKVM-HOST prepared_seconds=$SECONDS"
set +e
# no_timer_check: on a loaded host the emulated 8254 can miss the kernel's IO-APIC timer check, which then
# panics ("IO-APIC + timer doesn't work!") before anything runs
timeout "$timeout" "$QEMU" -accel "$accel" -m "$mem" -smp "$smp" -nographic -no-reboot \
  -kernel "$kernel" -initrd "$work/initrd.gz" -append "console=ttyS0 quiet panic=-1 no_timer_check" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
  -virtfs local,path="$stage",mount_tag=stage,security_model=none,readonly=on,multidevs=remap \
  -virtfs local,path="$modroot",mount_tag=modtree,security_model=none,readonly=on,multidevs=remap \
  -virtfs local,path="$work/out",mount_tag=hostout,security_model=none,multidevs=remap \
  "${qdev[@]}" < /dev/null 2>&1 | tr -d '\r' > "$work/console.log"
qrc=${PIPESTATUS[0]}
set -e
end=$(date +%s.%N)
grep -ao 'JKVM-[A-Z-]* .*' "$work/console.log" || true
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
echo "JKVM-HOST wall_seconds=$wall qemu_rc=$qrc accel=$accel"
if [ -n "$out" ]; then mkdir -p "$out"; cp -r "$work/out/." "$out/"; cp "$work/console.log" "$out/"; fi
summaries=$(grep -ao 'JKVM-SUMMARY .*' "$work/console.log" || true)
expected=$(( $(tr , '\n' <<< "$scenario" | grep -vc seed || true) + $(tr , '\n' <<< "$threads" | wc -l) * $(tr , '\n' <<< "$scenario" | grep -c seed || true) ))
if [ "$(grep -c . <<< "$summaries")" -lt "$expected" ]; then
  echo "run-vm: the VM ended before every scenario printed its summary (qemu exit $qrc); console tail:" >&2
  tail -n 40 "$work/console.log" >&2
  exit 4
fi
grep -qv ' result=pass' <<< "$summaries" || exit 0
[ "$report_only" = 1 ] && exit 0
exit 1
