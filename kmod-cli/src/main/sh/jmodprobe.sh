#!/bin/sh
# jkmod (also installed as jmodprobe) - jkmod's drop-in replacement for modprobe, lsmod and kmod:
# one executable that acts by the name it is invoked as (a link named lsmod is lsmod), or as
# `jkmod TOOL ARGS...` (io.github.jkmod.cli.multicall.Jkmod; $0 reaches it as -Djkmod.argv0).
# This file is a POSIX sh launcher, then a class-data-sharing (CDS) archive, then a Java archive
# (built by kmod-cli/src/build/assemble.sh). The shell never reads past the exec lines below; the
# JVM reads the jar at the end of the file.
# Needs a Java 17+ runtime: $JAVA_HOME/bin/java, else java on PATH, else a usual JDK location.
# Extra JVM options can be given in JKMOD_JAVA_OPTIONS; JKMOD_CDS=off runs without an archive,
# JKMOD_CACHE_DIR names the directory archives are kept in (see cds below).
# Started by the kernel (request_module), no file descriptor is open: give 0, 1 and 2 /dev/null,
# so that files opened later (the jar, the archive) never become stdin, stdout or stderr.
# (Each test copies the descriptor to 9; a complaint goes to a closed stderr, i.e. nowhere.)
{ true 9>&2; } || exec 2>/dev/null
{ true 9<&0; } 2>&- || exec 0</dev/null
{ true 9>&1; } 2>&- || exec 1>/dev/null
j=
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  j=$JAVA_HOME/bin/java
else
  j=$(command -v java 2>/dev/null) || j=
  if [ -z "$j" ]; then
    for c in /usr/lib/jvm/default-java/bin/java /usr/lib/jvm/*/bin/java /usr/java/latest/bin/java /opt/java/openjdk/bin/java; do
      if [ -x "$c" ]; then j=$c; break; fi
    done
  fi
fi
if [ -z "$j" ]; then
  echo "${0##*/}: FATAL: no Java runtime found: set JAVA_HOME or put java on PATH" >&2
  exit 1
fi
# The JVM would announce these on stderr; jmodprobe's output must stay modprobe's.
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS
# Filled in by assemble.sh: the cache name of this build, then the byte sizes of this launcher,
# of the archive (0: none) and of the jar.
id=@ID@
head=@HEAD_BYTES@
jsa=@JSA_BYTES@
jar=@JAR_BYTES@
# Start-up options: C1 only, and only for methods ten times hotter than by default (a start runs
# too briefly for most compilations to pay: 6-10 ms less CPU time), no perf-data file in /tmp; JVM warnings (which go to stdout by
# default) off, errors on stderr. G1, not the serial collector: on JDK 17 only G1 maps the archived
# heap objects (the module graph above all), which saves more than G1's own set-up costs. No
# -Xshare option: it is the default, and JDK 24+ refuses one beside an AOT cache. Reflection
# through native accessors only: on JDK 18+ FileChannel.map's reflective constructor call would
# otherwise spin some 35 method-handle classes (25-40 ms). assemble.sh records the packaged
# archive, and the launcher each archive it makes, with the same options.
o="-XX:+IgnoreUnrecognizedVMOptions -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -XX:+UseG1GC -XX:-UsePerfData -Djdk.reflect.useNativeAccessorOnly=true"
l="-Xlog:disable -Xlog:all=error:stderr"
# depmod reads thousands of module files in one run: its methods get hot enough for compiling to
# pay, so it compiles at the default thresholds (C1 still: C2 costs more than it saves there).
# It decodes .ko.xz with liblzma through JNA: native access allowed, or JDK 24+ warns on stderr
# when no AOT cache (recorded with that option) is in use. Where the machine has 4 GiB or more, a
# young generation of 256 MiB holds all the garbage of a distribution's tree: no collection at all
# in a run, about 20% less time on a plain tree, for some 250 MB more of resident memory.
case "${0##*/} ${1:-}" in
  "depmod "*|"jkmod depmod")
    o="$o -XX:CompileThresholdScaling=1 --enable-native-access=ALL-UNNAMED"
    while read -r k v u; do
      if [ "$k" = MemTotal: ]; then
        [ "$v" -ge 4194304 ] 2>/dev/null && o="$o -Xmn256m"
        break
      fi
    done 2>/dev/null </proc/meminfo ;;
