#!/usr/bin/env bash
# The time of one lane of the Monte Carlo's arithmetic: Op's loops (four lanes a turn) beside the
# same loops one lane a turn, with the launcher's compiler settings (docs/performance.md).
#
#   ./mvnw -B -q -DskipTests package && benchmark/loops.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmark/common.sh
micro_bench benchmark/loops/LoopBench.java dev.envelope.estimate.LoopBench
