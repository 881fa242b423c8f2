#!/usr/bin/env bash
# The time of one lane of each model calculator (Erlang C, Poisson quantile, the hedged call's
# bisection, k of n) beside what the work budget charges for it (Op.cost, in lanes of a plain figure
# of some 33 ns), with the launcher's compiler settings. Rerun it after changing a calculator and
# keep Op.cost within a factor of two of what it prints.
#
#   ./mvnw -B -q -DskipTests package && benchmark/calibrate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes ] || { echo "calibrate: no target/classes; run ./mvnw -B -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" -cp "target/classes:target/lib/*" benchmark/calibrate/Calibrate.java
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$work:target/classes:target/lib/*" dev.envelope.estimate.Calibrate
