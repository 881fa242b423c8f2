#!/usr/bin/env bash
# The start-up and sampling goals of docs/performance.md ("Goals"), measured in one run: each
# command's median wall time over the runs, taken in turns with a bare JVM printing one line, so
# that load from elsewhere on the machine falls on all alike. Prints each ratio beside its goal and
# exits 1 when any goal is missed (2 on bad usage).
#
# Usage: benchmark/goals.sh [runs]     (default: 11 runs of each command)
#   JAVA_HOME          the JDK to measure (default: java on the PATH)
#   ENVELOPE_APP_HOME  an installation to measure (bin/envelope beside lib/, such as an unpacked
#                      distribution); default: this checkout's target/ through src/dist/bin/envelope
# Goals: `estimate examples/twitter.yaml` at most 2.5x `java Hello`; `--help` and `sla 99.9%` at
# most 2x; the Monte Carlo of benchmark/uncertainty/six-workloads.yaml at 100,000 samples at most
# 1.5x the point estimate of the same file (six-workloads-point.yaml: every range at its median, no
# draws); at 1,000,000 samples under 2 s. The file's default run (10,000 draws) is shown beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
case $runs in '' | *[!0-9]* | 0) echo "usage: benchmark/goals.sh [runs]" >&2; exit 2 ;; esac
six=benchmark/uncertainty/six-workloads.yaml
point=benchmark/uncertainty/six-workloads-point.yaml

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
. benchmark/common.sh
prepare examples/twitter.yaml

declare -A t
for _ in $(seq "$runs"); do
  t[hello]+=" $(ms "$java" -cp "$work" Hello)"
  t[estimate]+=" $(ms "$launcher" estimate examples/twitter.yaml)"
  t[help]+=" $(ms "$launcher" --help)"
  t[sla]+=" $(ms "$launcher" sla 99.9%)"
  t[point]+=" $(ms "$launcher" estimate "$point")"
  t[mc10k]+=" $(ms "$launcher" estimate "$six")"
  t[mc100k]+=" $(ms "$launcher" estimate "$six" --samples 100000)"
  t[mc1m]+=" $(ms "$launcher" estimate "$six" --samples 1000000)"
done
declare -A m
# shellcheck disable=SC2086 # each entry is a list of numbers
for k in "${!t[@]}"; do m[$k]=$(median ${t[$k]}); done

echo "java:    $("$java" -version 2>&1 | head -n 1)"
echo "machine: $(nproc) cores, load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "archive: $archive"
echo "runs:    $runs of each, in turns; median wall time in ms"
missed=0
# goal LABEL MS BASE_MS LIMIT: the ratio MS / BASE_MS against LIMIT.
goal() {
  local ratio verdict=ok
  ratio=$(awk -v a="$2" -v b="$3" 'BEGIN {printf "%.2f", a / b}')
  if awk -v r="$ratio" -v l="$4" 'BEGIN {exit !(r > l)}'; then verdict=MISSED; missed=1; fi
  printf '  %-48s %6d   %5.2fx %-22s %s\n' "$1" "$2" "$ratio" "(goal <= ${4}x $5)" "$verdict"
}
printf '  %-48s %6d\n' "java Hello" "${m[hello]}"
goal "estimate examples/twitter.yaml" "${m[estimate]}" "${m[hello]}" 2.5 "Hello"
goal "--help" "${m[help]}" "${m[hello]}" 2 "Hello"
goal "sla 99.9%" "${m[sla]}" "${m[hello]}" 2 "Hello"
printf '  %-48s %6d\n' "estimate six-workloads-point.yaml (the point)" "${m[point]}"
printf '  %-48s %6d   %5.2fx (the file as it is: 10,000 draws; for information)\n' "estimate six-workloads.yaml (10,000 draws)" "${m[mc10k]}" \
  "$(awk -v a="${m[mc10k]}" -v b="${m[point]}" 'BEGIN {printf "%.2f", a / b}')"
goal "estimate six-workloads.yaml --samples 100000" "${m[mc100k]}" "${m[point]}" 1.5 "point"
verdict=ok
if [ "${m[mc1m]}" -ge 2000 ]; then verdict=MISSED; missed=1; fi
printf '  %-48s %6d   %-29s %s\n' "estimate six-workloads.yaml --samples 1000000" "${m[mc1m]}" "(goal < 2000 ms)" "$verdict"
exit $missed
