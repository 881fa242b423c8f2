#!/usr/bin/env bash
# The time of one e^x as the Monte Carlo's lognormal draws take it: envelope's own (model/Exp)
# beside StrictMath.exp and Math.exp, with the launcher's compiler settings (docs/performance.md).
#
#   ./mvnw -B -q -DskipTests package && benchmark/exp.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes ] || { echo "exp: no target/classes; run ./mvnw -B -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" -cp target/classes benchmark/exp/ExpBench.java
java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:Tier3BackEdgeThreshold=5000 -XX:TieredCompileTaskTimeout=3 -XX:+UseSerialGC \
  -cp "$work:target/classes" ExpBench
