#!/usr/bin/env bash
# The two distributions side by side: the java-archive (bin/envelope on a JDK) and the
# self-contained archive (a jlinked runtime with its class-data archive recorded at package time),
# each unpacked into a temporary directory. Start-up: the median wall time of `estimate
# examples/twitter.yaml`, `--help` and `sla 99.9%`, each on a first run (an empty cache directory:
# the java-archive has no archive yet and records one in the background, which is awaited and
# deleted before the next command) and on later runs, all taken in turns with a bare `java Hello`
# so that load from elsewhere on the machine falls on all alike. Size: each archive's bytes, and
# its bytes unpacked. Prints the machine's load before and after.
#
# Usage: benchmark/distributions.sh [runs]     (default: 11 runs of each command)
#   JAVA_HOME  the JDK the java-archive runs on (default: java on the PATH); the self-contained
#              archive runs on its own, that of the JDK that built it (which should be the same)
# The archives are those in target/jreleaser/assemble/ (built first with the dist profile if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
case $runs in '' | *[!0-9]* | 0) echo "usage: benchmark/distributions.sh [runs]" >&2; exit 2 ;; esac

. benchmark/common.sh
pick_jdk
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
tgz=target/jreleaser/assemble/envelope/java-archive/envelope-$version.tgz
zip=target/jreleaser/assemble/envelope/java-archive/envelope-$version.zip
jlink=target/jreleaser/assemble/envelope-standalone/jlink/envelope-$version-linux-x86_64.tar.gz
if [ ! -f "$tgz" ] || [ ! -f "$jlink" ]; then
  ./mvnw -B -q -Pdist -DskipTests verify >&2
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
make_work
mkdir "$work/jar" "$work/image"
tar xzf "$tgz" -C "$work/jar"
tar xzf "$jlink" -C "$work/image"
jar_home=$work/jar/envelope-$version
image_home=$work/image/envelope-$version-linux-x86_64
# The self-contained archive is run as by a user without Java: no JAVA_HOME, no java on the PATH.
mkdir "$work/path"
for c in cksum find mkdir mv readlink rm rmdir sed stty wc; do ln -s "$(command -v "$c")" "$work/path/$c"; done

jar() { JAVA_HOME=${java%/bin/java} "$jar_home/bin/envelope" "$@"; }
image() { env -u JAVA_HOME PATH="$work/path" "$image_home/bin/envelope" "$@"; }
# Any recording under way has ended; settle also empties the cache.
recorded() { while ls -d "$XDG_CACHE_HOME"/envelope/*.lock >/dev/null 2>&1; do sleep 0.2; done; }
settle() { recorded; rm -rf "$XDG_CACHE_HOME"; }
commands=("estimate examples/twitter.yaml" "--help" "sla 99.9%")
declare -A t
cd "$work/jar/envelope-$version" # examples/ is in both
for _ in $(seq "$runs"); do
  t[hello]+=" $(ms "$java" -cp "$work" Hello)"
  for i in 0 1 2; do
    # shellcheck disable=SC2086 # the words of a command
    set -- ${commands[$i]}
    settle
    t[jar-first-$i]+=" $(ms jar "$@")"
    settle
    t[image-first-$i]+=" $(ms image "$@")"
    settle
    jar "$@" >/dev/null 2>&1 # records the java-archive's archive
    recorded
    t[jar-later-$i]+=" $(ms jar "$@")"
    t[image-later-$i]+=" $(ms image "$@")"
  done
done
cd - >/dev/null
declare -A m
# shellcheck disable=SC2086 # each entry is a list of numbers
for k in "${!t[@]}"; do m[$k]=$(median ${t[$k]}); done

echo "java:    $("$java" -version 2>&1 | head -n 1) (java-archive); $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$image_home/release") (self-contained)"
echo "machine: $(nproc) cores, load $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "runs:    $runs of each, in turns; median wall time in ms (x: the ratio to java Hello)"
printf '  %-32s %6d\n' "java Hello" "${m[hello]}"
printf '  %-32s %18s %18s %18s %18s\n' "" "java-archive 1st" "self-contained 1st" "java-archive later" "self-contained later"
for i in 0 1 2; do
  row=
  for k in jar-first image-first jar-later image-later; do
    v=${m[$k-$i]}
    row+=$(printf ' %9d %5.2fx ' "$v" "$(awk -v a="$v" -v b="${m[hello]}" 'BEGIN {print a / b}')")
  done
  printf '  %-32s%s\n' "${commands[$i]}" "$row"
done
size() { printf '%d' "$(stat -c %s "$1")"; }
unpacked() { du -sb "$1" | cut -f1; }
echo "size in bytes: archive, unpacked"
printf '  %-62s %10d %11d\n' "java-archive ${tgz##*/}" "$(size "$tgz")" "$(unpacked "$jar_home")"
[ -f "$zip" ] && printf '  %-62s %10d\n' "java-archive ${zip##*/}" "$(size "$zip")"
printf '  %-62s %10d %11d\n' "self-contained ${jlink##*/}" "$(size "$jlink")" "$(unpacked "$image_home")"
