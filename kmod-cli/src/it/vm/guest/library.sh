# jkmod VM harness, guest side: the library scenario (sourced by main.sh). Runs LibraryDemo (compiled
# on the host against the jar of the command under test) in this real kernel and checks what
# io.github.jkmod.core.Modprobe did against the real modprobe and /sys:
#  - insert ext4: the insmod lines equal those `modprobe -v ext4` carried out from the same state; the
#    module and its dependencies are live; insert again: nothing to do;
#  - remove ext4: the rmmod lines equal `modprobe -r -v ext4`'s from the same state, and ext4 and its
#    dependencies are gone;
#  - errors: a file that is not a module (the kernel's ENOEXEC), a name nothing answers;
#  - 3 threads of one JVM insert xfrm_user at once: every insert returned with xfrm_user live.
lib_fail=0
lib_check() { if [ "$2" = "$3" ]; then echo "JKVM-LIB ok $1"; else echo "JKVM-LIB FAIL $1: expected [$2] got [$3]"; lib_fail=$((lib_fail + 1)); fi; }
lib_run() { java -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "/jkmod-vm/classes:${CUT%% *}" LibraryDemo "$@" 2>&1; }
lib_state() { local m out=; for m in "$@"; do out="$out $(module_state "$m")"; done; echo "${out# }"; }
reset_modules "$baseline"
t0=$(now)
# What the real modprobe does from the same state: its insmod lines, less those the kernel refused
# (a softdep may fail without harm, as crc32c-intel does on a CPU without SSE4.2); Modprobe.insert
# returns the steps that were carried out.
expected=
while read -r word file rest; do
  [ "$word" = insmod ] || continue
  m=${file##*/}; m=${m%%.ko*}; m=${m//-/_}
  [ "$(module_state "$m")" = "$m initstate=live proc=Live" ] && expected="$expected | insmod $file${rest:+ $rest}"
done <<< "$(/usr/sbin/modprobe -v ext4 2>/dev/null)"
expected=${expected# | }
reset_modules "$baseline"
got=$(lib_run insert ext4); echo "$got"
lib_check "insert ext4 = what modprobe -v ext4 inserted" "JKVM-LIB insert ext4: $expected" "$(sed 's/ *| */ | /g; s/ *$//' <<< "$got")"
chain=$(module_chain ext4)
live=$(for m in $chain; do echo "$m initstate=live proc=Live"; done | tr '\n' ' ')
lib_check "ext4 and its dependencies live" "${live% }" "$(lib_state $chain)"
lib_check "insert ext4 again does nothing" "JKVM-LIB insert ext4: " "$(lib_run insert ext4)"
# What the real modprobe -r -v does from this state, then the same state again for Modprobe.remove.
expected=$(/usr/sbin/modprobe -r -v ext4 2>/dev/null | sed 's/ *$//' | tr '\n' '|' | sed 's/|$//; s/|/ | /g')
lib_run insert ext4 > /dev/null
got=$(lib_run remove ext4); echo "$got"
lib_check "remove ext4 = what modprobe -r -v ext4 removed" "JKVM-LIB remove ext4: $expected" "$got"
gone=$(for m in $chain; do echo "$m initstate=nodir proc=-"; done | tr '\n' ' ')
lib_check "remove ext4 leaves none of them" "${gone% }" "$(lib_state $chain)"
lib_check "not a module" "JKVM-LIB error jkmod_notamodule: ProbeFailedException: could not insert 'jkmod_notamodule': Exec format error" "$(lib_run error jkmod_notamodule)"
lib_check "unknown name" "JKVM-LIB error jkmod-no-such: ModuleNotFoundException: Module jkmod-no-such not found in directory /lib/modules/$KV" "$(lib_run error jkmod-no-such)"
rmmod xfrm_user 2>/dev/null; rmmod xfrm_algo 2>/dev/null
lib_check "3 threads insert xfrm_user" "JKVM-LIB threads xfrm_user: 3 of 3 live at return" "$(lib_run threads xfrm_user 3)"
reset_modules "$baseline"
t1=$(now)
read -r up _ < /proc/uptime
result=pass; [ "$lib_fail" -eq 0 ] || result=fail
echo "JKVM-SUMMARY scenario=library guest_uptime=$up result=$result failed_checks=$lib_fail seconds=$(elapsed "$t0" "$t1") cmd=$CUT"
