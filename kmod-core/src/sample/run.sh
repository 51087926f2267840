#!/usr/bin/env bash
# Builds the sample against the installed jkmod (mvn install at the repository's root first), runs
# its JUnit test (on the module path, as surefire does for a named module), then runs EverydayJobs
# on the class path and on the module path: both outputs must be the same and equal expected.txt.
# usage: kmod-core/src/sample/run.sh [MAVEN_FLAGS...]   (e.g. -o for offline)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
example=$(cd "$here/../../../kmod-cli/src/example" && pwd)
cd "$here"
mvn -B -q "$@" -Djkmod.example="$example" -DargLine="-Djkmod.example=$example" package \
  dependency:build-classpath -Dmdep.outputFile=target/deps.txt -Dmdep.includeScope=runtime
deps=$(cat target/deps.txt)
main=io.github.jkmod.sample.EverydayJobs
java -cp "target/classes:$deps" "$main" "$example" > target/classpath.out
java --module-path "target/classes:$deps" -m "io.github.jkmod.sample/$main" "$example" > target/modulepath.out
java --module-path "target/classes:$deps" --describe-module io.github.jkmod.core > target/core-module.txt
if grep -q "exports io.github.jkmod.core.internal" target/core-module.txt; then
  echo "sample: io.github.jkmod.core exports an internal package" >&2; exit 1
fi
diff -u expected.txt target/classpath.out
diff -u expected.txt target/modulepath.out
echo "sample: test passed; class path and module path print expected.txt ($(wc -l < expected.txt) lines)"
