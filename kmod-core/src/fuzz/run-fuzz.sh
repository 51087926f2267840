#!/usr/bin/env bash
# Runs every Jazzer fuzz target of the project in fuzzing mode, one after the other (one JVM each,
# never two at once), each for a bounded time, and prints per target: executions, seconds, exec/s,
# findings. Exits 1 when any target had a finding (or its run failed), 0 otherwise.
#
# Usage (from anywhere): kmod-core/src/fuzz/run-fuzz.sh [-t SECONDS] [-n EXECUTIONS] [-l] [TARGET...]
#   -t SECONDS     fuzzing time per target (default 60: the CI setting)
#   -n EXECUTIONS  stop a target after this many executions instead (the time bound still applies;
#                  e.g. -t 1800 -n 1000000 for the long run that reaches a million per target)
#   -l             list the targets and exit
#   TARGET         a target name or a substring of one (default: all)
# Environment: MVN_FLAGS (extra Maven flags, e.g. -o), FUZZ_HEAP (default 1g).
#
# A finding is a throwable other than the target's allowed exceptions, a hang (one input running
# longer than 10 s) or an OutOfMemoryError (heap capped at FUZZ_HEAP). Jazzer writes the input of a
# finding into the target's regression corpus (src/test/resources/<package>/<Class>Inputs/<method>/
# crash-*), so the next plain `mvn test` replays it and fails until it is fixed. The corpus Jazzer
# grows while fuzzing stays in <module>/.cifuzz-corpus/ (ignored by git) and seeds the next run.
# Logs: <module>/target/fuzz/<target>.log.
set -euo pipefail

main() {
cd "$(dirname "$0")/../../.."

# name module class method
TARGETS=(
  "binary-index kmod-index io.github.jkmod.index.fuzz.BinaryIndexFuzzTest binaryIndex"
  "text-index kmod-index io.github.jkmod.index.fuzz.TextIndexFilesFuzzTest textIndexFiles"
  "proc-modules kmod-sysfs io.github.jkmod.sysfs.fuzz.ProcModulesFuzzTest procModules"
  "module-file kmod-core io.github.jkmod.core.modinfo.fuzz.ModuleFileFuzzTest moduleFile"
  "config kmod-core io.github.jkmod.core.config.fuzz.ConfigFuzzTest config"
  "static-nodes kmod-core io.github.jkmod.core.nodes.fuzz.StaticNodesFuzzTest staticNodes"
)

seconds=60
executions=""
while getopts "t:n:lh" opt; do
  case "$opt" in
    t) seconds="$OPTARG" ;;
    n) executions="$OPTARG" ;;
    l) for t in "${TARGETS[@]}"; do echo "${t%% *}"; done; exit 0 ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

selected=()
for t in "${TARGETS[@]}"; do
  name="${t%% *}"
  if [ $# -eq 0 ]; then
    selected+=("$t")
  else
    for want in "$@"; do
      if [[ "$name" == *"$want"* ]]; then selected+=("$t"); break; fi
    done
  fi
done
if [ ${#selected[@]} -eq 0 ]; then
  echo "run-fuzz: no target matches: $*" >&2
  exit 2
fi

status=0
summary=()
for t in "${selected[@]}"; do
  read -r name module class method <<<"$t"
  log="$module/target/fuzz/$name.log"
  inputs="$module/src/test/resources/$(dirname "${class//.//}")/${class##*.}Inputs/$method"
  mkdir -p "$module/target/fuzz"
  before=$(ls "$inputs" 2>/dev/null | grep -c '^crash-\|^timeout-\|^oom-\|^slow-unit-' || true)
  echo "run-fuzz: $name ($class#$method) for ${seconds}s${executions:+ or $executions executions}; log: $log"
  start=$(date +%s)
  set +e
  env JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" ${executions:+JAZZER_MAX_EXECUTIONS=$executions} \
    mvn -B ${MVN_FLAGS:-} -pl "$module" -am test \
      -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
      -DargLine="-Xmx${FUZZ_HEAP:-1g}" \
      -Djazzer.hooks=true \
      -Djazzer.internal.arg.0=fuzz \
      -Djazzer.internal.arg.1=-print_final_stats=1 \
      -Djazzer.internal.arg.2=-timeout=10 \
      >"$log" 2>&1
  rc=$?
  set -e
  wall=$(( $(date +%s) - start ))
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  done_line=$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1 || true)
  fuzz_secs=$(echo "$done_line" | sed -n 's/.* in \([0-9]*\) second.*/\1/p')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  after=$(ls "$inputs" 2>/dev/null | grep -c '^crash-\|^timeout-\|^oom-\|^slow-unit-' || true)
  findings=$(( after - before ))
  if [ "$rc" -ne 0 ] && [ "$findings" -eq 0 ]; then
    findings=1 # the run failed without leaving an input: see the log
  fi
  if [ -z "$runs" ]; then
    # libFuzzer prints no final stats when it stops at a finding; take its last status line
    runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
  fi
  line=$(printf '%-13s executions %10s  fuzzing %5ss (wall %4ss)  exec/s %6s  findings %d' \
    "$name" "${runs:-?}" "${fuzz_secs:-?}" "$wall" "${rate:-?}" "$findings")
  echo "run-fuzz: $line"
  summary+=("$line")
  if [ "$findings" -ne 0 ]; then
    status=1
    grep -E '^== Java Exception|^Caused by|FuzzTestFindingException|^\s+at io\.github' "$log" | head -20 || true
    ls "$inputs" 2>/dev/null | grep '^crash-\|^timeout-\|^oom-\|^slow-unit-' | sed "s|^|  input: $inputs/|" || true
  fi
done

echo "run-fuzz: summary"
for line in "${summary[@]}"; do echo "  $line"; done
if [ "$status" -ne 0 ]; then
  echo "run-fuzz: FINDINGS: see the logs above; each input is now in its target's regression corpus"
fi
exit "$status"
}

main "$@"
