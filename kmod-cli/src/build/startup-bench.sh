#!/bin/sh
# Measures jmodprobe's start-up, whole process, against the C modprobe and a hello world with the
# same JVM options, on each JDK given, in one run (not a test: figures depend on the machine and
# its load).
#
#   kmod-cli/src/build/startup-bench.sh [RUNS [JAVA_HOME...]]      (after mvn -DskipTests package)
#
# RUNS (default 21, at least 15) rounds after 3 of warm-up; each round runs every command once, in
# turn, its order rotating from round to round, so that a change in the machine's load falls on
# all of them alike. JAVA_HOME defaults to the JDK 17 and the JDK 25 under /usr/lib/jvm. Prints,
# per command, the median and the minimum wall time and the median CPU time (user + system, of the
# process and its children), then per JDK jmodprobe's over the hello world's (median, minimum and
# median CPU time: on a loaded machine the CPU time varies least), and the load average before
# and after. Uses the real tree of the jkmod tests (/var/tmp/jkmod-realtree, or
# $JKMOD_REALTREE) and python3. Each JDK's archive is made (first run) before measuring, in a
# cache directory of this run's own.
set -eu
runs=${1:-21}
[ "$runs" -ge 15 ] || { echo "startup-bench: at least 15 runs" >&2; exit 2; }
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then
  for h in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -x "$h/bin/java" ] && set -- "$@" "$h"
  done
fi
[ $# -gt 0 ] || { echo "startup-bench: no JDK given or found" >&2; exit 2; }
here=$(cd "$(dirname "$0")/../.." && pwd)
jmodprobe=$here/target/jmodprobe
[ -x "$jmodprobe" ] || { echo "startup-bench: build first: $jmodprobe" >&2; exit 1; }
tree=${JKMOD_REALTREE:-/var/tmp/jkmod-realtree}
[ -s "$tree/release" ] || { echo "startup-bench: no real tree in $tree (run .ci/fetch-real-tree)" >&2; exit 1; }
release=$(cat "$tree/release")
args="-C /dev/null -d $tree/root -S $release --show-depends xfrm_user"
# jmodprobe's own JVM options (jmodprobe.sh), less the archive
flags="-XX:+IgnoreUnrecognizedVMOptions -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -XX:+UseG1GC -XX:-UsePerfData -Djdk.reflect.useNativeAccessorOnly=true -Xlog:disable -Xlog:all=error:stderr"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$work/Hello.java"
"$1/bin/javac" --release 17 -d "$work" "$work/Hello.java"
export JKMOD_CACHE_DIR="$work/cache"
# one command a line: LABEL<TAB>COMMAND (split on blanks; leading NAME=VALUE words set the
# command's environment)
: >"$work/commands"
printf 'modprobe (C)\t/usr/sbin/modprobe %s\n' "$args" >>"$work/commands"
for h in "$@"; do
  v=$("$h/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  JAVA_HOME=$h "$jmodprobe" $args >/dev/null
  # JAVA_HOME in the environment of the launcher itself (no wrapper script: a shell more would
  # count against jmodprobe only)
  printf 'jmodprobe, JDK %s\tJAVA_HOME=%s %s %s\n' "$v" "$h" "$jmodprobe" "$args" >>"$work/commands"
  printf 'hello, JDK %s\t%s %s -cp %s Hello\n' "$v" "$h/bin/java" "$flags" "$work" >>"$work/commands"
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
python3 - "$work/commands" "$runs" <<'EOF'
import os, statistics, subprocess, sys, time
commands = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
runs = int(sys.argv[2])
wall = {label: [] for label, _ in commands}
cpu = {label: [] for label, _ in commands}
def once(argv):
    env = dict(os.environ)
    while argv and "=" in argv[0] and not argv[0].startswith("/"):
        name, value = argv[0].split("=", 1)
        env[name] = value
        argv = argv[1:]
    t = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = status
    w = time.perf_counter() - t
    if status != 0:
        sys.exit("startup-bench: failed: " + " ".join(argv))
    return w * 1000, (ru.ru_utime + ru.ru_stime) * 1000
for r in range(3 + runs):
    k = r % len(commands)
    for label, command in commands[k:] + commands[:k]:
        w, c = once(command.split())
        if r >= 3:
            wall[label].append(w)
            cpu[label].append(c)
print("%-18s %10s %10s %10s" % ("", "median ms", "min ms", "CPU ms"))
for label, _ in commands:
    print("%-18s %10.1f %10.1f %10.1f" % (label, statistics.median(wall[label]), min(wall[label]),
                                         statistics.median(cpu[label])))
for label, _ in commands:
    if label.startswith("jmodprobe, "):
        v = label[len("jmodprobe, "):]
        print("%s: jmodprobe / hello = %.2f (median), %.2f (min), %.2f (median CPU)" % (v,
              statistics.median(wall[label]) / statistics.median(wall["hello, " + v]),
              min(wall[label]) / min(wall["hello, " + v]),
              statistics.median(cpu[label]) / statistics.median(cpu["hello, " + v])))
print("%d runs each, interleaved, after 3 of warm-up" % runs)
EOF
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
