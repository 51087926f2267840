# jkmod VM harness, guest side: the functional scenario (sourced by main.sh).
# Runs the step list below twice in one boot: first with the reference modprobe (REF), whose
# results are the expected output, then, from the same module state, with the command under test
# (CUT). Each step records the exit status, stdout, stderr and /proc/modules (without addresses);
# each check records /sys/module/*/initstate and the /proc/modules state of a module and of the
# modules it depends on. A step passes when both runs recorded the same bytes (the CUT's program
# name in messages is read as "modprobe"); the reference run must also meet the checks' expectations.
# Then the same for insmod, rmmod and lsmod (tool_steps): the real ones (/usr/sbin) in the first
# run, jkmod's in the second (the jkmod executable beside the CUT's program, with the profile of the
# CUT's --profile=, else kmod30, the guest's reference; --tools on run-vm.sh overrides it); their
# checks also record the module's parameters (/sys/module/NAME/parameters/*).
moddir=/lib/modules/$KV

steps() {
  run load-ext4 ext4;                        check live ext4
  run load-ext4-again ext4
  run first-time-ext4 --first-time ext4
  run remove-jbd2-in-use -r jbd2
  run remove-ext4 -r ext4;                   check gone ext4
  run load-btrfs btrfs;                      check live btrfs
  run remove-btrfs -r btrfs;                 check gone btrfs
  run load-nf-tables nf_tables;              check live nf_tables
  run remove-nf-tables -r nf_tables;         check gone nf_tables
  run load-all -a crc16 dummy;               check live crc16; check live dummy
  run remove-all -r -a crc16 dummy;          check gone crc16; check gone dummy
  run verbose-load -v xfrm_user;             check live xfrm_user
  run verbose-remove -r -v xfrm_user;        check gone xfrm_user
  run verbose-load-ext4 -v ext4;             check live ext4
  run verbose-remove-ext4 -r -v ext4;        check gone ext4
  run load-chain nft_chain_nat;              check live nft_chain_nat
  run verbose-remove-chain -r -v nft_chain_nat; check gone nft_chain_nat
  run verbose-load-chain -v nft_chain_nat;   check live nft_chain_nat
  run remove-holders -r -v --remove-holders nf_conntrack; check live nf_conntrack  # nf_nat is held by nft_chain_nat
  run verbose-load-btrfs -v btrfs;           check live btrfs
  run verbose-remove-btrfs -r -v btrfs;      check gone btrfs
  run load-ext4-for-wait ext4
  run remove-wait-in-use -r -w 300 jbd2
  run remove-ext4-after-wait -r -v ext4;     check gone ext4
  run verbose-remove-all -r -v -a nf_tables nfnetlink libcrc32c
  run load-ext4-ignore -v -i ext4;           check live ext4
  run dry-run-remove -r -n -v ext4;          check live ext4
  run remove-ext4-ignore -r -v -i ext4;      check gone ext4
  run load-two -a -v xfrm_user ext4
  run load-params -v dummy numdummies=2;     check live dummy
  run remove-force -r -f -v dummy
  run remove-two -r -a -v xfrm_user ext4
  run as-the-kernel-does -q -- net-pf-16-proto-6; check live xfrm_user
  run remove-by-alias -r net-pf-16-proto-6;  check gone xfrm_user
  run not-a-module jkmod_notamodule;         check gone jkmod_notamodule
  run elf-not-a-module jkmod_elfnotmodule;   check gone jkmod_elfnotmodule
  run path-not-a-module "$moddir/extra/jkmod_notamodule.ko"
  run unknown-param crc16 nosuchparam=1;     check live crc16
  run remove-crc16 -r crc16
  run bad-param-value dummy numdummies=notanumber; check gone dummy
  run no-such-module jkmod_nosuchmodule
  run no-such-module-quiet -q jkmod_nosuchmodule
  run remove-not-loaded -r crc16
  run load-builtin "$builtin"
  run remove-builtin -r "$builtin"
  run dry-run -n -v btrfs;                   check gone btrfs
  reset_modules "$baseline"
  tool_steps
}