esac
main=io.github.jkmod.cli.multicall.Jkmod
# The group of commands whose archive this run takes (io.github.jkmod.cli.CdsTraining.Group): on
# JDK 24+ an AOT cache loads every class it holds at start, so modprobe (the tool the kernel
# starts), lsmod, kmod and depmod each have one trained on their own commands, and modprobe two:
# one for what asks something of the kernel (JNA and libc: some 300 classes), one for queries
# (-D, -n, -c, -R, -V, -h; a short option among others counts too). A command put in the wrong
# group only starts slower. The other tools share one trained on all.
case ${0##*/} in
  lsmod|kmod|depmod) tg=${0##*/} ;;
  jkmod) case ${1:-} in modprobe|lsmod|kmod|depmod) tg=$1 ;; *) tg=all ;; esac ;;
  modinfo|insmod|rmmod|graph|devices|coldplug) tg=all ;;
  *) tg=modprobe ;;
esac
if [ "$tg" = modprobe ]; then
  for a do
    case $a in
      --) break ;;
      --show-depends|--dry-run|--showconfig|--show-config|--resolve-alias|--version|--help|--show) tg=query; break ;;
      --*) ;;
      -[nDcRVh]*|-[!-]*[nDcRVh]*) tg=query; break ;;
    esac
  done
fi

# Whether an archive can be used, from the cache directory $c: then $x holds the JVM option that
# names it, $n more options it needs, and the jar is $c/jmodprobe-$id.jar.
#
# An archive is made for one JVM build and one class path: the JVM drops it for any other JVM,
# and for a jar of another size or modification time. So the jar is copied out once per build,
# with the time assemble.sh gave it, and passed as /proc/self/fd/3 as when the archive was made;
# and each JVM and group of tools ($tg) gets its own archive, in the files jmodprobe-$id-$k-$tg.*
# ($k a checksum of the java path and its time), stamped by $f.ok, whose lines are the java path,
# the kind of archive and its file, and whose time is the java binary's. Later runs only read the
# stamps of this build (shell built-ins); a JVM replaced in place has another time and is prepared
# again. Preparing (once per build, JVM and group): on JDK 24+ an AOT cache (-XX:AOTCache); else the archive packaged by
# assemble.sh, if this JVM maps it; else a dynamic archive on top of the JDK's own
# (-XX:SharedArchiveFile); AOT cache and dynamic archive recorded from a training run
# (io.github.jkmod.cli.CdsTraining, one or two seconds); else none ($f.no). Every file is written
# under a temporary name and renamed. Files of other builds stay: two builds used in turn keep
# theirs, and a run only removes files of other builds written 30 days ago or more (a running
# jmodprobe keeps what it has open). Any failure (no /proc, no writable cache) means running
# without an archive.
# Root uses /var/cache/jmodprobe (root-owned parents: nobody else can swap the files that root
# then runs), else, when that cannot be written (a read-only root early in a boot, when the kernel
# starts jmodprobe as its modprobe), /run/jmodprobe, then /tmp/jmodprobe-root (a directory root
# made in the sticky /tmp, not a link); other users $XDG_CACHE_HOME/jmodprobe or ~/.cache/jmodprobe;
# JKMOD_CACHE_DIR (an absolute path) overrides them all. The directory must belong to the user.
# JNA's native library is kept there too, by the Java side, on the first module load
# (-Djkmod.jnidispatch).
cds() {
  [ "${JKMOD_CDS:-}" != off ] && [ -d /proc/self/fd ] || return 1
  if [ -n "${JKMOD_CACHE_DIR:-}" ]; then
    cds_in "$JKMOD_CACHE_DIR"
  elif [ -O / ]; then
    # the next directory only when one cannot be written (2), not when this JVM takes no archive (1)
    cds_in /var/cache/jmodprobe; r=$?
    [ "$r" = 2 ] && { cds_in /run/jmodprobe; r=$?; }
    [ "$r" = 2 ] && { cds_in /tmp/jmodprobe-root; r=$?; }
    return "$r"
  else
    cds_in "${XDG_CACHE_HOME:-${HOME:-}/.cache}/jmodprobe"
  fi
}

