#!/usr/bin/env bash
# The hostile inputs of the bounded-resources review, run by two builds side by side, each run in a
# JVM of its own with the launcher's defaults: exit code, wall time, peak resident memory, and the
# first line of stderr. Each run is stopped after BOUND seconds (default 100).
#
#   benchmark/bounded.sh OLD-APP-DIR NEW-APP-DIR
#
# An APP-DIR holds envelope.jar and its lib/ (target/ after ./mvnw -B -q -DskipTests package).
# Both builds run the same generated files, one after the other, so a shared machine's load
# touches both alike. Needs /usr/bin/time and python3.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OLD-APP-DIR NEW-APP-DIR" >&2; exit 2; }
old=$1 new=$2 bound=${BOUND:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'EOF'
import sys
d = sys.argv[1]
def w(name, text):
    open(f"{d}/{name}", "w").write(text)
def ranged(n):
    return ("users: {dau: 8M to 12M}\nstorage: {retention: 1y}\nworkloads:\n"
            + "".join(f"  w{i}: {{reads_per_user: 5 to 15, writes_per_user: 1 to 2, payload: 1KB to 3KB}}\n"
                      for i in range(n)))
w("percentile.yaml", "traffic: {peak: {model: poisson, percentile: 1e-999999999}}\nworkloads: {a: {reads: 1/s}}\n")
w("hedge.yaml", "workloads:\n  s: {reads: 100/s, fanout: 10, call_latency: {p50: 5ms, p99: 50ms}, hedge_after: 1e-999999}\n")
w("ranged-5000.yaml", ranged(5000))
w("ranged-1000.yaml", ranged(1000))
w("ranged-50.yaml", ranged(50))
w("bad-components.yaml", "workloads: {a: {reads: 1/s}}\navailability:\n  components: [" + ",".join("1" for _ in range(200000)) + "]\n")
w("minimal-44000.yaml", "workloads: {" + ",".join(f"{i}: {{reads: 1}}" for i in range(44000)) + "}\n")
w("workloads-1000.yaml", "users: {dau: 100M}\nworkloads:\n" + "".join(f"  w{i}: {{reads_per_user: 5, payload: 1KB}}\n" for i in range(1000)))
w("workloads-14000.yaml", "users: {dau: 100M}\nworkloads:\n" + "".join(f"  w{i}: {{reads_per_user: 5, payload: 1KB}}\n" for i in range(14000)))
w("availability.yaml", "workloads: {a: {reads: 1/s}}\navailability:\n  target: 99.9%\n  components:\n    - {name: c, availability: 1e-20, replicas: 2}\n")
w("payload.yaml", "workloads: {a: {reads: 1/s, payload: 1B to 1e200B}}\n")
w("small.yaml", "users: {dau: 1M}\nworkloads: {a: {reads_per_user: 10, payload: 1KB}}\n")
EOF
side=$(python3 -c 'print(";".join(str(i) + "M" for i in range(1, 101)))')
reps=$(python3 -c 'print(";".join(str(i) for i in range(1, 101)))')
deep=$(python3 -c 'print(".".join(["a"] * 3000) + "=1")')
runs=(
  "estimate percentile.yaml"
  "estimate hedge.yaml"
  "estimate ranged-5000.yaml"
  "validate ranged-5000.yaml"
  "estimate ranged-50.yaml --samples 1M"
  "estimate ranged-1000.yaml"
  "validate bad-components.yaml"
  "estimate minimal-44000.yaml"
  "sweep workloads-1000.yaml --vary users.dau=$side --vary storage.replication=$reps"
  "explain workloads-14000.yaml -o json"
  "estimate small.yaml --set $deep"
  "sla 1e-2147483647%"
  "estimate availability.yaml"
  "estimate payload.yaml -o json"
  "estimate payload.yaml"
  "estimate small.yaml --histogram capacity.bound_by"
  "keyspace --bits 1023 --rate 1/year"
  "sla --downtime 1e-10s"
)
printf '%-4s %-52s %5s %8s %8s  %s\n' build command exit "wall s" "peak MB" "first line of stderr"
for run in "${runs[@]}"; do
  for build in old new; do
    app=${!build}
    # shellcheck disable=SC2086
    set -- $run
    shown=$(printf '%s' "$run" | cut -c1-52)
    ( cd "$dir" && /usr/bin/time -o "$dir/time" -f '%e %M' timeout -k 5 "$bound" \
        java -cp "$app/envelope.jar:$app/lib/*" dev.envelope.Main "$@" > /dev/null 2> "$dir/err" ) && code=0 || code=$?
    read -r wall peak < <(tail -1 "$dir/time" 2>/dev/null || echo "? ?")
    [ "$code" -eq 124 ] || [ "$code" -eq 137 ] && { wall=">$bound"; peak="?"; }
    first=$( (grep -v "^\s*at " "$dir/err" || true) | head -1 | cut -c1-110)
    printf '%-4s %-52s %5s %8s %8s  %s\n' "$build" "$shown" "$code" "$wall" \
        "$([ "$peak" = "?" ] && echo "?" || echo $((peak / 1024)))" "$first"
  done
done
