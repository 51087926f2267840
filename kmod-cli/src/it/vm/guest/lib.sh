# jkmod VM harness, guest side: helpers shared by the scenarios (sourced by main.sh).
# Written with bash builtins where it matters: every fork is slow under software emulation.

# Prints the names of the loaded modules, one a line, in /proc/modules order.
modules_loaded() { local n rest; while read -r n rest; do echo "$n"; done < /proc/modules; }

# Prints /proc/modules without the load address (which differs between loads).
modules_snapshot() { local n s r h st a; while read -r n s r h st a; do echo "$n $s $r $h $st"; done < /proc/modules; }

# True when line LINE is one of the lines of LIST.
in_list() { [[ $'\n'"$2"$'\n' == *$'\n'"$1"$'\n'* ]]; }

# Unloads every module that was not loaded at boot (BASELINE: the output of modules_loaded then).
reset_modules() {
  local baseline=$1 pass name left
  for pass in 1 2 3 4 5 6; do
    left=0
    for name in $(modules_loaded); do
      in_list "$name" "$baseline" && continue
      left=1
      rmmod "$name" 2>/dev/null
    done
    [ "$left" = 0 ] && return 0
  done
  echo "JKVM-WARN could not unload: $(modules_loaded | grep -vxF "$baseline" | tr '\n' ' ')"
  return 1
}

# Prints the state of module NAME as the kernel shows it: its initstate ("dir-without-initstate"
# when /sys/module/NAME has none, "nodir" when there is no /sys/module/NAME) and its /proc/modules
# state ("-" when it has no line there).
module_state() {
  local name=$1 init proc=- n s r h st a
  if [ -r "/sys/module/$name/initstate" ]; then read -r init < "/sys/module/$name/initstate"
  elif [ -d "/sys/module/$name" ]; then init=dir-without-initstate
  else init=nodir; fi
  while read -r n s r h st a; do [ "$n" = "$name" ] && proc=$st; done < /proc/modules
  echo "$name initstate=$init proc=$proc"
}

# Prints NAME and the modules it depends on by symbols (its modules.dep line; softdeps are not
# included: a softdep may fail to load without harm, as crc32c-intel does on a CPU without SSE4.2).
module_chain() {
  local name=$1 file deps d n
  echo "$name"
  IFS=: read -r file deps <<< "$(grep -m1 "/${name}\.ko[.a-z]*:" "/lib/modules/$KV/modules.dep")"
  for d in $deps; do n=${d##*/}; n=${n%%.ko*}; echo "${n//-/_}"; done
}

# Microseconds since the epoch; elapsed START END prints END - START in seconds.
now() { echo "${EPOCHREALTIME/./}"; }
elapsed() { local d=$(( $2 - $1 )); printf '%d.%02d' $((d / 1000000)) $((d % 1000000 / 10000)); }
