#!/usr/bin/env bash
# Measures the time from `java -jar <jar> ...` to the first HTTP 200 of a readiness URL, N times,
# and prints each run and the medians: wall time, and the CPU time (user + system) the process had
# used when it became ready, which a busy machine inflates much less than the wall time.
#   [WARMUP=<n>] tools/measure-startup.sh <runs> <url> <command...>
# WARMUP runs first and is not counted (e.g. the launcher's first run, which records its class
# archive).
# Example (what docs/benchmarks.md records):
#   tools/measure-startup.sh 5 http://127.0.0.1:5680/ready java -jar cp-standalone/target/kuma-cp-standalone.jar run
set -euo pipefail
runs=$1; url=$2; shift 2
times=()
cpus=()
ticks=$(getconf CLK_TCK)
warmup=${WARMUP:-0}
for i in $(seq 1 $(( runs + warmup ))); do
  start=$(date +%s%N)
  "$@" >/tmp/measure-startup.$$.log 2>&1 &
  pid=$!
  deadline=$(( $(date +%s) + 60 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "process exited:"; cat /tmp/measure-startup.$$.log; exit 1; fi
    if [ "$(date +%s)" -gt "$deadline" ]; then echo "not ready within 60 s"; kill "$pid"; exit 1; fi
    sleep 0.02
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  # fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks
  read -r -a stat < "/proc/$pid/stat"
  cpu_ms=$(( (stat[13] + stat[14]) * 1000 / ticks ))
  if [ "$i" -gt "$warmup" ]; then
    times+=("$ms")
    cpus+=("$cpu_ms")
    echo "run $(( i - warmup )): ${ms} ms wall, ${cpu_ms} ms CPU"
  else
    echo "warm-up $i: ${ms} ms wall, ${cpu_ms} ms CPU"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
sorted_cpu=($(printf '%s\n' "${cpus[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms wall, ${sorted_cpu[$(( runs / 2 ))]} ms CPU"
rm -f /tmp/measure-startup.$$.log
