#!/usr/bin/env bash
# The time of one e^x as the Monte Carlo's lognormal draws take it: envelope's own (model/Exp)
# beside StrictMath.exp and Math.exp, with the launcher's compiler settings (docs/performance.md).
#
#   ./mvnw -B -q -DskipTests package && benchmark/exp.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmark/common.sh
micro_bench benchmark/exp/ExpBench.java ExpBench
