#!/bin/sh
# jmodprobe - jkmod's drop-in replacement for modprobe.
# This file is a POSIX sh launcher, then a class-data-sharing (CDS) archive, then a Java archive
# (built by kmod-cli/src/build/assemble.sh). The shell never reads past the exec lines below; the
# JVM reads the jar at the end of the file.
# Needs a Java 17+ runtime: $JAVA_HOME/bin/java, else java on PATH, else a usual JDK location.
# Extra JVM options can be given in JKMOD_JAVA_OPTIONS; JKMOD_CDS=off runs without the archive,
# JKMOD_CACHE_DIR names the directory it is kept in (see cds below).
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
# Start-up options: C1 only, no perf-data file in /tmp, class-data sharing; JVM warnings (which
# go to stdout by default) off, errors on stderr. G1, not the serial collector: on JDK 17 only G1
# maps the archived heap objects (the module graph above all), which saves more than G1's own
# set-up costs. assemble.sh records the archive with the same options.
o="-XX:+IgnoreUnrecognizedVMOptions -XX:TieredStopAtLevel=1 -XX:+UseG1GC -XX:-UsePerfData -Xshare:auto"
l="-Xlog:disable -Xlog:all=error:stderr"

# Whether the archive can be used, from the cache directory $c, as the files $f.jsa and $f.jar.
# The JVM takes an archive only from the JVM build that wrote it, with the same class path, and
# with a jar of the same size and modification time: so the jar is copied out beside the archive
# with the time assemble.sh gave it, and passed as /proc/self/fd/3 as when the archive was made.
# The first run copies both out (written under temporary names, then renamed: never half there),
# checks that this JVM maps the archive, and stamps $f.ok (or $f.no) with the time of the java
# binary: later runs only compare times (shell built-ins), and a new JVM is checked again. Any
# failure (no /proc, no writable cache) means running without the archive, as fast as before.
# Root uses /var/cache/jmodprobe (root-owned parents: nobody else can swap the files that root
# then runs), else, when that cannot be written (a read-only root early in a boot, when the kernel
# starts jmodprobe as its modprobe), /run/jmodprobe, then /tmp/jmodprobe-root (a directory root
# made in the sticky /tmp, not a link); other users $XDG_CACHE_HOME/jmodprobe or ~/.cache/jmodprobe;
# JKMOD_CACHE_DIR (an absolute path) overrides them all. The directory must belong to the user.
# JNA's native library is kept there too, by the Java side, on the first module load
# (-Djkmod.jnidispatch).
cds() {
  [ "$jsa" -gt 0 ] && [ "${JKMOD_CDS:-}" != off ] && [ -d /proc/self/fd ] || return 1
  if [ -n "${JKMOD_CACHE_DIR:-}" ]; then
    cds_in "$JKMOD_CACHE_DIR"
  elif [ -O / ]; then
    # the next directory only when one cannot be written (2), not when this JVM refused the archive (1)
    cds_in /var/cache/jmodprobe; r=$?
    [ "$r" = 2 ] && { cds_in /run/jmodprobe; r=$?; }
    [ "$r" = 2 ] && { cds_in /tmp/jmodprobe-root; r=$?; }
    return "$r"
  else
    cds_in "${XDG_CACHE_HOME:-${HOME:-}/.cache}/jmodprobe"
  fi
}

# Whether the archive can be used from the cache directory $1 (then $c and $f name it): 0 yes,
# 1 no (this JVM does not take it), 2 no (the directory cannot be used).
cds_in() {
  c=$1
  case $c in /?*) ;; *) return 2 ;; esac
  f=$c/jmodprobe-$id
  if [ -f "$f.ok" ] && ! [ "$j" -nt "$f.ok" ] && ! [ "$j" -ot "$f.ok" ]; then
    # A jar written to since it was copied out (its time is no longer 2000, but later than the
    # archive's) would make the JVM drop the archive: copy it out again.
    [ -f "$f.jsa" ] && [ -f "$f.jar" ] && ! [ "$f.jar" -nt "$f.jsa" ] && return 0
    rm -f "$f.jar" 2>/dev/null
  elif [ -f "$f.no" ] && ! [ "$j" -nt "$f.no" ] && ! [ "$j" -ot "$f.no" ]; then
    return 1
  fi
  cds_prepare 2>/dev/null
}

cds_prepare() {
  [ -d "$c" ] || (umask 077 && mkdir -p "$c") || return 2
  ! [ -L "$c" ] && [ -O "$c" ] && [ -w "$c" ] || return 2
  t=$c/.tmp-$$
  if ! [ -f "$f.jar" ]; then
    dd if="$0" of="$t.jar" bs=4096 skip=$(( (head + jsa) / 4096 )) \
      && [ "$(( $(wc -c <"$t.jar") ))" -eq "$jar" ] \
      && TZ=UTC0 touch -t 200001010000.00 "$t.jar" && mv -f "$t.jar" "$f.jar" \
      || { rm -f "$t.jar"; return 2; }
  fi
  if ! [ -f "$f.jsa" ]; then
    dd if="$0" of="$t.jsa" bs=4096 skip=$(( head / 4096 )) count=$(( jsa / 4096 )) \
      && [ "$(( $(wc -c <"$t.jsa") ))" -eq "$jsa" ] && mv -f "$t.jsa" "$f.jsa" \
      || { rm -f "$t.jsa"; return 2; }
  fi
  rm -f "$f.ok" "$f.no"
  # Files of other builds go (a run that has already started keeps its open jar).
  set +f
  for x in "$c"/jmodprobe-* "$c"/libjmodprobe-*; do
    case $x in "$f".* | "$c/libjmodprobe-$id-"*) ;; *) rm -f "$x" ;; esac
  done
  set -f
  if "$j" $o $l -Xshare:on -XX:SharedArchiveFile="$f.jsa" -cp /proc/self/fd/3 -version \
      3<"$f.jar" >/dev/null 2>&1; then
    touch -r "$j" "$f.ok" && return 0
  else
    touch -r "$j" "$f.no"
  fi
  return 1
}

set -f
if cds && { command exec 3<"$f.jar"; } 2>/dev/null; then
  exec "$j" $o -XX:SharedArchiveFile="$f.jsa" $l $JKMOD_JAVA_OPTIONS \
    -Djkmod.jnidispatch="$c/libjmodprobe-$id-jnidispatch.so" \
    -Djava.util.logging.config.file=/dev/null -Djkmod.argv0="$0" \
    -cp /proc/self/fd/3 io.github.jkmod.cli.Jmodprobe "$@"
fi
exec "$j" $o $l $JKMOD_JAVA_OPTIONS \
  -Djava.util.logging.config.file=/dev/null -Djkmod.argv0="$0" \
  -cp "$0" io.github.jkmod.cli.Jmodprobe "$@"
