#!/bin/bash
# The JMH benchmarks of kmod-core (src/test/java/io/github/jkmod/core/bench), on the real tree
# (-Djkmod.realtree in JAVA_OPTS, default /var/tmp/jkmod-realtree). Arguments go to JMH, e.g.
#   kmod-core/src/bench/jmh.sh -f 1 -wi 3 -i 5 -w 1s -r 1s CoreBenchmark.searchWildcard
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
bench_classpath
exec java ${JAVA_OPTS:-} -cp "$BENCH_CP" org.openjdk.jmh.Main "$@"
