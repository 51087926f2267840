#!/bin/bash
# jkmod VM harness, guest side: PID 1 after switch_root. The root is read-only (this machine's root
# with the test module tree laid over it); /tmp is a fresh tmpfs; /jkmod-vm holds the harness,
# /jkmod-vm/log (tmpfs) the helper's logs, /jkmod-vm/out (shared with the host) the result files.
# Runs the scenario named in run.conf, prints JKVM-* lines on the console and powers off.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/ LC_ALL=C
cd /
. /jkmod-vm/run.conf
. /jkmod-vm/lib.sh
read -r up _ < /proc/uptime
compression=none; [ -r /sys/module/compression ] && read -r compression < /sys/module/compression
echo "JKVM-BOOTED uptime=$up kernel=$(uname -r) root=$(awk '$2 == "/" { print $3 }' /proc/mounts | tail -n1) in_kernel_decompression=$compression"
if touch /jkmod-vm-rw-probe 2>/dev/null; then echo "JKVM-ERROR the root is writable"; fi
echo /jkmod-vm/helper.sh > /proc/sys/kernel/modprobe
baseline=$(modules_loaded)
for s in ${SCENARIO//,/ }; do
  case "$s" in
    functional|seed|widewindow|library|devices) . "/jkmod-vm/$s.sh" ;;
    *) echo "JKVM-SUMMARY scenario=$s result=fail reason=unknown-scenario" ;;
  esac
done
echo "JKVM-END uptime=$(read -r u _ < /proc/uptime; echo $u)"
cp /jkmod-vm/log/* /jkmod-vm/out/ 2>/dev/null
dmesg > /jkmod-vm/out/dmesg.txt 2>/dev/null
sync
echo o > /proc/sysrq-trigger
sleep 10
