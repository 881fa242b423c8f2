#!/usr/bin/env bash
# Side-by-side wall time of envelope and Squiggle on the same six-workload model with ranges.
# Usage: benchmark/uncertainty/compare.sh [runs]   (default 11 runs of each command)
#
# Times whole processes (JVM or Node start included), median of the runs, the cases interleaved
# so that load from elsewhere on the machine falls on all of them alike:
#   squiggle-core  node run-squiggle.mjs N --model core   (@quri/squiggle-lang 0.10.0, run(), sampleCount N;
#                  the main figures only: the fastest Squiggle model, the one the targets use)
#   squiggle-full  node run-squiggle.mjs N                (every figure envelope computes)
#   envelope       ./envelope estimate six-workloads.yaml --samples N
#   envelope-point ./envelope estimate six-workloads-point.yaml   (every range at its median)
# for N = 10,000 and 100,000, then checks the targets: envelope at 100k at least 5x faster than
# Squiggle's core model at 100k and under 0.6 s; envelope at 10k at most 30% slower than the point file.
#
# Environment: JAVA_HOME picks the JDK (its bin/java runs envelope), e.g.
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmark/uncertainty/compare.sh
# ENVELOPE_ARGS and SQUIGGLE_ARGS add arguments to every envelope or Squiggle command
# (e.g. ENVELOPE_ARGS='-o json', SQUIGGLE_ARGS=--all).
# A command that fails is reported with its exit code and first line of stderr, and not timed.
# Exit status: 0 when every command ran and every target is met, 1 otherwise, 2 on a setup error.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-11}
case $runs in '' | *[!0-9]* | 0) echo "compare.sh: runs must be a positive integer (got '$runs')" >&2; exit 2 ;; esac
read -r -a envelope_args <<<"${ENVELOPE_ARGS:-}"
read -r -a squiggle_args <<<"${SQUIGGLE_ARGS:-}"

if [ -n "${JAVA_HOME:-}" ]; then
  [ -x "$JAVA_HOME/bin/java" ] || { echo "compare.sh: no $JAVA_HOME/bin/java (JAVA_HOME)" >&2; exit 2; }
  export PATH="$JAVA_HOME/bin:$PATH"
fi
command -v node >/dev/null || { echo "compare.sh: node not found (Node 18 or later runs Squiggle)" >&2; exit 2; }

# Squiggle: install the pinned package from the lock file when it is missing.
if [ ! -f "$here/node_modules/@quri/squiggle-lang/package.json" ]; then
  echo "installing @quri/squiggle-lang (npm ci)..." >&2
  (cd "$here" && npm ci --no-audit --no-fund >&2) || { echo "compare.sh: npm ci failed" >&2; exit 2; }
fi

# The point file must be the ranged file at its medians.
if ! node "$here/make-point.mjs" "$here/six-workloads.yaml" | cmp -s - "$here/six-workloads-point.yaml"; then
  echo "compare.sh: six-workloads-point.yaml is out of date; regenerate it with" >&2
  echo "  (cd benchmark/uncertainty && node make-point.mjs > six-workloads-point.yaml)" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# envelope: the launcher builds target/envelope.jar on first use or when the sources changed;
# build now so that no timed run includes a build. A failed build shows up as failed envelope rows.
if ! "$root/envelope" --version >/dev/null 2>"$tmp/err"; then
  echo "compare.sh: ./envelope --version failed:" >&2
  tail -n 20 "$tmp/err" >&2
fi

names=(squiggle-core-10k squiggle-core-100k squiggle-full-10k squiggle-full-100k
  envelope-10k envelope-100k envelope-point)
run_case() {
  local squiggle=(node "$here/run-squiggle.mjs") envelope=("$root/envelope" estimate)
  case $1 in
    squiggle-core-10k) "${squiggle[@]}" 10000 --model core "${squiggle_args[@]}" ;;
    squiggle-core-100k) "${squiggle[@]}" 100000 --model core "${squiggle_args[@]}" ;;
    squiggle-full-10k) "${squiggle[@]}" 10000 "${squiggle_args[@]}" ;;
    squiggle-full-100k) "${squiggle[@]}" 100000 "${squiggle_args[@]}" ;;
    envelope-10k) "${envelope[@]}" "$here/six-workloads.yaml" --samples 10000 "${envelope_args[@]}" ;;
    envelope-100k) "${envelope[@]}" "$here/six-workloads.yaml" --samples 100000 "${envelope_args[@]}" ;;
    envelope-point) "${envelope[@]}" "$here/six-workloads-point.yaml" "${envelope_args[@]}" ;;
  esac
}
declare -A shown=(
  [squiggle-core-10k]="node run-squiggle.mjs 10000 --model core${SQUIGGLE_ARGS:+ $SQUIGGLE_ARGS}"
  [squiggle-core-100k]="node run-squiggle.mjs 100000 --model core${SQUIGGLE_ARGS:+ $SQUIGGLE_ARGS}"
  [squiggle-full-10k]="node run-squiggle.mjs 10000${SQUIGGLE_ARGS:+ $SQUIGGLE_ARGS}"
  [squiggle-full-100k]="node run-squiggle.mjs 100000${SQUIGGLE_ARGS:+ $SQUIGGLE_ARGS}"
  [envelope-10k]="envelope estimate six-workloads.yaml --samples 10000${ENVELOPE_ARGS:+ $ENVELOPE_ARGS}"
  [envelope-100k]="envelope estimate six-workloads.yaml --samples 100000${ENVELOPE_ARGS:+ $ENVELOPE_ARGS}"
  [envelope-point]="envelope estimate six-workloads-point.yaml${ENVELOPE_ARGS:+ $ENVELOPE_ARGS}"
)

