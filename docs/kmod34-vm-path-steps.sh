#!/usr/bin/env bash
# Runs the QEMU harness's functional scenario with a step list about module paths, kmod 30 as the
# reference and kmod 34.2 as the command under test, on the Debian 13 kernel:
#   docs/kmod34-vm-path-steps.sh [LOG]      (default /var/tmp/jkmod-vm34-paths.log; about 1 minute)
# A copy of kmod-cli/src/it/vm in /var/tmp/jkmod-vm34-harness gets this steps() in
# guest/functional.sh; the project's harness is not changed. Result: docs/kmod34-vm-paths.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
log=${1:-/var/tmp/jkmod-vm34-paths.log}
H=/var/tmp/jkmod-vm34-harness
rm -rf "$H"; cp -a "$here/kmod-cli/src/it/vm" "$H"
cat >"$H/steps.sh" <<'STEPS'
steps() {
  mkdir -p /tmp/x; rm -f /tmp/x/*
  cp "$moddir/kernel/fs/ext4/ext4.ko.xz" /tmp/x/ext4.ko.xz
  cp "$moddir/kernel/lib/crc16.ko.xz" /tmp/x/other-name.ko.xz
  xz -dc "$(find "$moddir/kernel" -name 'dummy.ko*' | head -n1)" > /tmp/x/dummy.ko
  run path-abs-in-tree -v "$moddir/kernel/lib/crc16.ko.xz";  check live crc16
  run path-abs-again -v "$moddir/kernel/lib/crc16.ko.xz"
  run path-first-time --first-time "$moddir/kernel/lib/crc16.ko.xz"
  run path-remove -r -v "$moddir/kernel/lib/crc16.ko.xz"
  run remove-crc16 -r crc16;                                   check gone crc16
  run path-with-deps -v /tmp/x/ext4.ko.xz;                     check live ext4
  run remove-ext4 -r -v ext4;                                  check gone ext4
  run path-relative -v ./x/ext4.ko.xz;                         check live ext4
  run remove-ext4-again -r ext4;                               check gone ext4
  run path-renamed -v ./x/other-name.ko.xz;                    check live crc16
  run path-renamed-again -v ./x/other-name.ko.xz
  run path-renamed-first-time --first-time ./x/other-name.ko.xz
  run remove-crc16-again -r crc16;                             check gone crc16
  run path-params -v /tmp/x/dummy.ko numdummies=2;             check live dummy
  run remove-dummy -r dummy;                                   check gone dummy
  run path-nonexistent /tmp/x/nosuch.ko
  run path-dry-run -n -v /tmp/x/ext4.ko.xz;                    check gone ext4
  run path-show-depends --show-depends ./x/ext4.ko.xz
}
STEPS
python3 - "$H/guest/functional.sh" "$H/steps.sh" <<'PY'
import sys
p, steps = sys.argv[1], open(sys.argv[2]).read()
s = open(p).read()
i = s.index('steps() {'); j = s.index('\n}\n', i) + 3
open(p, 'w').write(s[:i] + steps + s[j:])
PY
"$H/run-vm.sh" functional --tree /var/tmp/jkmod-realtree-trixie --cache /var/tmp/jkmod-vm-cache-kmod34 \
  --ref /usr/sbin/modprobe --cut /var/tmp/jkmod-trixie/jkmod-bin/modprobe >"$log" 2>&1 || true
grep -E '^JKVM-(STEP|SUMMARY)' "$log" | cut -c1-200
