#!/bin/bash
# The resolve-all benchmark with jkmod: every key of KEYSFILE looked up and planned as
# `modprobe --show-depends` does, PASSES times, one JVM per mode (ResolveAll.java, the twin of
# resolve_all.c): warm (one context kept for all passes) and fresh (a new context built in each
# pass). Without MODE it runs warm, then fresh, so its last line is the fresh mode's
# `keys=K modules_emitted=M best_pass_ms=T`. JAVA_OPTS adds JVM options.
# Usage: resolve-all.sh MODDIR KEYSFILE PASSES [fresh|warm]   (MODDIR: <root>/lib/modules/<release>)
set -euo pipefail
[ $# -eq 3 ] || [ $# -eq 4 ] || { echo "usage: resolve-all.sh MODDIR KEYSFILE PASSES [fresh|warm]" >&2; exit 2; }
. "$(dirname "$0")/classpath.sh"
bench_classpath
for mode in ${4:-warm fresh}; do
    java ${JAVA_OPTS:-} -cp "$BENCH_CP" io.github.jkmod.core.bench.ResolveAll "$mode" "$1" "$2" "$3"
done
