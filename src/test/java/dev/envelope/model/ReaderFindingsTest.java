package dev.envelope.model;

import dev.envelope.diagnostic.Diagnostic;
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

  @Test
  void aDaySoLongThatItsWeekOverflowsIsAProblem() {
    // Found by CliFuzzTest (sweep --vary conventions.seconds_per_day=1e308): 7 x 1e308 s is
    // infinite, which the time base refused with IllegalArgumentException.
    String file = "workloads:\n  w: {writes: 1/s}\nconventions: {seconds_per_day: 1e308}\n";
    assertThat(problems(file)).extracting(Diagnostic::toString).containsExactly(
        "req.yaml:3:32: conventions.seconds_per_day: too large: the week it makes is past 1.8e308 seconds;"
            + " expected lengths whose week, month and year stay below that");
    // A custom calendar of 1e305 days: the year is 8.64e309 s.
    String calendar = "workloads:\n  w: {writes: 1/s}\nconventions: {calendar: {year: 1e305}}\n";
    assertThat(problems(calendar)).extracting(Diagnostic::toString).containsExactly(
        "req.yaml:3:25: conventions.calendar: too large: the month it makes is past 1.8e308 seconds;"
            + " expected lengths whose week, month and year stay below that");
  }
}
