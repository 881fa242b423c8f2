#!/usr/bin/env bash
# The time of one lane of the Monte Carlo's arithmetic: Op's loops (four lanes a turn) beside the
# same loops one lane a turn, with the launcher's compiler settings (docs/performance.md).
#
#   ./mvnw -B -q -DskipTests package && benchmark/loops.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes ] || { echo "loops: no target/classes; run ./mvnw -B -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" -cp target/classes benchmark/loops/LoopBench.java
java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:Tier3BackEdgeThreshold=5000 -XX:TieredCompileTaskTimeout=3 -XX:+UseSerialGC \
  -cp "$work:target/classes" dev.envelope.estimate.LoopBench
