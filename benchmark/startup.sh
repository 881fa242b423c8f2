#!/usr/bin/env bash
# Median wall time of `./envelope estimate` (the launcher) on an example beside `java -version` (the JVM floor).
# Usage: benchmark/startup.sh [runs] [example]   (defaults: 21 runs, examples/twitter.yaml)
# Builds target/envelope.jar first if needed. Prints milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
example=${2:-examples/twitter.yaml}
[ -f target/envelope.jar ] || mvn -B -q -DskipTests package >&2

median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

java -version 2>&1 | head -n 1
floor=$(median_ms java -version)
estimate=$(median_ms ./envelope estimate "$example")
echo "runs: $runs"
echo "java -version:                  ${floor} ms (median)"
echo "envelope estimate $example: ${estimate} ms (median)"
awk -v a="$estimate" -v b="$floor" 'BEGIN {printf "ratio: %.2f\n", a / b}'
