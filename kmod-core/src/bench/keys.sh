#!/bin/bash
# Writes the keys file of the resolve-all benchmark: every module name of MODDIR/modules.dep, then
# one concrete string per pattern of MODDIR/modules.alias (as ShowDependsConformanceTest builds them).
# Usage: keys.sh MODDIR OUTFILE
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: keys.sh MODDIR OUTFILE" >&2; exit 2; }
. "$(dirname "$0")/classpath.sh"
bench_classpath
exec java -cp "$BENCH_CP" io.github.jkmod.core.BenchKeys "$1" "$2"
