# jkmod VM harness, guest side: the seed's scenario (sourced by main.sh).
# For each thread count T of THREADS (a comma list, e.g. "3,16"), ROUNDS rounds: unload xfrm_user
# and xfrm_algo, then T threads call socket(AF_NETLINK, SOCK_RAW, NETLINK_XFRM) at once, so that
# the kernel starts T helpers
# (kernel.modprobe -> helper.sh -> the command under test) in parallel for net-pf-16-proto-6.
# A round is clean when every socket() succeeded. One summary line per thread count.

# Counts the helper log's start lines, end lines and end lines with a non-zero exit status.
helper_counts() {
  local t kind pid rc rest
  starts=0; ends=0; nonzero=0
  [ -f /jkmod-vm/log/helper.log ] || return 0
  while read -r t kind pid rc rest; do
    case "$kind" in
      start) starts=$((starts + 1)) ;;
      end) ends=$((ends + 1)); [ "$rc" = rc=0 ] || nonzero=$((nonzero + 1)) ;;
    esac
  done < /jkmod-vm/log/helper.log
}
# busybox's static rmmod starts faster than kmod's under emulation.
rmmod=rmmod; [ -x /bin/busybox ] && rmmod="/bin/busybox rmmod"
for T in ${THREADS//,/ }; do
  clean=0; failed=0; skipped=0; total=0
  for r in $(seq 1 "$ROUNDS"); do
    $rmmod xfrm_user 2>/dev/null; $rmmod xfrm_algo 2>/dev/null
    if [ -d /sys/module/xfrm_user ] || [ -d /sys/module/xfrm_algo ]; then
      echo "JKVM-ROUND t$T.$r skipped: xfrm_user/xfrm_algo could not be unloaded"; skipped=$((skipped + 1)); continue
    fi
    helper_counts; ends0=$ends; nonzero0=$nonzero
    t0=$(now)
    out=$(/jkmod-vm/bin/sockettest "$T")
    t1=$(now)
    # Helpers the kernel no longer waits for may still run: let them finish before counting.
    for w in $(seq 1 100); do helper_counts; [ "$starts" = "$ends" ] && break; sleep 0.1; done
    calls=$((ends - ends0)); bad=$((nonzero - nonzero0))
    secs=$(elapsed "$t0" "$t1")
    total=$((total + t1 - t0))
    case "$out" in *" fail=0 "*) clean=$((clean + 1)); v=clean;; *) failed=$((failed + 1)); v=FAILED;; esac
    echo "JKVM-ROUND t$T.$r $v seconds=$secs helper_calls=$calls helper_nonzero=$bad $out"
  done
  result=pass; [ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ] && [ "$clean" -eq "$ROUNDS" ] || result=fail
  read -r up _ < /proc/uptime
  echo "JKVM-SUMMARY scenario=seed guest_uptime=$up result=$result rounds=$ROUNDS threads=$T clean_rounds=$clean failed_rounds=$failed skipped_rounds=$skipped round_seconds_total=$(elapsed 0 "$total") cmd=$CUT"
done
echo "--- helper log (tail)" > /jkmod-vm/out/seed-tail.txt
tail -n 40 /jkmod-vm/log/helper.log >> /jkmod-vm/out/seed-tail.txt
tail -n 20 /jkmod-vm/log/helper.out >> /jkmod-vm/out/seed-tail.txt 2>/dev/null
sed 's/^/JKVM-HELPER-CONTEXT /' /jkmod-vm/log/helper-context.txt 2>/dev/null | head -n 30
