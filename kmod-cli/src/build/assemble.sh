#!/bin/sh
# Builds the one jmodprobe executable at package time (called by the kmod-cli pom):
#
#   assemble.sh LAUNCHER JAR JAVA WORKDIR OUT [ALSO]
#
# ALSO, when given, is OUT again under the multi-call name (jkmod): a hard link, else a copy.
#
# OUT is LAUNCHER (with its @...@ fields filled in, padded to a multiple of 4096 bytes), then a
# class-data-sharing (CDS) archive padded to a multiple of 4096 bytes, then JAR. The JVM reads
# the jar at the end of the file; the launcher copies jar and archive out, once, to a cache
# directory (see jmodprobe.sh). The archive is recorded here, by JAVA, from a training run
# (io.github.jkmod.cli.CdsTraining), with the jar on the class path as /proc/self/fd/3 and a
# fixed modification time: the JVM accepts an archive only with the class path it was dumped
# with, the same file size and the same modification time, and the launcher reproduces all three
# wherever the cache is. When the archive cannot be made (no /proc, an odd JVM), OUT is built
# without one and simply starts a little slower.
set -eu
launcher=$1 jar=$2 java=$3 work=$4 out=$5 also=${6:-}

# Must equal the launcher's JVM options that matter to CDS (the collector above all).
flags="-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -XX:+UseG1GC -XX:-UsePerfData -Djdk.reflect.useNativeAccessorOnly=true"
main_training=io.github.jkmod.cli.CdsTraining

rm -rf "$work"
mkdir -p "$work"
cp "$jar" "$work/jmodprobe.jar"
# The time the launcher gives its copy of the jar (POSIX touch, in UTC).
TZ=UTC0 touch -t 200001010000.00 "$work/jmodprobe.jar"

archive=$work/jmodprobe.jsa
make_archive() {
  [ -d /proc/self/fd ] || { echo "assemble: no /proc: building without a CDS archive" >&2; return 1; }
  # Static archive: the classes the training loads (the JDK's and jkmod's), the lambda proxy
  # classes and the pre-generated method-handle forms, from the class list of the training run.
  # (The scratch tree is written first, by a JVM of its own: its writing stays out of the list.)
  "$java" $flags -cp "$work/jmodprobe.jar" $main_training --prepare "$work/training" || return 1
  "$java" $flags -XX:DumpLoadedClassList="$work/classlist" -cp /proc/self/fd/3 \
    $main_training "$work/training" 3<"$work/jmodprobe.jar" || return 1
  "$java" $flags -Xshare:dump -XX:SharedClassListFile="$work/classlist" \
    -XX:SharedArchiveFile="$archive" -cp /proc/self/fd/3 3<"$work/jmodprobe.jar" \
    >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; return 1; }
  # The launcher's own check: the archive must map with exactly these options.
  "$java" $flags -Xshare:on -XX:SharedArchiveFile="$archive" -cp /proc/self/fd/3 \
    -version 3<"$work/jmodprobe.jar" >/dev/null 2>&1
}
if ! make_archive; then
  echo "assemble: WARNING: no CDS archive; jmodprobe will start without one" >&2
  rm -f "$archive"
  : >"$archive"
fi

size() { wc -c <"$1" | tr -d ' '; }
pad() { # pad FILE: appends bytes $2 up to the next multiple of 4096
  n=$(size "$1")
  r=$(( (4096 - n % 4096) % 4096 ))
  if [ "$r" -gt 0 ]; then
    dd if=/dev/zero bs=1 count="$r" 2>/dev/null | tr '\0' "$2" >>"$1"
  fi
}
chmod u+w "$archive"
pad "$archive" '\0'
jar_size=$(size "$work/jmodprobe.jar")
jsa_size=$(size "$archive")
# The cache file names: a new jar or archive gets new files.
id=$(cat "$work/jmodprobe.jar" "$archive" | cksum | tr ' ' '-')
# Fields are padded to a fixed width, so that the launcher's size does not depend on them.
field() { printf '%-20s' "$1"; }
sed -e "s/@ID@/$(field "$id")/" -e "s/@JSA_BYTES@/$(field "$jsa_size")/" \
  -e "s/@JAR_BYTES@/$(field "$jar_size")/" -e "s/@HEAD_BYTES@/$(field @HEAD@)/" \
  "$launcher" >"$work/launcher.1"
# The launcher's own size, rounded up to 4096: known before it is written in.
head_size=$(( ($(size "$work/launcher.1") + 4095) / 4096 * 4096 ))
sed -e "s/@HEAD@ */$(field "$head_size")/" "$work/launcher.1" >"$work/launcher"
pad "$work/launcher" '\n'
[ "$(size "$work/launcher")" -eq "$head_size" ] || { echo "assemble: launcher size" >&2; exit 1; }
cat "$work/launcher" "$archive" "$work/jmodprobe.jar" >"$out.tmp"
chmod 755 "$out.tmp"
mv -f "$out.tmp" "$out"
if [ -n "$also" ]; then
  rm -f "$also"
  ln "$out" "$also" 2>/dev/null || cp -p "$out" "$also"
fi
echo "assemble: $out: launcher $head_size + CDS archive $jsa_size + jar $jar_size bytes"
