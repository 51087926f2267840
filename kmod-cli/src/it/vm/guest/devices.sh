# jkmod VM harness, guest side: the devices scenario (sourced by main.sh). The machine has the
# emulated devices of run-vm.sh --devices (by default a NIC of each kind, disks on virtio and AHCI, a
# USB tablet, a sound card), and nothing loads modules for them: no udev runs here.
#  1. `jkmod devices`: for every device with a modalias, the modules it names are those the guest's
#     real `modprobe -R MODALIAS` prints (kmod 30, the same tree and configuration);
#  2. the real `modprobe -q -a` of every modalias, sequentially, timed; the set of modules it left
#     loaded (/proc/modules, less those of the boot) recorded;
#  3. every module unloaded again, newest first (modprobe -r), back to the boot's set;
#  4. `jkmod coldplug`, timed: the same set of modules loaded, each of them live;
#  5. from the boot's set again: `coldplug --dry-run` (the JVM, the scan and the plan, no load) and
#     `coldplug -j 1` (one thread: the same set), timed;
#  6. `coldplug --settle`: at least modprobe -a's set, each live, and what the devices that appeared
#     after the first pass needed.
# jkmod is the executable beside the --cut program, with --cut's --profile= (else kmod30).
dev_fail=0
dev_check() { if [ "$2" = "$3" ]; then echo "JKVM-DEV ok $1"; else echo "JKVM-DEV FAIL $1: expected [$2] got [$3]"; dev_fail=$((dev_fail + 1)); fi; }
cutprog=${CUT%% *}
jk=${cutprog%/*}/jkmod
jkprofile=--profile=kmod30
for w in $CUT; do case "$w" in --profile=*) jkprofile=$w;; esac; done
[ -x "$jk" ] || { echo "JKVM-ERROR no $jk beside the cut"; dev_fail=$((dev_fail + 1)); }
loaded_since_boot() { local n; for n in $(modules_loaded); do in_list "$n" "$baseline" || echo "$n"; done | sort; }
reset_modules "$baseline"
echo "JKVM-DEV pci $(for d in /sys/bus/pci/devices/*; do read -r v < "$d/vendor"; read -r p < "$d/device"; echo -n "$v:$p "; done)"

# 1. jkmod devices against modprobe -R, device by device
t0=$(now)
$jk devices $jkprofile > /tmp/jkvm-devices.txt 2> /tmp/jkvm-devices.err; rc=$?
t1=$(now)
dev_check "jkmod devices exit status" 0 "$rc"
[ -s /tmp/jkvm-devices.err ] && sed 's/^/JKVM-DEV stderr /' /tmp/jkvm-devices.err
cp /tmp/jkvm-devices.txt /jkmod-vm/out/devices.txt 2>/dev/null
devices=0 same=0 different=0 modaliases=
declare -A seen=()
while read -r path rest; do
  alias=${rest#* modalias=}; alias=${alias% modules=*}
  mods=${rest##* modules=}; [ "$mods" = - ] && mods=
  mods=$(sed 's/([a-z-]*)//g' <<< "$mods")
  expected=$(modprobe -R "$alias" 2>/dev/null | tr '\n' ','); expected=${expected%,}
  devices=$((devices + 1))
  if [ "$expected" = "$mods" ]; then same=$((same + 1)); else
    different=$((different + 1)); echo "JKVM-DEV FAIL $path $alias: modprobe -R [$expected] jkmod [$mods]"
  fi
  [ -n "${seen[$alias]:-}" ] || { seen[$alias]=1; modaliases="$modaliases $alias"; }
done < /tmp/jkvm-devices.txt
echo "JKVM-DEV devices=$devices same=$same different=$different distinct_modaliases=${#seen[@]} seconds=$(elapsed "$t0" "$t1")"
[ "$devices" -gt 0 ] || { echo "JKVM-DEV FAIL no device with a modalias"; dev_fail=$((dev_fail + 1)); }
[ "$different" -eq 0 ] || dev_fail=$((dev_fail + different))
needed=$($jk devices $jkprofile --needed 2>/dev/null | tr '\n' ' ')
echo "JKVM-DEV needed $needed"

# 2. the real modprobe -a of every modalias, one process, sequentially
t0=$(now)
modprobe -q -a $modaliases; rc_a=$?
t1=$(now)
modprobe_seconds=$(elapsed "$t0" "$t1")
set_a=$(loaded_since_boot | tr '\n' ' ')
echo "JKVM-DEV modprobe-a rc=$rc_a seconds=$modprobe_seconds modules=$(wc -w <<< "$set_a") set: $set_a"

# 3. unload them, newest first
for pass in 1 2 3; do
  for n in $(modules_loaded); do in_list "$n" "$baseline" || modprobe -r "$n" 2>/dev/null; done
done
left=$(loaded_since_boot | tr '\n' ' ')
dev_check "everything unloaded before coldplug" "" "$left"
reset_modules "$baseline" > /dev/null

# 4. jkmod coldplug
t0=$(now)
$jk coldplug $jkprofile > /tmp/jkvm-coldplug.txt 2> /tmp/jkvm-coldplug.err; rc_c=$?
t1=$(now)
coldplug_seconds=$(elapsed "$t0" "$t1")
cp /tmp/jkvm-coldplug.txt /jkmod-vm/out/coldplug.txt 2>/dev/null
set_c=$(loaded_since_boot | tr '\n' ' ')
echo "JKVM-DEV coldplug rc=$rc_c seconds=$coldplug_seconds modules=$(wc -w <<< "$set_c") set: $set_c"
grep -v '^loaded \|^in-kernel ' /tmp/jkvm-coldplug.txt | sed 's/^/JKVM-DEV coldplug-said /'
sed 's/^/JKVM-DEV coldplug-stderr /' /tmp/jkvm-coldplug.err
dev_check "coldplug loads the set modprobe -a loaded" "$set_a" "$set_c"
notlive=
for n in $set_c; do [ "$(module_state "$n")" = "$n initstate=live proc=Live" ] || notlive="$notlive $(module_state "$n")"; done
dev_check "every module coldplug loaded is live" "" "${notlive# }"
$jk coldplug $jkprofile --dry-run > /tmp/jkvm-waves.txt 2>&1
sed 's/^/JKVM-DEV waves-after /' /tmp/jkvm-waves.txt | head -n 20
# 5. the same from the boot's set with one thread (-j 1), and the JVM's and planning's share: a dry
#    run from the boot's set (start, scan, plan, no load)
unload_all() { local pass n; for pass in 1 2 3; do for n in $(modules_loaded); do in_list "$n" "$baseline" || modprobe -r "$n" 2>/dev/null; done; done; reset_modules "$baseline" > /dev/null; }
unload_all
t0=$(now); $jk coldplug $jkprofile --dry-run > /dev/null 2>&1; t1=$(now)
dry_seconds=$(elapsed "$t0" "$t1")
t0=$(now); $jk coldplug $jkprofile -j 1 > /dev/null 2>&1; t1=$(now)
j1_seconds=$(elapsed "$t0" "$t1")
set_j1=$(loaded_since_boot | tr '\n' ' ')
dev_check "coldplug -j 1 loads the same set" "$set_a" "$set_j1"
echo "JKVM-DEV timing modprobe_a=$modprobe_seconds coldplug=$coldplug_seconds coldplug_j1=$j1_seconds coldplug_dry_run=$dry_seconds cpus=$(nproc)"
unload_all
# 6. --settle: after loading, look at the devices again (the disk behind AHCI, the USB tablet's
#    interface and HID device appear once their controllers' drivers are loaded)
t0=$(now); $jk coldplug $jkprofile --settle > /tmp/jkvm-settle.txt 2>&1; t1=$(now)
settle_seconds=$(elapsed "$t0" "$t1")
set_s=$(loaded_since_boot | tr '\n' ' ')
missing= extra=
for n in $set_a; do in_list "$n" "$(tr ' ' '\n' <<< "$set_s")" || missing="$missing $n"; done
for n in $set_s; do in_list "$n" "$(tr ' ' '\n' <<< "$set_a")" || extra="$extra $n"; done
dev_check "coldplug --settle loads at least what modprobe -a loaded" "" "${missing# }"
notlive=
for n in $set_s; do [ "$(module_state "$n")" = "$n initstate=live proc=Live" ] || notlive="$notlive $(module_state "$n")"; done
dev_check "every module coldplug --settle loaded is live" "" "${notlive# }"
grep ', round [2-9]' /tmp/jkvm-settle.txt | sed 's/^/JKVM-DEV settle-round /'
echo "JKVM-DEV settle seconds=$settle_seconds modules=$(wc -w <<< "$set_s") beyond_modprobe_a:${extra:- none}"
unload_all
read -r up _ < /proc/uptime
result=pass; [ "$dev_fail" -eq 0 ] || result=fail
echo "JKVM-SUMMARY scenario=devices guest_uptime=$up result=$result failed_checks=$dev_fail devices=$devices same=$same modprobe_a_seconds=$modprobe_seconds coldplug_seconds=$coldplug_seconds coldplug_j1_seconds=$j1_seconds dry_run_seconds=$dry_seconds settle_seconds=$settle_seconds modules=$(wc -w <<< "$set_c") cmd=$jk"