# insmod, rmmod and lsmod, each step with the real tool (ref pass) or jkmod's (cut pass).
tool_steps() {
  local k=$moddir/kernel
  trun insmod-params insmod "$k/drivers/block/brd.ko" rd_nr=2 rd_size=1024; pcheck live brd
  trun insmod-loaded insmod "$k/drivers/block/brd.ko" rd_nr=3; pcheck live brd
  trun insmod-missing-dependency insmod "$k/net/xfrm/xfrm_user.ko"; check gone xfrm_user
  trun insmod-dependency insmod "$k/net/xfrm/xfrm_algo.ko"; check live xfrm_algo
  trun insmod-user insmod "$k/net/xfrm/xfrm_user.ko";        check live xfrm_user
  trun lsmod-after-loads lsmod
  trun rmmod-in-use rmmod xfrm_algo;                         check live xfrm_algo
  trun rmmod-force-in-use rmmod -f xfrm_algo
  trun rmmod-loaded rmmod xfrm_user;                         check gone xfrm_user
  trun rmmod-not-loaded rmmod xfrm_user
  trun rmmod-force-unused rmmod -f -v xfrm_algo;             check gone xfrm_algo
  trun rmmod-builtin rmmod "$builtin"
  trun rmmod-several rmmod brd jkmod_nosuchmodule crc16;     check gone brd
  trun insmod-bad-param-value insmod "$k/drivers/net/dummy.ko" numdummies=notanumber; check gone dummy
  trun insmod-unknown-param insmod "$k/lib/crc16.ko" nosuchparam=1; pcheck live crc16
  trun rmmod-by-path rmmod "$k/lib/crc16.ko";                check gone crc16
  trun insmod-not-a-module insmod "$moddir/extra/jkmod_notamodule.ko"
  trun insmod-elf-not-a-module insmod "$moddir/extra/jkmod_elfnotmodule.ko"
  trun insmod-force-not-a-module insmod -f "$moddir/extra/jkmod_elfnotmodule.ko"
  trun insmod-missing-file insmod /tmp/jkmod_nosuchfile.ko
  trun insmod-xz insmod /tmp/jkvm-crc16.ko.xz;               pcheck live crc16
  trun insmod-stdin insmod -
  trun insmod-usage insmod
  trun rmmod-usage rmmod
  trun lsmod-final lsmod
  trun rmmod-last rmmod crc16;                               check gone crc16
}

# What the reference run must show for each check: the module and all it depends on live (the
# parameter lines of pcheck aside); the module itself gone.
expect_live() { local l; while read -r l; do [[ "$l" == *" initstate=live proc=Live" || "$l" == "param "* ]] || return 1; done < "$1"; }
expect_gone() { local l; read -r l < "$1"; [[ "$l" == *" initstate=nodir proc=-" ]]; }

run() {
  local name=$1; shift
  local label=${label:-modprobe}
  local t0 t1 rc line
  dmesg -C 2>/dev/null
  t0=$(now)
  (cd /tmp && eval "$cmd \"\$@\"") > "$dir/$name.out" 2> "$dir/$name.err" < /dev/null
  rc=$?
  t1=$(now)
  {
    echo "\$ $label $*"
    echo "rc=$rc"
    echo "--- stdout"; while IFS= read -r line; do echo "${line/#$prog: /$label: }"; done < "$dir/$name.out"
    echo "--- stderr"; while IFS= read -r line; do echo "${line/#$prog: /$label: }"; done < "$dir/$name.err"
    echo "--- /proc/modules"; modules_snapshot
  } > "$dir/$name.txt"
  dmesg --notime > "$dir/$name.dmesg" 2>/dev/null
  echo "$name $(elapsed "$t0" "$t1")" >> "$dir/times"
  order="$order $name"
}

check() {
  local kind=$1 name=$2 m f
  f=$dir/check-$kind-$name-$((++checks)).txt
  { module_state "$name"; for m in ${chains[$name]}; do [ "$m" = "$name" ] || module_state "$m"; done; } > "$f"
  order="$order check-$kind-$name-$checks"
}

# A check that also records the module's parameters, NAME=VALUE a line.
pcheck() {
  check "$@"
  local p v f=$dir/check-$1-$2-$checks.txt
  for p in /sys/module/$2/parameters/*; do
    [ -r "$p" ] || continue
    read -r v < "$p" 2>/dev/null || v='(unreadable)'
    echo "param ${p##*/}=$v" >> "$f"
  done
}

# Step NAME: tool TOOL (insmod, rmmod, lsmod) with ARGS, the real one in the ref pass, jkmod's in the cut pass.
trun() {
  local name=$1 tool=$2; shift 2
  local cmd prog=$tool label=$tool
  if [ $pass = ref ]; then cmd=/usr/sbin/$tool; else cmd="$tools $tool"; fi
  run "$name" "$@"
}

declare -A chains
for m in ext4 btrfs nf_tables crc16 dummy xfrm_user jkmod_notamodule jkmod_elfnotmodule; do
  chains[$m]=$(module_chain "$m")
done
# Harness self-check: these have dependencies in every Debian kernel so far.
chain_bad=0
for m in btrfs nf_tables xfrm_user; do
  echo "JKVM-CHAIN $m: $(echo ${chains[$m]})"
  [ "$(wc -w <<< "${chains[$m]}")" -ge 2 ] || { echo "JKVM-ERROR no dependencies found for $m in modules.dep"; chain_bad=1; }
done
# A builtin module for the builtin steps: the first of a few well-known ones that the tree has.
builtin=
for m in unix af_packet sha256_generic; do
  grep -q "/$m\.ko\$" "/lib/modules/$KV/modules.builtin" && { builtin=$m; break; }
