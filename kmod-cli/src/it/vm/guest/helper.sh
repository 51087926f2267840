#!/bin/sh
# jkmod VM harness: /proc/sys/kernel/modprobe. The kernel starts this for request_module() as
# "helper.sh -q -- NAME", as root, with its own minimal environment (HOME=/, TERM=linux, a short
# PATH), no terminal, on the read-only root. It runs the command under test (cut.cmd) with the same
# arguments and environment; it logs start, end, exit status and the module's initstate to
# /jkmod-vm/log/helper.log. With helper.fds "capture" the command's stdout and stderr go to
# /jkmod-vm/log/helper.out; with "inherit" it keeps exactly the descriptors the kernel gave.
log=/jkmod-vm/log
read -r t0 _ < /proc/uptime
if [ ! -e $log/helper-context.txt ]; then
  fdstate=; for n in 0 1 2; do
    if [ -e /proc/$$/fd/$n ]; then fdstate="$fdstate fd$n=$(readlink /proc/$$/fd/$n)"; else fdstate="$fdstate fd$n=closed"; fi
  done
  { echo "argv: $*"; echo "fds as the kernel gave them:$fdstate"; echo "environment of the command:"; env -u PWD; } > $log/helper-context.txt 2>&1
fi
echo "$t0 start $$ $*" >> $log/helper.log
read -r cmd < /jkmod-vm/cut.cmd
read -r fds < /jkmod-vm/helper.fds
if [ "$fds" = inherit ]; then
  eval "env -u PWD $cmd \"\$@\""
else
  eval "env -u PWD $cmd \"\$@\"" >> $log/helper.out 2>&1
fi
rc=$?
read -r t1 _ < /proc/uptime
last=; for a in "$@"; do last=$a; done
state=none
case "$last" in net-pf-16-proto-6) m=xfrm_user;; *) m=$last;; esac
[ -r /sys/module/$m/initstate ] && read -r state < /sys/module/$m/initstate
echo "$t1 end $$ rc=$rc module=$m initstate=$state" >> $log/helper.log
exit $rc
