#!/bin/bash
# The resolve-all benchmark with jkmod: every key of KEYSFILE looked up and planned as
# `modprobe --show-depends` does, PASSES times in one JVM; prints, last,
# `keys=K modules_emitted=M best_pass_ms=T`. JAVA_OPTS adds JVM options.
# Usage: resolve-all.sh MODDIR KEYSFILE PASSES   (MODDIR: <root>/lib/modules/<release>)
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: resolve-all.sh MODDIR KEYSFILE PASSES" >&2; exit 2; }
. "$(dirname "$0")/classpath.sh"
bench_classpath
exec java ${JAVA_OPTS:-} -cp "$BENCH_CP" io.github.jkmod.core.bench.ResolveAll "$1" "$2" "$3"
