#!/bin/sh
# Runs a command with a private /dev whose system logger is capture.py, for SyslogOracleTest.
# Must run as root inside a new mount namespace (unshare -m); the host's /dev is not touched.
# usage: private-dev.sh socket|console CAPTURE_PY OUTDIR command...
# Writes OUTDIR/stdout, OUTDIR/stderr, OUTDIR/status and OUTDIR/log (what capture.py saw).
set -eu
mode=$1 capture=$2 outdir=$3
shift 3
old=$(mktemp -d)
mount --make-rprivate /
mount --bind /dev "$old"
mount -t tmpfs -o mode=755 jkmod-dev /dev
for n in null zero full random urandom tty; do
  touch "/dev/$n"
  mount --bind "$old/$n" "/dev/$n"
done
ln -s /proc/self/fd /dev/fd
ln -s /proc/self/fd/0 /dev/stdin
ln -s /proc/self/fd/1 /dev/stdout
ln -s /proc/self/fd/2 /dev/stderr
mkdir /dev/shm
mount -t tmpfs jkmod-shm /dev/shm
python3 "$capture" "$mode" "$outdir/log" "$outdir/ready" &
while [ ! -e "$outdir/ready" ]; do sleep 0.02; done
set +e
"$@" >"$outdir/stdout" 2>"$outdir/stderr" </dev/null
echo $? >"$outdir/status"
if [ "$mode" = socket ]; then
  python3 -c 'import socket; socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b"\0STOP", "/dev/log")'
else
  printf '\000STOP' >/dev/console
fi
wait
