#!/bin/bash
# Start-up of jmodprobe as root when /var/cache cannot be written (early in a boot, when the kernel
# starts jmodprobe as its modprobe): in a private mount namespace, /var/cache is an empty read-only
# file system and /run a fresh tmpfs. Times 21 runs of --show-depends xfrm_user on the real tree for
# each executable given (after one run that may prepare its cache), median and minimum.
#   unshare needs root.  usage: boot-cache-bench.sh JMODPROBE [JMODPROBE...]
#   e.g. boot-cache-bench.sh kmod-cli/target/jmodprobe   (compare with JKMOD_CDS=off in the environment)
set -euo pipefail
[ $# -gt 0 ] || { sed -n '2,7p' "$0" >&2; exit 2; }
tree=${JKMOD_REALTREE:-/var/tmp/jkmod-realtree}
exes=()
for e in "$@"; do exes+=("$(readlink -f "$e")"); done
exec unshare -m bash -c '
  set -e
  mount --make-rprivate /
  mount -t tmpfs -o ro tmpfs /var/cache
  mount -t tmpfs tmpfs /run
  tree=$1; shift
  for exe in "$@"; do
    "$exe" -C /dev/null -d "$tree/root" -S "$(cat "$tree/release")" --show-depends xfrm_user >/dev/null
    python3 - "$exe" -C /dev/null -d "$tree/root" -S "$(cat "$tree/release")" --show-depends xfrm_user <<PY
import statistics, subprocess, sys, time
ts = []
for _ in range(21):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
    ts.append((time.perf_counter() - t) * 1000)
print("%s: median %.1f ms, min %.1f ms (CDS %s)" % (sys.argv[1], statistics.median(ts), min(ts),
      "off" if __import__("os").environ.get("JKMOD_CDS") == "off" else "auto"))
PY
  done
' boot-cache-bench "$tree" "${exes[@]}"
