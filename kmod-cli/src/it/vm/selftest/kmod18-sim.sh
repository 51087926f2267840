#!/bin/sh
# jkmod VM harness self-test: a stand-in for a modprobe with the kmod-18 initstate logic, to show
# that the scenarios detect it. Before running the real modprobe it looks at the target the way
# kmod 18 did: /sys/module/NAME without an initstate file is taken for a builtin module, and
# "live" for loaded; either answers success at once. Only the last argument is looked at, and
# only the aliases the scenarios use are known (net-pf-16-proto-6 is xfrm_user).
#   kmod18-sim.sh [MODPROBE ARGS...]      (MODPROBE: env JKVM_SIM_MODPROBE, default /usr/sbin/modprobe)
for a in "$@"; do last=$a; done
case "${last:-}" in
  net-pf-16-proto-6) m=xfrm_user ;;
  *) m=$(echo "${last:-}" | tr - _) ;;
esac
case " $* " in
  *" -r "*|*" --remove "*) ;;
  *)
    if [ -d "/sys/module/$m" ]; then
      state=
      [ -r "/sys/module/$m/initstate" ] && read -r state < "/sys/module/$m/initstate"
      case "$state" in ''|live) exit 0 ;; esac
    fi ;;
esac
exec "${JKVM_SIM_MODPROBE:-/usr/sbin/modprobe}" "$@"
