#!/usr/bin/env bash
# Start-up time of the shipped launcher beside a bare JVM printing one line: the median wall time of
# `envelope estimate EXAMPLE` and of `envelope --help`, each divided by the median of `java Hello`
# (a one-line class compiled here), measured in turns on the same machine. Goals: estimate at most
# 3x, --help at most 2x (docs/performance.md).
#
# Usage: benchmark/startup.sh [runs] [example]     (defaults: 21 runs, examples/twitter.yaml)
#   JAVA_HOME        the JDK to measure (default: java on the PATH)
#   ENVELOPE_APP_HOME  an installation to measure (a directory with bin/envelope and lib/, such as
#                    an unpacked distribution); default: this checkout's target/ through
#                    src/dist/bin/envelope, the same launcher (built first if needed)
# The launcher's archive is recorded afresh in a temporary cache directory before timing starts.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
example=${2:-examples/twitter.yaml}

. benchmark/common.sh
prepare "$example"

hello=()
estimate=()
help=()
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
for _ in $(seq "$runs"); do
  hello+=("$(ms "$java" -cp "$work" Hello)")
  estimate+=("$(ms "$launcher" estimate "$example")")
  help+=("$(ms "$launcher" --help)")
done
h=$(median "${hello[@]}")
e=$(median "${estimate[@]}")
p=$(median "${help[@]}")

echo "java:    $("$java" -version 2>&1 | head -n 1) ($java)"
echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)"
echo "archive: $archive"
echo "runs:    $runs each, in turns; median wall time"
printf '  %-40s %5d ms\n' "java Hello" "$h"
printf '  %-40s %5d ms   ratio %.2f (goal <= 2.5)\n' "envelope estimate $example" "$e" "$(awk -v a="$e" -v b="$h" 'BEGIN {print a / b}')"
printf '  %-40s %5d ms   ratio %.2f (goal <= 2)\n' "envelope --help" "$p" "$(awk -v a="$p" -v b="$h" 'BEGIN {print a / b}')"