# Whether an archive can be used from the cache directory $1: 0 yes, 1 no (none for this JVM),
# 2 no (the directory cannot be used).
cds_in() {
  c=$1
  case $c in /?*) ;; *) return 2 ;; esac
  set +f
  # one pattern, one reading of the directory, for the .ok and the .no stamps
  for s in "$c/jmodprobe-$id-"*"-$tg".[no][ko]; do
    # this JVM's stamp: the same path, the same time
    case $s in *.ok|*.no) ;; *) continue ;; esac
    [ -f "$s" ] && ! [ "$j" -nt "$s" ] && ! [ "$j" -ot "$s" ] || continue
    { read -r p && read -r k && read -r a; } <"$s" 2>/dev/null && [ "$p" = "$j" ] || continue
    set -f
    case $s in *.no) return 1 ;; esac
    # A jar written to since it was copied out (its time is no longer 2000, but later than the
    # archive's) would make the JVM drop the archive: prepare again.
    case $a in "$c/jmodprobe-$id".* | "$c/jmodprobe-$id-"*) ;; *) break ;; esac
    [ -f "$a" ] && [ -f "$c/jmodprobe-$id.jar" ] && ! [ "$c/jmodprobe-$id.jar" -nt "$a" ] || break
    cds_use "$k" "$a"
    return 0
  done
  set -f
  cds_prepare 2>/dev/null
}

# cds_use KIND FILE: the options that take the archive.
cds_use() {
  if [ "$1" = aot ]; then
    x=-XX:AOTCache=$2
    # recorded so, and needed on JDK 24+ for JNA to load its library without a warning
    n=--enable-native-access=ALL-UNNAMED
  else
    x=-XX:SharedArchiveFile=$2 n=
  fi
}

