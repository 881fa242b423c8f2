#!/usr/bin/env bash
# How time and memory grow with the work, at the largest work the work budget accepts
# (docs/errors.md#the-work-budget) and at ten times less: each case is run at both sizes, in turns,
# and its median wall time, processor time and peak resident memory printed with the ratio of the
# two. Exits 1 when a ratio is past 12.5 (ten times the work, plus a quarter), which would mean
# time or memory growing faster than the work; 2 on bad usage or a failed run.
#
# Usage: benchmark/scaling.sh [runs]     (default: 3 runs of each size)
#   JAVA_HOME          the JDK to measure (default: java on the PATH)
#   ENVELOPE_APP_HOME  an installation to measure (default: this checkout's target/)
# The cases:
#   sweep      `sweep` of a file of 1,000 workloads at the caps, varying users.dau over the most
#              values the work budget accepts (found from its refusal of 10,000), and a tenth of them
#   point      `estimate` of a file of 1,000 workloads, and of 100
#   sampled    `estimate --samples 10000` of 1,000 ranged workloads, and of 100
# Needs /usr/bin/time and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
case $runs in '' | *[!0-9]* | 0) echo "usage: benchmark/scaling.sh [runs]" >&2; exit 2 ;; esac
[ -x /usr/bin/time ] || { echo "benchmark/scaling.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
. benchmark/common.sh
prepare examples/twitter.yaml

python3 - "$work" <<'EOF'
import sys
d = sys.argv[1]
def plain(n):
    # The file the work budget was measured on: three values a workload.
    return ("users: {dau: 100M}\nstorage: {retention: 1y}\nworkloads:\n"
            + "".join(f"  w{i}: {{reads_per_user: 5, writes_per_user: 1, payload: 1KB}}\n" for i in range(n)))
def ranged(n):
    return ("users: {dau: 8M to 12M}\nstorage: {retention: 1y}\nworkloads:\n"
            + "".join(f"  w{i}: {{reads_per_user: 5 to 15, writes_per_user: 1 to 2, payload: 1KB to 3KB}}\n"
                      for i in range(n)))
for n in (100, 1000):
    open(f"{d}/plain-{n}.yaml", "w").write(plain(n))
    open(f"{d}/ranged-{n}.yaml", "w").write(ranged(n))
EOF

# The values 1M, 2M, ... nM of users.dau.
values() { python3 -c "import sys; print(','.join(f'{i}M' for i in range(1, int(sys.argv[1]) + 1)))" "$1"; }
refusal=$("$launcher" sweep "$work/plain-1000.yaml" --vary users.dau="$(values 10000)" 2>&1 >/dev/null || true)
most=$(printf '%s\n' "$refusal" | sed -n 's/.*expected --vary of at most \([0-9,]*\).*/\1/p' | tr -d ,)
[ -n "$most" ] || { echo "benchmark/scaling.sh: the work budget did not refuse 10,000 values: $refusal" >&2; exit 2; }
tenth=$(((most + 5) / 10))

# Each case: a label, then the command at ten times less work and at the full work.
cases=(sweep point sampled)
declare -A label small large
label[sweep]="sweep of 1,000 workloads, --vary users.dau=  ($tenth | $most values)"
small[sweep]="sweep $work/plain-1000.yaml --vary users.dau=$(values "$tenth")"
large[sweep]="sweep $work/plain-1000.yaml --vary users.dau=$(values "$most")"
label[point]="estimate of  (100 | 1,000 workloads)"
small[point]="estimate $work/plain-100.yaml"
large[point]="estimate $work/plain-1000.yaml"
label[sampled]="estimate --samples 10000 of  (100 | 1,000 ranged workloads)"
small[sampled]="estimate $work/ranged-100.yaml --samples 10000"
large[sampled]="estimate $work/ranged-1000.yaml --samples 10000"

# Runs a command once; appends its wall ms, processor ms and peak KB to the lists named by KEY.
declare -A wall cpu peak
measure() {
  local key=$1
  shift
  # shellcheck disable=SC2068 # the command is split into words on purpose
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$launcher" $@ >/dev/null 2>"$work/err" \
    || { echo "failed: $*" >&2; cat "$work/err" >&2; exit 2; }
  read -r e u s m <"$work/time"
  wall[$key]+=" $(awk -v e="$e" 'BEGIN {printf "%d", e * 1000}')"
  cpu[$key]+=" $(awk -v u="$u" -v s="$s" 'BEGIN {printf "%d", (u + s) * 1000}')"
  peak[$key]+=" $m"
}
for _ in $(seq "$runs"); do
  for c in "${cases[@]}"; do
    measure "$c.small" "${small[$c]}"
    measure "$c.large" "${large[$c]}"
  done
done

echo "java:    $("$java" -version 2>&1 | head -n 1)"
echo "machine: $(nproc) cores, load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "runs:    $runs of each, in turns; medians (peak memory: the largest); ten times less | the full work"
printf '  %-62s %17s %17s %17s\n' "" "wall ms" "processor ms" "peak MB"
over=0
# ratio A B: B / A, and whether it is past 12.5.
ratio() {
  local r
  r=$(awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b / a}')
  if awk -v r="$r" 'BEGIN {exit !(r > 12.5)}'; then over=1; r="$r!"; fi
  printf '%s' "$r"
}
for c in "${cases[@]}"; do
  # shellcheck disable=SC2086 # each entry is a list of numbers
  ws=$(median ${wall[$c.small]}) wl=$(median ${wall[$c.large]})
  # shellcheck disable=SC2086
  cs=$(median ${cpu[$c.small]}) cl=$(median ${cpu[$c.large]})
  # shellcheck disable=SC2086
  ms=$(printf '%s\n' ${peak[$c.small]} | sort -n | tail -1) ml=$(printf '%s\n' ${peak[$c.large]} | sort -n | tail -1)
  printf '  %-62s %17s %17s %17s\n' "${label[$c]}" "$ws | $wl" "$cs | $cl" "$((ms / 1024)) | $((ml / 1024))"
  printf '  %-62s %17s %17s %17s\n' "  growth for ten times the work (at most 12.5)" "x$(ratio "$ws" "$wl")" \
    "x$(ratio "$cs" "$cl")" "x$(ratio "$ms" "$ml")"
done
[ "$over" -eq 0 ] || echo "time or memory grew faster than the work (marked !)"
exit $over
