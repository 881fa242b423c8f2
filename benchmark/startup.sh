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

if [ -n "${JAVA_HOME:-}" ]; then
  java=$JAVA_HOME/bin/java
  javac=$JAVA_HOME/bin/javac
else
  java=$(command -v java)
  javac=$(command -v javac)
fi

if [ -n "${ENVELOPE_APP_HOME:-}" ]; then
  launcher=$ENVELOPE_APP_HOME/bin/envelope
  unset ENVELOPE_APP_HOME
else
  [ -f target/envelope.jar ] || ./mvnw -B -q -DskipTests package >&2
  launcher=src/dist/bin/envelope
  export ENVELOPE_APP_HOME=$PWD/target
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello"); } }\n' >"$work/Hello.java"
"$javac" -d "$work" "$work/Hello.java"

# First use records the archive in the background; wait for it.
"$launcher" estimate "$example" >/dev/null
for _ in $(seq 120); do
  if ls "$XDG_CACHE_HOME"/envelope/*.jsa "$XDG_CACHE_HOME"/envelope/*.aot >/dev/null 2>&1 \
    && ! ls -d "$XDG_CACHE_HOME"/envelope/*.lock >/dev/null 2>&1; then
    break
  fi
  sleep 1
done
archive=$(ls "$XDG_CACHE_HOME"/envelope/ 2>/dev/null | grep -E '\.(jsa|aot)$' || echo "none (ENVELOPE_CDS=off?)")

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
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
h=$(median "${hello[@]}")
e=$(median "${estimate[@]}")
p=$(median "${help[@]}")

echo "java:    $("$java" -version 2>&1 | head -n 1) ($java)"
echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)"
echo "archive: $archive"
echo "runs:    $runs each, in turns; median wall time"
printf '  %-40s %5d ms\n' "java Hello" "$h"
printf '  %-40s %5d ms   ratio %.2f (goal <= 3)\n' "envelope estimate $example" "$e" "$(awk -v a="$e" -v b="$h" 'BEGIN {print a / b}')"
printf '  %-40s %5d ms   ratio %.2f (goal <= 2)\n' "envelope --help" "$p" "$(awk -v a="$p" -v b="$h" 'BEGIN {print a / b}')"
