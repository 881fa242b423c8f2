package dev.envelope.model;

import static dev.envelope.model.RequirementsReaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Files found by ReaderFuzzTest that once ended in an internal error; each is now a diagnostic. */
class ReaderFindingsTest {

  @Test
  void anMttrSoFarAboveMtbfThatTheReplicaIsNeverUpIsAProblem() {
    // mttr 3e31 minutes against mtbf 720 h: mttr / (mtbf + mttr) rounds to exactly 1 in double
    // precision, which the component record refused with IllegalArgumentException. The value
    // starts at column 42: 4 spaces, "- {name: frontend, mtbf: 720h, mttr: " is 37 more.
    String file = """
        workloads:
          w: {writes: 1/s}
        availability:
          target: 99.9%
          components:
            - {name: frontend, mtbf: 720h, mttr: 30E30m, replicas: 3}
        """;
    assertThat(problems(file)).extracting(Diagnostic::toString).containsExactly(
        "req.yaml:6:42: availability.components[0].mttr: mttr is so far above mtbf that the replica is never up in"
            + " double precision; expected an mttr below 10^15 times mtbf");
  }
}
