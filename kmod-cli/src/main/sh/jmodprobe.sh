#!/bin/sh
# jmodprobe - jkmod's drop-in replacement for modprobe.
# This file is a POSIX sh launcher followed by a Java archive: the shell never reads past the
# exec line below, and the JVM reads the archive at the end of the file.
# Needs a Java 17+ runtime: $JAVA_HOME/bin/java, else java on PATH, else a usual JDK location.
# Extra JVM options can be given in JKMOD_JAVA_OPTIONS.
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
set -f
# Start-up flags: C1 only, serial GC, no perf-data file in /tmp, the JDK's class-data archive if
# usable; JVM warnings (which go to stdout by default) off, errors on stderr. No application
# class-data archive of our own: a partly written one (a parallel first run, a full disk) makes
# JDK 17 die of SIGBUS, and the gain measured was a few milliseconds. Library diagnostics
# (System.Logger) are not printed: what modprobe prints is printed by jmodprobe itself.
exec "$j" -XX:+IgnoreUnrecognizedVMOptions -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -XX:-UsePerfData -Xshare:auto -Xlog:disable -Xlog:all=error:stderr $JKMOD_JAVA_OPTIONS \
  -Djava.util.logging.config.file=/dev/null -Djkmod.argv0="$0" -cp "$0" io.github.jkmod.cli.Jmodprobe "$@"