done
[ -n "$builtin" ] || { echo "JKVM-ERROR none of unix, af_packet, sha256_generic is builtin"; builtin=unix; chain_bad=1; }
# The tools under test: --tools, else the jkmod executable beside the CUT's program (the same file as
# jmodprobe) with the CUT's profile (kmod30 by default: the reference tools are kmod 30), else the
# tools beside the CUT's program (the real ones when the CUT is /usr/sbin/modprobe).
tools=${TOOLS:-}; tools_bad=0
if [ -z "$tools" ]; then
  cutprog=${CUT%% *}; cutdir=${cutprog%/*}
  profile=kmod30; case " $CUT " in *" --profile="*) profile=${CUT##*--profile=}; profile=${profile%% *};; esac
  if [ -x "$cutdir/jkmod" ]; then tools="env JKMOD_PROFILE=$profile $cutdir/jkmod"
  else tools="env PATH=$cutdir:/usr/sbin:/usr/bin:/sbin:/bin"
    # a jmodprobe without its jkmod would compare the real tools with themselves: fail instead
    [ "${cutprog##*/}" = jmodprobe ] && { echo "JKVM-ERROR no $cutdir/jkmod beside the cut (use --tools)"; tools_bad=1; }
  fi
fi
echo "JKVM-TOOLS $tools"
xz -c "$moddir/kernel/lib/crc16.ko" > /tmp/jkvm-crc16.ko.xz 2>/dev/null || echo "JKVM-ERROR cannot make /tmp/jkvm-crc16.ko.xz (xz)"
declare -A passtime
for pass in ref cut; do
  dir=/tmp/jkvm-functional/$pass; mkdir -p "$dir"
  if [ $pass = ref ]; then cmd=$REF; else cmd=$CUT; fi
  prog=${cmd%% *}; prog=${prog##*/}
  order=; checks=0
  reset_modules "$baseline"
  t0=$(now); steps; t1=$(now)
  passtime[$pass]=$(elapsed "$t0" "$t1")
  echo "JKVM-PASS $pass seconds=${passtime[$pass]} cmd=$cmd"
  reset_modules "$baseline"
done

# Prints, from a step file, its exit status, the first two lines of stderr and (from the .dmesg
# file beside it) the kernel's first two messages, on one line. Builtins only: forks are slow here.
describe_step() {
  local f=$1 line section= err= kern= n=0 rc
  mapfile -t lines < "$f"
  rc=${lines[1]}
  for line in "${lines[@]:2}"; do
    case "$line" in "--- "*) section=$line; continue;; esac
    [ "$section" = "--- stderr" ] && [ $((n++)) -lt 2 ] && err="$err$line;"
  done
  n=0
  while IFS= read -r line; do
    case "$line" in raid6:*|xor:*|Btrfs*|nf_tables:*|*MB/sec*) continue;; esac
    [ $((n++)) -lt 2 ] && kern="$kern$line;"
  done < "${f%.txt}.dmesg"
  echo "$rc stderr=$err kernel=$kern"
}

steps_total=0; same=0; different=0; ref_bad=0
for item in $order; do
  steps_total=$((steps_total + 1))
  r=/tmp/jkvm-functional/ref/$item.txt; c=/tmp/jkvm-functional/cut/$item.txt
  note=
  case "$item" in
    check-live-*) expect_live "$r" || { note=" REF-NOT-LIVE"; ref_bad=$((ref_bad + 1)); } ;;
    check-gone-*) expect_gone "$r" || { note=" REF-NOT-GONE"; ref_bad=$((ref_bad + 1)); } ;;
  esac
  mapfile -t rl < "$r"; mapfile -t cl < "$c" 2>/dev/null || cl=()
  if [ "${#rl[@]}" = "${#cl[@]}" ] && [ "${rl[*]}" = "${cl[*]}" ]; then
    same=$((same + 1)); verdict=same
  else
    different=$((different + 1)); verdict=DIFFERENT
  fi
  case "$item" in
    check-*) printf 'JKVM-STEP %s %s%s %s\n' "$item" "$verdict" "$note" "$(IFS=';'; echo "${rl[*]}")" ;;
    *) echo "JKVM-STEP $item $verdict$note $(describe_step "$r")" ;;
  esac
  [ $verdict = DIFFERENT ] && diff -u "$r" "$c" | sed -n '3,40p' | sed 's/^/JKVM-DIFF /'
done
mkdir -p /jkmod-vm/out/functional && cp -r /tmp/jkvm-functional/. /jkmod-vm/out/functional/
ref_bad=$((ref_bad + chain_bad + tools_bad))
result=pass; [ $different -eq 0 ] && [ $ref_bad -eq 0 ] || result=fail
read -r up _ < /proc/uptime
echo "JKVM-SUMMARY scenario=functional guest_uptime=$up result=$result items=$steps_total same=$same different=$different ref_unexpected=$ref_bad ref_seconds=${passtime[ref]} cut_seconds=${passtime[cut]}"
