#!/usr/bin/env bash
# Measures the time from `java -jar <jar> ...` to the first HTTP 200 of a readiness URL, N times,
# and prints each run and the median in milliseconds.
#   tools/measure-startup.sh <runs> <url> <command...>
# Example (what docs/benchmarks.md records):
#   tools/measure-startup.sh 5 http://127.0.0.1:5680/ready java -jar cp-standalone/target/kuma-cp-standalone.jar run
set -euo pipefail
runs=$1; url=$2; shift 2
times=()
for i in $(seq 1 "$runs"); do
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
  times+=("$ms")
  echo "run $i: ${ms} ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms"
rm -f /tmp/measure-startup.$$.log