declare -A failed wall cpu

# One untimed run of each: it warms the file cache and finds the commands that fail.
for name in "${names[@]}"; do
  run_case "$name" >/dev/null 2>"$tmp/err"
  status=$?
  [ "$status" -eq 0 ] || failed[$name]="exit $status: $(grep -v '^$' "$tmp/err" | head -n 1)"
done
# A run with ranges must report percentiles, or it was not a Monte Carlo run.
if [ -z "${failed[envelope-10k]:-}" ] &&
  ! "$root/envelope" estimate "$here/six-workloads.yaml" --samples 10000 -o json 2>/dev/null | grep -q '"uncertainty"'; then
  echo "warning: envelope's JSON for six-workloads.yaml has no \"uncertainty\" object" >&2
fi

# CPU time (user + system) of the commands run so far, from the shell's `times` (its children's line).
cpu_ms() { awk 'NR == 2 {ms = 0; for (i = 1; i <= 2; i++) {split($i, p, /[ms]/); ms += p[1] * 60000 + p[2] * 1000}; printf "%d", ms}' "$1"; }

load_before=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')
for _ in $(seq "$runs"); do
  for name in "${names[@]}"; do
    [ -n "${failed[$name]:-}" ] && continue
    times >"$tmp/before"
    start=$(date +%s%N)
    run_case "$name" >/dev/null 2>"$tmp/err"
    status=$?
    end=$(date +%s%N)
    times >"$tmp/after"
    if [ "$status" -ne 0 ]; then
      failed[$name]="exit $status: $(grep -v '^$' "$tmp/err" | head -n 1)"
      continue
    fi
    wall[$name]="${wall[$name]:-} $(((end - start) / 1000000))"
    cpu[$name]="${cpu[$name]:-} $(($(cpu_ms "$tmp/after") - $(cpu_ms "$tmp/before")))"
  done
done
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
spread() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%s-%s", lo, hi}'; }

declare -A ms
echo "machine: $(nproc) cores, load average $load_before before, $load_after after"
echo "$(java -version 2>&1 | head -n 1); node $(node --version); @quri/squiggle-lang $(node -p 'require("'"$here"'/node_modules/@quri/squiggle-lang/package.json").version')"
echo "runs: $runs each, interleaved; whole-process wall time (median, min-max) and CPU time (user + sys, median)"
printf '%-19s %9s %12s %8s  %s\n' case "wall ms" "min-max" "cpu ms" command
for name in "${names[@]}"; do
  if [ -n "${failed[$name]:-}" ]; then
    printf '%-19s %9s %12s %8s  %s\n' "$name" FAILED "" "" "${shown[$name]}"
    printf '%-19s   %s\n' "" "${failed[$name]}"
  else
    ms[$name]=$(median "${wall[$name]}")
    printf '%-19s %9s %12s %8s  %s\n' "$name" "${ms[$name]}" "$(spread "${wall[$name]}")" \
      "$(median "${cpu[$name]}")" "${shown[$name]}"
  fi
done

echo
ok=0
check() { # label, verdict (pass, fail or n/a), detail
  printf '%-50s %-5s %s\n' "$1" "$2" "$3"
  [ "$2" = pass ] || ok=1
}
if [ -n "${ms[envelope-100k]:-}" ] && [ -n "${ms[squiggle-core-100k]:-}" ]; then
  speedup=$(awk -v s="${ms[squiggle-core-100k]}" -v e="${ms[envelope-100k]}" 'BEGIN {printf "%.2f", s / e}')
  verdict=$(awk -v x="$speedup" 'BEGIN {print (x >= 5 ? "pass" : "fail")}')
  check "100k: squiggle-core / envelope >= 5.00" "$verdict" "${speedup}x (${ms[squiggle-core-100k]} ms / ${ms[envelope-100k]} ms)"
else
  check "100k: squiggle-core / envelope >= 5.00" n/a "a command failed"
fi
if [ -n "${ms[envelope-100k]:-}" ] && [ -n "${ms[squiggle-full-100k]:-}" ]; then
  speedup=$(awk -v s="${ms[squiggle-full-100k]}" -v e="${ms[envelope-100k]}" 'BEGIN {printf "%.2f", s / e}')
  printf '%-50s %-5s %s\n' "100k: squiggle-full / envelope (for information)" "" "${speedup}x"
fi
if [ -n "${ms[envelope-100k]:-}" ]; then
  verdict=$([ "${ms[envelope-100k]}" -lt 600 ] && echo pass || echo fail)
  check "100k: envelope < 600 ms" "$verdict" "${ms[envelope-100k]} ms"
else
  check "100k: envelope < 600 ms" n/a "a command failed"
fi
if [ -n "${ms[envelope-10k]:-}" ] && [ -n "${ms[envelope-point]:-}" ]; then
  extra=$(awk -v r="${ms[envelope-10k]}" -v p="${ms[envelope-point]}" 'BEGIN {printf "%+.1f", 100 * (r / p - 1)}')
  verdict=$(awk -v x="$extra" 'BEGIN {print (x <= 30 ? "pass" : "fail")}')
  check "10k: envelope with ranges vs point file <= +30%" "$verdict" "${extra}% (${ms[envelope-10k]} ms / ${ms[envelope-point]} ms)"
else
  check "10k: envelope with ranges vs point file <= +30%" n/a "a command failed"
fi
exit "$ok"
