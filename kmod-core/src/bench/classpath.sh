# Sourced by the benchmark scripts: compiles kmod-core and its test classes with the reactor and sets
# BENCH_CP to the test class path. Needs the maven-dependency-plugin (downloaded on first use; after
# that `JKMOD_MVN_OFFLINE=-o` keeps Maven offline).
BENCH_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
bench_classpath() {
    (cd "$BENCH_REPO" && mvn -q ${JKMOD_MVN_OFFLINE:-} -pl kmod-core -am test-compile \
        org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test) >&2 || return 1
    BENCH_CP="$BENCH_REPO/kmod-core/target/test-classes:$BENCH_REPO/kmod-core/target/classes:$(cat "$BENCH_REPO/kmod-core/target/bench-classpath.txt")"
}
