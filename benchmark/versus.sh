#!/usr/bin/env bash
# Two installations of envelope side by side: the median wall time of the same commands, run in
# turns with a bare JVM printing one line, so that load from elsewhere on the machine falls on both
# alike. For a change that must not make envelope slower (start-up, the Monte Carlo), measure the
# build before it and the build after it in one run.
#
# Usage: benchmark/versus.sh OLD NEW [runs]     (default: 15 runs of each command)
#   OLD, NEW   installations: directories with bin/envelope beside envelope.jar or lib/ (an
#              unpacked distribution, or a copy of target/ with src/dist/bin/ as its bin/)
#   JAVA_HOME  the JDK both run on (default: java on the PATH)
# The commands: `estimate examples/twitter.yaml`, `--help`, `sla 99.9%`, the point estimate of
# benchmark/uncertainty/six-workloads-point.yaml, and the Monte Carlo of
# benchmark/uncertainty/six-workloads.yaml at 100,000 samples (with each build's ratio of the two,
# the sampling goal of docs/performance.md). A file may be given in place of the
# Twitter example with TWITTER=FILE (e.g. the version of the file that the old build reads).
# Each installation records its class-data archive in a cache directory of its own before timing.
# Prints a line per command: the old and new medians in ms (wall and processor time) and new/old,
# then each build's 100,000 samples over its point.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: benchmark/versus.sh OLD NEW [runs]" >&2; exit 2; }
old=$(cd "$1" && pwd) new=$(cd "$2" && pwd) runs=${3:-15}
twitter=${TWITTER:-examples/twitter.yaml}
six=benchmark/uncertainty/six-workloads.yaml
point=benchmark/uncertainty/six-workloads-point.yaml
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java javac=$JAVA_HOME/bin/javac
else java=$(command -v java) javac=$(command -v javac); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello"); } }\n' >"$work/Hello.java"
"$javac" -d "$work" "$work/Hello.java"

# envelope from installation $1 (old or new), with its own cache for the archive.
run() {
  local home=$1; shift
  XDG_CACHE_HOME=$work/cache-${home##*/} ENVELOPE_APP_HOME=$home "$home/bin/envelope" "$@"
}
for side in "$old" "$new"; do
  run "$side" estimate "$twitter" >/dev/null
  for _ in $(seq 120); do # the launcher records the archive in the background on first use
    ls -d "$work/cache-${side##*/}"/envelope/*.lock >/dev/null 2>&1 || break
    sleep 1
  done
done

# Wall time in ms, and the processor time (user and system, all threads) in ms into $work/cpu,
# which load from elsewhere on the machine changes far less than the wall time.
ms() {
  local start end
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -o "$work/cpu" -f '%U %S' "$@" >/dev/null 2>&1 || true
  else
    "$@" >/dev/null 2>&1 || true
    echo '0 0' >"$work/cpu"
  fi
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
cpu() { awk '{printf "%d", ($1 + $2) * 1000}' "$work/cpu"; }
names=(hello estimate help sla point mc100k)
declare -A times cpus
for _ in $(seq "$runs"); do
  times[hello]+=" $(ms "$java" -cp "$work" Hello)"
  cpus[hello]+=" $(cpu)"
  for side in old new; do
    home=$old; [ $side = new ] && home=$new
    run=(env XDG_CACHE_HOME="$work/cache-${home##*/}" ENVELOPE_APP_HOME="$home" "$home/bin/envelope")
    times[estimate-$side]+=" $(ms "${run[@]}" estimate "$twitter")"; cpus[estimate-$side]+=" $(cpu)"
    times[help-$side]+=" $(ms "${run[@]}" --help)"; cpus[help-$side]+=" $(cpu)"
    times[sla-$side]+=" $(ms "${run[@]}" sla 99.9%)"; cpus[sla-$side]+=" $(cpu)"
    times[point-$side]+=" $(ms "${run[@]}" estimate "$point")"; cpus[point-$side]+=" $(cpu)"
    times[mc100k-$side]+=" $(ms "${run[@]}" estimate "$six" --samples 100000)"; cpus[mc100k-$side]+=" $(cpu)"
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

echo "java:    $("$java" -version 2>&1 | head -n 1)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "old:     $old"
echo "new:     $new"
echo "runs:    $runs of each, in turns; medians in ms of the wall time, and of the processor time"
printf '  %-44s %7s %7s %8s   %7s %7s %8s\n' command "old" "new" "new/old" "old cpu" "new cpu" "new/old"
printf '  %-44s %7d %7s %8s   %7d\n' "java Hello" "$(median "${times[hello]}")" "" "" "$(median "${cpus[hello]}")"
for name in "${names[@]:1}"; do
  case $name in
    estimate) label="estimate $twitter" ;;
    help) label="--help" ;;
    sla) label="sla 99.9%" ;;
    point) label="estimate six-workloads-point.yaml (the point)" ;;
    mc100k) label="estimate six-workloads.yaml --samples 100000" ;;
  esac
  o=$(median "${times[$name-old]}") n=$(median "${times[$name-new]}")
  oc=$(median "${cpus[$name-old]}") nc=$(median "${cpus[$name-new]}")
  printf '  %-44s %7d %7d %8.2f   %7d %7d %8.2f\n' "$label" "$o" "$n" "$(awk -v a="$n" -v b="$o" 'BEGIN {print a / b}')" \
    "$oc" "$nc" "$(awk -v a="$nc" -v b="$oc" 'BEGIN {print (b > 0 ? a / b : 0)}')"
done
# The sampling goal of docs/performance.md: 100,000 samples against the point, for each build.
ratio() { awk -v a="$(median "${times[mc100k-$1]}")" -v b="$(median "${times[point-$1]}")" 'BEGIN {printf "%.2f", a / b}'; }
echo "  100,000 samples / the point (goal <= 1.5):  old $(ratio old)x, new $(ratio new)x"
