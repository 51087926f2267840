#!/bin/bash
# The jkmod VM integration test, all scenarios in one boot of a real Debian kernel under QEMU:
# functional (the command under test against the real modprobe), the seed's scenario (20 rounds of
# 3 and of 16 threads), the library scenario when the command under test is jmodprobe and, when the
# wide-window test module can be built here, the wide-window experiment. Exit 0 only when every
# scenario passed.
#   run-all.sh [CUT_COMMAND] [run-vm.sh options...]
# CUT_COMMAND: the modprobe command line under test (default /usr/sbin/modprobe, which proves the
# harness), e.g. "$PWD/kmod-cli/target/jmodprobe" or "$PWD/kmod-cli/target/jmodprobe --initstate-logic=kmod20".
# Set JKVM_WIDEWINDOW=0 to leave the wide-window experiment out, =1 to require it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cut_cmd=/usr/sbin/modprobe
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then cut_cmd=$1; shift; fi
tree=/var/tmp/jkmod-realtree
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[i]}" = --tree ] && tree=${args[i + 1]}; done
scenarios=functional,seed
# The library scenario runs jkmod's Java API from the jar of the command under test (jmodprobe).
if grep -qs 'io/github/jkmod/core/Modprobe.class' "${cut_cmd%% *}"; then scenarios=$scenarios,library; fi
kv=$(cat "$tree/release" 2>/dev/null || true)
case "${JKVM_WIDEWINDOW:-auto}" in
  0) echo "run-all: wide-window experiment left out (JKVM_WIDEWINDOW=0)" ;;
  1) scenarios=$scenarios,widewindow ;;
  *) if [ -n "$kv" ] && [ -d "/usr/src/linux-headers-$kv" ]; then scenarios=$scenarios,widewindow
     else echo "run-all: wide-window experiment left out: no /usr/src/linux-headers-$kv (apt-get install linux-headers-$kv)"; fi ;;
esac
# 20 rounds of 16 kernel-started JVMs take about 12 minutes under software emulation.
exec "$here/run-vm.sh" "$scenarios" --cut "$cut_cmd" --rounds 20 --threads 3,16 --timeout 2400 "${args[@]}"
