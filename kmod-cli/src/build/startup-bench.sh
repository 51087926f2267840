#!/bin/sh
# Measures jmodprobe's start-up, whole process, against modprobe and a bare JVM in one hyperfine
# run (not a test: figures depend on the machine and its load).
#
#   kmod-cli/src/build/startup-bench.sh [RUNS]        (after mvn -DskipTests package)
#
# Prints median and minimum wall time and mean CPU time (user + system, less sensitive to the
# load of a shared machine). Needs hyperfine and python3; uses the real tree of the jkmod tests
# (/var/tmp/jkmod-realtree, or $JKMOD_REALTREE) and the java on PATH. The first jmodprobe run
# copies the class-data archive out to its cache; it is made before measuring.
set -eu
runs=${1:-30}
here=$(cd "$(dirname "$0")/../.." && pwd)
jmodprobe=$here/target/jmodprobe
tree=${JKMOD_REALTREE:-/var/tmp/jkmod-realtree}
[ -s "$tree/release" ] || { echo "startup-bench: no real tree in $tree (run .ci/fetch-real-tree)" >&2; exit 1; }
release=$(cat "$tree/release")
args="-C /dev/null -d $tree/root -S $release --show-depends xfrm_user"
flags="-XX:TieredStopAtLevel=1 -XX:+UseG1GC -XX:-UsePerfData -Xshare:auto -Xlog:disable -Xlog:all=error:stderr"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$work/Hello.java"
javac -d "$work" "$work/Hello.java"
"$jmodprobe" $args >/dev/null
nice=""
if nice -n -5 true 2>/dev/null; then nice="nice -n -5"; fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
$nice hyperfine -N -i -w 3 -r "$runs" --export-json "$work/times.json" \
  "modprobe $args" \
  "$jmodprobe $args" \
  "java $flags -cp $work Hello" \
  "java -version" \
  "env JKMOD_CDS=off $jmodprobe $args" >/dev/null 2>&1
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/times.json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = sorted(x * 1000 for x in r["times"])
    cpu = (r["user"] + r["system"]) * 1000
    print("%8.1f ms median %8.1f ms min %8.1f ms cpu   %s" % (r["median"] * 1000, t[0], cpu, r["command"]))
EOF