cds_prepare() {
  [ -d "$c" ] || (umask 077 && mkdir -p "$c") || return 2
  ! [ -L "$c" ] && [ -O "$c" ] && [ -w "$c" ] || return 2
  t=$c/.tmp-$$
  b=$c/jmodprobe-$id
  k=$( { printf '%s\n' "$j"; ls -lLn "$j"; date -r "$j" +%s; } 2>/dev/null | cksum) || return 2
  f=$b-${k%% *}-$tg
  # leftovers of runs interrupted a day ago, files of builds prepared 30 days ago or more (a file's
  # time of change is when it was written or renamed)
  find "$c" -maxdepth 1 \( -name '.tmp-*' -ctime +0 -o -name '.tmp-training-*' -mmin +10 -o \( -name 'jmodprobe-*' -o -name 'libjmodprobe-*' \) \
    ! -name "jmodprobe-$id[.-]*" ! -name "libjmodprobe-$id-*" -ctime +30 \) -exec rm -rf {} + 2>/dev/null
  # The jar, always copied again here (it may have been written to).
  dd if="$0" of="$t.jar" bs=4096 skip=$(( (head + jsa) / 4096 )) \
    && [ "$(( $(wc -c <"$t.jar") ))" -eq "$jar" ] \
    && TZ=UTC0 touch -t 200001010000.00 "$t.jar" && mv -f "$t.jar" "$b.jar" \
    || { rm -f "$t.jar"; return 2; }
  rm -f "$f.ok" "$f.no"
  # One training at a time for a build and JVM (the kernel may start many helpers at once): the
  # others run without an archive meanwhile.
  lk=$c/.tmp-training-${f##*/}
  mkdir "$lk" || return 1
  cds_make
  r=$?
  rmdir "$lk"
  return "$r"
}

cds_make() {
  # JDK 24+ (it knows -XX:AOTMode): an AOT cache recorded here, by this JVM. It beats a packaged
  # archive even for the JVM that made that one (classes linked ahead, lambdas resolved), and with
  # it JNA may load its library without a warning.
  if "$j" -XX:-IgnoreUnrecognizedVMOptions -XX:AOTMode=off -version >/dev/null 2>&1; then
    cds_train -XX:AOTMode=record -XX:AOTConfiguration="$t.conf" --enable-native-access=ALL-UNNAMED \
      && "$j" $o $l -XX:-IgnoreUnrecognizedVMOptions -XX:AOTMode=create -XX:AOTConfiguration="$t.conf" \
        -XX:AOTCache="$t.aot" --enable-native-access=ALL-UNNAMED -cp /proc/self/fd/3 3<"$b.jar" >/dev/null 2>&1 \
      && "$j" $o $l -XX:AOTMode=on -XX:AOTCache="$t.aot" --enable-native-access=ALL-UNNAMED \
        -cp /proc/self/fd/3 -version 3<"$b.jar" >/dev/null 2>&1 \
      && mv -f "$t.aot" "$f.aot" && rm -f "$t.conf" && cds_stamp ok aot "$f.aot" && return
    rm -f "$t.conf" "$t.aot"
  fi
  # The packaged archive, if this JVM maps it (the JVM build that recorded it).
  if [ "$jsa" -gt 0 ]; then
    if ! [ -f "$b.jsa" ]; then
      dd if="$0" of="$t.jsa" bs=4096 skip=$(( head / 4096 )) count=$(( jsa / 4096 )) \
        && [ "$(( $(wc -c <"$t.jsa") ))" -eq "$jsa" ] && mv -f "$t.jsa" "$b.jsa" \
        || { rm -f "$t.jsa"; return 2; }
    fi
    if "$j" $o $l -Xshare:on -XX:SharedArchiveFile="$b.jsa" -cp /proc/self/fd/3 -version \
        3<"$b.jar" >/dev/null 2>&1; then
      cds_stamp ok jsa "$b.jsa"
      return
    fi
  fi
  # Else a dynamic archive recorded here, on top of the JDK's own.
  cds_train -XX:ArchiveClassesAtExit="$t.jsa" \
    && "$j" $o $l -Xshare:on -XX:SharedArchiveFile="$t.jsa" -cp /proc/self/fd/3 -version \
      3<"$b.jar" >/dev/null 2>&1 \
    && mv -f "$t.jsa" "$f.jsa" && cds_stamp ok jsa "$f.jsa" && return
  rm -f "$t.jsa"
  cds_stamp no none none
  return 1
}

# cds_train OPTION...: the training run, with these options, in a scratch directory.
cds_train() {
  rm -rf "$t.train"
  # The scratch tree written first, by a JVM of its own: its writing stays out of the archive.
  # That JVM also keeps JNA's library in the cache directory, as a first module load does, so that
  # the training loads JNA as every later run does (not by unpacking it from the jar).
  jd=-Djkmod.jnidispatch=$c/libjmodprobe-$id-jnidispatch.so
  "$j" $o $l "$jd" -cp "$b.jar" io.github.jkmod.cli.CdsTraining --prepare "$t.train" >/dev/null 2>&1 </dev/null \
    && "$j" $o $l -XX:-IgnoreUnrecognizedVMOptions "$@" "$jd" -cp /proc/self/fd/3 \
      io.github.jkmod.cli.CdsTraining --tool "$tg" "$t.train" 3<"$b.jar" >/dev/null 2>&1 </dev/null
  r=$?
  rm -rf "$t.train"
  return "$r"
}

# cds_stamp ok|no KIND FILE: this JVM's stamp, with its time; then the options for ok.
cds_stamp() {
  printf '%s\n%s\n%s\n' "$j" "$2" "$3" >"$t.$1" && touch -r "$j" "$t.$1" && mv -f "$t.$1" "$f.$1" \
    || { rm -f "$t.$1"; return 1; }
  [ "$1" = ok ] && cds_use "$2" "$3"
}

set -f
if cds && { command exec 3<"$c/jmodprobe-$id.jar"; } 2>/dev/null; then
  exec "$j" $o "$x" $n $l $JKMOD_JAVA_OPTIONS \
    -Djkmod.jnidispatch="$c/libjmodprobe-$id-jnidispatch.so" \
    -Djava.util.logging.config.file=/dev/null -Djkmod.argv0="$0" \
    -cp /proc/self/fd/3 $main "$@"
fi
exec "$j" $o $l $JKMOD_JAVA_OPTIONS \
  -Djava.util.logging.config.file=/dev/null -Djkmod.argv0="$0" \
  -cp "$0" $main "$@"
