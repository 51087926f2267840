# jkmod VM harness, guest side: the wide-window experiment (sourced by main.sh).
# jkmod_manyparams (40,000 sysfs parameters, an init that sleeps 200 ms) keeps /sys/module/X
# without initstate for seconds, then COMING for 200 ms. Each of WW_ROUNDS rounds starts LOADERS
# loaders (the command under test, as root, like a shell would): the first at once, the others the
# moment /sys/module/jkmod_manyparams appears. A loader that exits 0 while initstate is not "live"
# returned early. The reference kmod (kmod-20 logic) returns early 0 times.
m=jkmod_manyparams
early=0; failed=0; ok=0; seen=0
for r in $(seq 1 "$WW_ROUNDS"); do
  rmmod $m 2>/dev/null
  [ -d /sys/module/$m ] && { echo "JKVM-ROUND $r could not unload $m"; failed=$((failed + 1)); continue; }
  t0=$(now)
  out=$(cd /tmp && /jkmod-vm/bin/wideloader "$LOADERS" $m /bin/sh -c "$CUT \"\$@\"" loader $m 2>&1)
  t1=$(now)
  sed "s/^/JKVM-ROUND $r /" <<< "$out"
  last=$(tail -n1 <<< "$out")
  for k in ok failed early window_seen; do
    v=$(sed -n "s/.* $k=\([0-9]*\).*/\1/p" <<< "$last")
    case $k in ok) ok=$((ok + ${v:-0}));; failed) failed=$((failed + ${v:-$LOADERS}));; early) early=$((early + ${v:-0}));;
      window_seen) seen=$((seen + ${v:-0}));; esac
  done
  echo "JKVM-ROUND $r seconds=$(elapsed "$t0" "$t1") final=$(module_state $m)"
done
rmmod $m 2>/dev/null
result=pass; [ "$early" -eq 0 ] && [ "$failed" -eq 0 ] || result=fail
read -r up _ < /proc/uptime
echo "JKVM-SUMMARY scenario=widewindow guest_uptime=$up result=$result rounds=$WW_ROUNDS loaders_per_round=$LOADERS loaders_ok=$ok loaders_early=$early loaders_failed=$failed window_seen_rounds=$seen cmd=$CUT"
