# Shared by bin/kuma-cp-standalone, bin/kuma-cp-zone and bin/kuma-cp-global (sourced, POSIX sh).
#
# launch <role> <args...> runs lib/kuma-cp-<role>.jar with JAVA (default: java from PATH) and
# JAVA_OPTS.
#
# Class-data sharing: the first `run` records every class the control plane loaded into an AppCDS
# archive, written when the process exits (-XX:ArchiveClassesAtExit); later runs map it
# (-XX:SharedArchiveFile), which roughly halves the CPU time of start-up. The archive is kept in
# KUMA_CDS_DIR (default: ${XDG_CACHE_HOME:-$HOME/.cache}/kuma-cp), keyed by the jar and the java
# binary, so an upgrade of either makes a new one. KUMA_CDS=off runs without it.
launch() {
  role=$1
  shift
  jar="$here/lib/kuma-cp-$role.jar"
  java=${JAVA:-java}
  if [ "${KUMA_CDS:-on}" = off ] || [ "${1:-}" != run ]; then
    exec "$java" ${JAVA_OPTS:-} -jar "$jar" "$@"
  fi
  java_path=$(command -v "$java" 2>/dev/null || echo "$java")
  java_real=$(readlink -f "$java_path" 2>/dev/null || echo "$java_path")
  key=$(printf '%s|%s|%s|%s' "$jar" "$(stat -c '%s-%Y' "$jar" 2>/dev/null)" "$java_real" \
    "$(stat -c '%s-%Y' "$java_real" 2>/dev/null)" | cksum | cut -d' ' -f1)
  dir=${KUMA_CDS_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/kuma-cp}
  archive="$dir/kuma-cp-$role-$key.jsa"
  quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
  if [ -f "$archive" ]; then
    exec "$java" -XX:SharedArchiveFile="$archive" $quiet ${JAVA_OPTS:-} -jar "$jar" "$@"
  fi
  if ! mkdir -p "$dir" 2>/dev/null || [ ! -w "$dir" ]; then
    exec "$java" ${JAVA_OPTS:-} -jar "$jar" "$@"
  fi
  # The recording run: java stays a child so that the archive can be moved into place once it is
  # complete; TERM and INT are passed on, as a service manager sends them.
  tmp="$archive.$$.tmp"
  "$java" -XX:ArchiveClassesAtExit="$tmp" $quiet ${JAVA_OPTS:-} -jar "$jar" "$@" &
  pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null' TERM
  trap 'kill -INT "$pid" 2>/dev/null' INT
  while :; do
    wait "$pid"
    status=$?
    kill -0 "$pid" 2>/dev/null || break
  done
  if [ -s "$tmp" ]; then
    mv -f "$tmp" "$archive"
  else
    rm -f "$tmp"
  fi
  exit "$status"
}
